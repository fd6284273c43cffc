//! Turns the raw JSON types into a [`Dataset`], collecting every broken rule with its JSON path.

use std::fmt::{self, Display};
use std::mem::take;

use rustc_hash::FxHashMap;

use crate::i18n::Locale;

use super::date::Day;
use super::date::{EventDate, PartialDate};
use super::depth::{Delivery, Depth, DepthSector, Outcome, Provision};
use super::mapping::{
    Claim, Evidence, Link, Mapping, Plan, Programme, RoadMap, RoadMapStatus, Sector,
};
use super::membership::{Interval, MemberStatus, Membership, Organisation, State};
use super::raw::{
    RawDataset, RawDepth, RawEvent, RawMapping, RawMembership, RawStory, UNTRANSLATED,
};
use super::story::{Step, StepView, Story};
use super::{
    Confidence, Dataset, Discrepancy, Era, Event, EventKind, LoadError, Problem, Source,
    SourceKind, Status, Track,
};

/// The file format version this program reads.
pub const FORMAT_VERSION: u32 = 1;
/// Longest title or label accepted, in characters.
const MAX_TITLE_CHARS: usize = 300;
/// Longest summary, claim or finding accepted, in characters.
const MAX_TEXT_CHARS: usize = 4000;

/// Parses JSON text into the raw types, naming line and column for syntax errors and the JSON path for
/// shape errors.
pub fn parse_raw(text: &str) -> Result<RawDataset<'_>, LoadError> {
    serde_json::from_str(text).map_err(|e| json_error(text, e))
}

/// Longest message or path quoted from the JSON parser, in characters: serde quotes offending values
/// and field names whole, and a huge one must not make a huge message.
const MAX_PARSER_TEXT_CHARS: usize = 240;
/// A placeholder for a date that failed to parse; only used while problems are being collected, never
/// in a dataset that is returned.
const FALLBACK_DATE: PartialDate = PartialDate {
    year: 2000,
    month: None,
    day: None,
};
/// Most problems reported for one file; the rest are counted, so a file full of one mistake cannot
/// make an error many times its size.
const MAX_PROBLEMS: usize = 100;

/// Identifiers and their positions in a list. Keys are short and come from the file being read; the
/// maps only resolve references within it, so a fast hash (not a DoS-resistant one) is enough.
type Ids<'a> = FxHashMap<&'a str, usize>;

/// The path of a list's item, `list[i]`: written out only if a problem is reported there.
#[derive(Clone, Copy)]
struct Item<'a>(&'a str, usize);

impl Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// serde's message in the file's terms: no Rust type names, no position (the path says where), clipped.
fn readable(message: &str) -> String {
    let mut m = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
    .to_owned();
    while let Some(i) = m.find("struct Raw") {
        let end = m[i + "struct ".len()..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(m.len(), |k| i + "struct ".len() + k);
        m.replace_range(i..end, "an object");
    }
    for (rust, file) in [
        ("expected u32", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
        ("invalid type: sequence", "invalid type: list"),
        ("invalid type: map", "invalid type: object"),
        ("a sequence", "a list"),
    ] {
        m = m.replace(rust, file);
    }
    if let Some(i) = m.find(" with ") {
        if m[i..].ends_with(" elements") {
            m.truncate(i);
        }
    }
    // A list where an object belongs: serde reports it as a list of the wrong length.
    if m.starts_with("invalid length") && m.ends_with("expected an object") {
        m = "invalid type: list, expected an object".to_owned();
    }
    clip_to(&m, MAX_PARSER_TEXT_CHARS)
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn clip_to(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let head: String = text.chars().take(max).collect();
        format!("{head}…")
    }
}

/// Where a container's walk is: an object's last key read (its bytes in the text), or a list's current
/// item.
enum Frame {
    /// `colon`: whether the last key read has its `:`.
    Object {
        key: Option<(usize, usize)>,
        wants_key: bool,
        colon: bool,
    },
    List {
        index: usize,
        started: bool,
    },
}

/// The JSON path of the value the parser was reading when it stopped at `line` and `column` (1-based
/// line; column as serde_json counts it, bytes from the line's start, so that the two give the bytes
/// it had consumed). serde_json reports a shape error there: after a value of the wrong type or
/// value, before a list or object that should be something else, after the key of an unknown field,
/// after the `}` of an object missing a field. The text is walked to that point, keeping the key or
/// item each open container is at, and a container closed just before still counts as the place.
/// Keys are given as the parser reads them (escapes decoded), a key with no name as `""`.
fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let start_value = |stack: &mut Vec<Frame>| {
        if let Some(Frame::List { started, .. }) = stack.last_mut() {
            *started = true;
        }
    };
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let from = i + 1;
                let mut j = from;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let to = j.min(bytes.len());
                match stack.last_mut() {
                    Some(Frame::Object {
                        key,
                        wants_key,
                        colon,
                    }) if *wants_key => {
                        *key = Some((from, to));
                        *wants_key = false;
                        *colon = false;
                    }
                    _ => start_value(&mut stack),
                }
                i = to + 1;
                continue;
            }
            b'{' => {
                start_value(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    wants_key: true,
                    colon: false,
                });
            }
            b'[' => {
                start_value(&mut stack);
                stack.push(Frame::List {
                    index: 0,
                    started: false,
                });
            }
            // An object closed straight after a key: the key is what was reported.
            b'}' if matches!(
                stack.last(),
                Some(Frame::Object {
                    key: Some(_),
                    wants_key: false,
                    colon: false
                })
            ) =>
            {
                break
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { colon, .. }) = stack.last_mut() {
                    *colon = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { wants_key, .. }) => *wants_key = true,
                Some(Frame::List { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => start_value(&mut stack),
        }
        i += 1;
    }
    // A list or object where something else belongs is reported before it is read.
    if let Some(Frame::List { started, .. }) = stack.last_mut() {
        let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
        *started |= matches!(next, Some(b'{' | b'['));
    }
    let mut path = String::new();
    for frame in &stack {
        match *frame {
            Frame::Object {
                key: Some((from, to)),
                ..
            } => {
                // As the parser reads it, escapes and all.
                let key = text
                    .get(from.saturating_sub(1)..(to + 1).min(text.len()))
                    .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
                    .unwrap_or_else(|| text.get(from..to).unwrap_or("?").to_owned());
                if !path.is_empty() {
                    path.push('.');
                }
                if key.is_empty() {
                    path.push_str("\"\"");
                } else {
                    path.push_str(&key);
                }
            }
            Frame::List {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

/// `path` without its last key or item.
fn parent(path: &str) -> &str {
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    &path[..cut]
}

fn json_error(text: &str, e: serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let message = readable(&e.to_string());
    if e.classify() != Category::Data {
        return LoadError::Syntax {
            line: e.line().max(1),
            column: e.column().max(1),
            message,
        };
    }
    let mut path = path_at(text, e.line(), e.column());
    // A duplicate is reported after its key: the place is the object holding it.
    if message.starts_with("duplicate field") {
        path.truncate(parent(&path).len());
    }
    let path = if path.is_empty() {
        "(top level)".to_owned()
    } else {
        clip_to(&path, MAX_PARSER_TEXT_CHARS)
    };
    LoadError::Shape { path, message }
}

/// Whether a text is empty or only white space (as `text.trim().is_empty()`, but stopping at the first
/// character that is not, which for a dataset's texts is their first).
fn blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Collects problems while walking the raw dataset, and puts its texts in the dataset's language.
struct Checker {
    problems: Vec<Problem>,
    /// Problems found beyond [`MAX_PROBLEMS`].
    more: usize,
    lang: Language,
}

/// The language a dataset's texts are put in. In English each text is kept, typeset ([`typeset`]),
/// beside its Russian twin where the dataset keeps one. In Russian the twin takes the text's place or,
/// where there is none, the English text does, marked with [`UNTRANSLATED`] and counted; no twin is
/// kept, so nothing shows twice. Problems are found in the texts as written, at their own paths, either
/// way.
struct Language {
    russian: bool,
    /// Texts that fell back to English.
    missing: usize,
}

/// A text typeset: a date's parts and a dash kept with their words
/// ([`crate::layout::text::keep_together`]), so that no line ends on a day's number ("1" before "Jan
/// 2004") or begins with "г." or a dash.
fn typeset(text: String) -> String {
    match crate::layout::text::keep_together(&text) {
        std::borrow::Cow::Owned(kept) => kept,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

impl Language {
    /// A text and its Russian twin, as the dataset keeps them.
    fn pair(&mut self, en: String, ru: Option<String>) -> (String, Option<String>) {
        if !self.russian {
            return (typeset(en), ru.map(typeset));
        }
        match ru.filter(|r| !blank(r)) {
            Some(r) => (typeset(r), None),
            None if !blank(&en) => {
                self.missing += 1;
                (format!("{UNTRANSLATED}{}", typeset(en)), None)
            }
            None => (en, None),
        }
    }

    /// A text whose twin the dataset does not keep.
    fn text(&mut self, en: String, ru: Option<String>) -> String {
        self.pair(en, ru).0
    }

    /// As [`Language::text`], for a text that may be absent (in Russian, a twin stands alone).
    fn optional(&mut self, en: Option<String>, ru: Option<String>) -> Option<String> {
        match en {
            Some(en) => Some(self.text(en, ru)),
            None if self.russian => ru.map(typeset),
            None => None,
        }
    }
}

impl Checker {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn id(&mut self, path: impl Display, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 80
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.fail(
                path.to_string(),
                format!(
                    "id '{}' must be 1-80 characters of a-z, 0-9 and '-'",
                    clip(id)
                ),
            );
        }
    }

    fn text(&mut self, path: impl Display, text: &str, max: usize) {
        if blank(text) {
            self.fail(path.to_string(), "must not be empty");
        } else if text.len() > max {
            // Never more characters than bytes: counted only when the bytes are over the limit.
            let n = text.chars().count();
            if n > max {
                let message = format!("is {n} characters long; the limit is {max}");
                self.fail(path.to_string(), message);
            }
        }
    }

    fn optional_text(&mut self, path: impl Display, text: &Option<String>, max: usize) {
        if let Some(t) = text {
            self.text(path, t, max);
        }
    }

    /// Builds an id -> index map, reporting duplicates.
    fn index<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> Ids<'a> {
        let mut map = Ids::with_capacity_and_hasher(ids.size_hint().0, Default::default());
        for (i, id) in ids.enumerate() {
            self.id(format_args!("{list}[{i}].id"), id);
            if let Some(first) = map.insert(id, i) {
                self.fail(
                    format!("{list}[{i}].id"),
                    format!(
                        "duplicate id '{}' (first used at {list}[{first}])",
                        clip(id)
                    ),
                );
                map.insert(id, first);
            }
        }
        map
    }

    /// Resolves a list of references, reporting unknown ones and, if `required`, an empty list.
    fn refs(
        &mut self,
        path: impl Display,
        ids: &[impl AsRef<str>],
        map: &Ids<'_>,
        what: &str,
        required: bool,
    ) -> Vec<usize> {
        if required && ids.is_empty() {
            self.fail(path.to_string(), format!("needs at least one {what}"));
        }
        ids.iter()
            .enumerate()
            .filter_map(|(i, id)| match map.get(id.as_ref()) {
                Some(&ix) => Some(ix),
                None => {
                    self.fail(
                        format!("{path}[{i}]"),
                        format!("unknown {what} '{}'", clip(id.as_ref())),
                    );
                    None
                }
            })
            .collect()
    }

    /// The `sources` list at `p`: at least one, each known.
    fn sources(&mut self, p: impl Display, ids: &[impl AsRef<str>], map: &Ids<'_>) -> Vec<usize> {
        self.refs(format_args!("{p}.sources"), ids, map, "source", true)
    }

    /// The `confidence` mark at `p`.
    fn confidence(&mut self, p: impl Display, text: &str) -> Option<Confidence> {
        self.vocab(
            format_args!("{p}.confidence"),
            text,
            Confidence::parse,
            Confidence::expected,
        )
    }

    /// A value from a fixed list; `expected` names the list, and is called only when the value is not
    /// on it.
    fn vocab<T>(
        &mut self,
        path: impl Display,
        text: &str,
        parse: fn(&str) -> Option<T>,
        expected: fn() -> String,
    ) -> Option<T> {
        let v = parse(text);
        if v.is_none() {
            self.fail(
                path.to_string(),
                format!(
                    "unknown value '{}' (expected one of: {})",
                    clip(text),
                    expected()
                ),
            );
        }
        v
    }
}

/// Shortens user text quoted in a message, so an over-long value cannot flood the error panel.
fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// Whether a link may be offered to a reader: absolute `http` or `https` only.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Validates the raw dataset, returning it resolved with its texts in `locale`, or every problem found.
pub fn dataset(mut raw: RawDataset, locale: Locale) -> Result<Dataset, Vec<Problem>> {
    let mut c = Checker {
        problems: Vec::new(),
        more: 0,
        lang: Language {
            russian: locale == Locale::ru,
            missing: 0,
        },
    };
    if raw.format != FORMAT_VERSION {
        c.fail(
            "format",
            format!(
                "version {} is not supported (this program reads version {FORMAT_VERSION})",
                raw.format
            ),
        );
    }
    c.text("title", &raw.title, MAX_TITLE_CHARS);
    c.optional_text("title_ru", &raw.title_ru, MAX_TITLE_CHARS);
    c.optional_text("description", &raw.description, MAX_TEXT_CHARS);
    c.optional_text("description_ru", &raw.description_ru, MAX_TEXT_CHARS);
    if raw.tracks.is_empty() {
        c.fail("tracks", "needs at least one track");
    }
    if raw.events.is_empty() {
        c.fail("events", "needs at least one event");
    }

    let track_ix = c.index("tracks", raw.tracks.iter().map(|t| t.id.as_str()));
    let source_ix = c.index("sources", raw.sources.iter().map(|s| s.id.as_str()));
    c.index("eras", raw.eras.iter().map(|e| e.id.as_str()));
    c.index(
        "discrepancies",
        raw.discrepancies.iter().map(|d| d.id.as_str()),
    );

    let tracks = raw
        .tracks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            c.text(format_args!("tracks[{i}].label"), &t.label, MAX_TITLE_CHARS);
            c.optional_text(
                format_args!("tracks[{i}].label_ru"),
                &t.label_ru,
                MAX_TITLE_CHARS,
            );
            let (label, label_ru) = c.lang.pair(t.label.clone(), t.label_ru.clone());
            Track {
                id: t.id.clone(),
                label,
                label_ru,
            }
        })
        .collect();

    let sources = raw
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = format!("sources[{i}]");
            c.text(format_args!("{p}.title"), &s.title, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.publisher"), &s.publisher, MAX_TITLE_CHARS);
            if let Some(url) = &s.url {
                if !is_safe_url(url) {
                    c.fail(
                        format!("{p}.url"),
                        format!("'{}' is not an http or https address", clip(url)),
                    );
                }
            }
            let kind = c
                .vocab(
                    format_args!("{p}.kind"),
                    &s.kind,
                    SourceKind::parse,
                    SourceKind::expected,
                )
                .unwrap_or(SourceKind::Secondary);
            Source {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone().filter(|u| is_safe_url(u)),
                publisher: s.publisher.clone(),
                kind,
            }
        })
        .collect();

    let mut eras: Vec<Era> = Vec::new();
    for (i, e) in raw.eras.iter().enumerate() {
        let p = format!("eras[{i}]");
        c.text(format_args!("{p}.label"), &e.label, MAX_TITLE_CHARS);
        c.optional_text(format_args!("{p}.label_ru"), &e.label_ru, MAX_TITLE_CHARS);
        c.optional_text(format_args!("{p}.summary"), &e.summary, MAX_TEXT_CHARS);
        c.optional_text(
            format_args!("{p}.summary_ru"),
            &e.summary_ru,
            MAX_TEXT_CHARS,
        );
        let srcs = c.sources(&p, &e.sources, &source_ix);
        let start = PartialDate::parse(&e.start)
            .map_err(|err| c.fail(format!("{p}.start"), err.to_string()));
        let end =
            PartialDate::parse(&e.end).map_err(|err| c.fail(format!("{p}.end"), err.to_string()));
        if let (Ok(start), Ok(end)) = (start, end) {
            let (start, end) = (start.first_day(), end.last_day());
            if end < start {
                c.fail(format!("{p}.end"), "the era ends before it starts");
            }
            if let Some(prev) = eras.last() {
                if start <= prev.end {
                    c.fail(
                        format!("{p}.start"),
                        format!("overlaps the era before it ('{}')", clip(&prev.id)),
                    );
                }
            }
            let (label, label_ru) = c.lang.pair(e.label.clone(), e.label_ru.clone());
            eras.push(Era {
                id: e.id.clone(),
                label,
                label_ru,
                start,
                end,
                summary: c.lang.optional(e.summary.clone(), e.summary_ru.clone()),
                sources: srcs,
            });
        }
    }

    // The events' texts move into the dataset instead of being copied: there can be tens of thousands.
    // They are taken out before the maps below borrow the events' identifiers.
    let mut texts: Vec<EventTexts> = raw
        .events
        .iter_mut()
        .map(|e| EventTexts {
            title: take(&mut e.title),
            title_ru: e.title_ru.take(),
            summary: take(&mut e.summary),
            summary_ru: e.summary_ru.take(),
            confidence_note: e.confidence_note.take(),
            confidence_note_ru: e.confidence_note_ru.take(),
        })
        .collect();

    // Events are sorted by date before references between them are resolved, so that indices in
    // `related` and `discrepancies` point into the sorted list.
    let mut dated: Vec<(usize, &RawEvent, Option<EventDate>)> = raw
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let date = EventDate::parse(&e.date)
                .map_err(|err| c.fail(format!("events[{i}].date"), err.to_string()))
                .ok();
            (i, e, date)
        })
        .collect();
    // Each date's day worked out once, not at every comparison.
    dated.sort_by_cached_key(|(i, _, d)| (d.map(|d| d.anchor()), *i));
    let mut event_ix = c.index("events", raw.events.iter().map(|e| &*e.id));
    // `event_ix` maps to file positions; `sorted_pos` maps a file position to its sorted position.
    let mut sorted_pos = vec![0usize; raw.events.len()];
    for (pos, (i, _, _)) in dated.iter().enumerate() {
        sorted_pos[*i] = pos;
    }
    // In place: the same keys, so nothing is hashed or allocated again.
    for v in event_ix.values_mut() {
        *v = sorted_pos[*v];
    }

    let mut events = Vec::with_capacity(dated.len());
    for (i, e, date) in &dated {
        let p = Item("events", *i);
        let t = &mut texts[*i];
        c.text(format_args!("{p}.title"), &t.title, MAX_TITLE_CHARS);
        c.optional_text(format_args!("{p}.title_ru"), &t.title_ru, MAX_TITLE_CHARS);
        c.text(format_args!("{p}.summary"), &t.summary, MAX_TEXT_CHARS);
        c.optional_text(
            format_args!("{p}.summary_ru"),
            &t.summary_ru,
            MAX_TEXT_CHARS,
        );
        c.optional_text(
            format_args!("{p}.confidence_note"),
            &t.confidence_note,
            MAX_TEXT_CHARS,
        );
        c.optional_text(
            format_args!("{p}.confidence_note_ru"),
            &t.confidence_note_ru,
            MAX_TEXT_CHARS,
        );
        let track = match track_ix.get(&*e.track) {
            Some(&t) => Some(t),
            None => {
                c.fail(
                    format!("{p}.track"),
                    format!("unknown track '{}'", clip(&e.track)),
                );
                None
            }
        };
        let kind = c.vocab(
            format_args!("{p}.kind"),
            &e.kind,
            EventKind::parse,
            EventKind::expected,
        );
        let status = e.status.as_deref().map(|s| {
            c.vocab(
                format_args!("{p}.status"),
                s,
                Status::parse,
                Status::expected,
            )
        });
        let confidence = c.confidence(p, &e.confidence);
        let sources = c.sources(p, &e.sources, &source_ix);
        let related = c.refs(
            format_args!("{p}.related"),
            &e.related,
            &event_ix,
            "event",
            false,
        );
        if let Some(k) = e
            .related
            .iter()
            .position(|r| event_ix.get(&**r) == Some(&sorted_pos[*i]))
        {
            c.fail(
                format!("{p}.related[{k}]"),
                "an event cannot be related to itself",
            );
        }
        if let (Some(date), Some(track), Some(kind), Some(confidence)) =
            (date, track, kind, confidence)
        {
            let (title, title_ru) = c.lang.pair(take(&mut t.title), t.title_ru.take());
            events.push(Event {
                id: String::from(&*e.id),
                date: *date,
                title,
                title_ru,
                summary: c.lang.text(take(&mut t.summary), t.summary_ru.take()),
                track,
                kind,
                status: status.flatten(),
                sources,
                confidence,
                confidence_note: c
                    .lang
                    .optional(t.confidence_note.take(), t.confidence_note_ru.take()),
                related,
                discrepancies: Vec::new(),
            });
        }
    }

    let mut discrepancies = Vec::new();
    for (i, d) in raw.discrepancies.iter().enumerate() {
        let p = format!("discrepancies[{i}]");
        c.text(format_args!("{p}.title"), &d.title, MAX_TITLE_CHARS);
        c.optional_text(format_args!("{p}.title_ru"), &d.title_ru, MAX_TITLE_CHARS);
        c.text(format_args!("{p}.claim"), &d.claim, MAX_TEXT_CHARS);
        c.optional_text(format_args!("{p}.claim_ru"), &d.claim_ru, MAX_TEXT_CHARS);
        c.text(format_args!("{p}.finding"), &d.finding, MAX_TEXT_CHARS);
        c.optional_text(
            format_args!("{p}.finding_ru"),
            &d.finding_ru,
            MAX_TEXT_CHARS,
        );
        let claimed_by = c.refs(
            format_args!("{p}.claimed_by"),
            &d.claimed_by,
            &source_ix,
            "source",
            true,
        );
        let sources = c.sources(&p, &d.sources, &source_ix);
        let evs = c.refs(
            format_args!("{p}.events"),
            &d.events,
            &event_ix,
            "event",
            true,
        );
        discrepancies.push(Discrepancy {
            id: d.id.clone(),
            title: c.lang.text(d.title.clone(), d.title_ru.clone()),
            claim: c.lang.text(d.claim.clone(), d.claim_ru.clone()),
            claimed_by,
            finding: c.lang.text(d.finding.clone(), d.finding_ru.clone()),
            sources,
            events: evs,
        });
    }

    let mapping = raw
        .mapping
        .as_ref()
        .map(|m| mapping(&mut c, m, &source_ix, &event_ix));
    let membership = raw
        .membership
        .as_ref()
        .map(|m| membership(&mut c, m, &source_ix, &event_ix));
    let depth = raw
        .depth
        .as_ref()
        .map(|d| depth(&mut c, d, &source_ix, &event_ix));
    let story = raw
        .story
        .as_ref()
        .map(|st| story(&mut c, st, &raw, &source_ix));

    if c.more > 0 {
        c.problems.push(Problem {
            path: "(and more)".into(),
            message: format!("{} more problems are not listed; fix these first", c.more),
        });
    }
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    for (di, d) in discrepancies.iter().enumerate() {
        for &ev in &d.events {
            if let Some(e) = events.get_mut(ev) {
                e.discrepancies.push(di);
            }
        }
    }
    let (title, title_ru) = c.lang.pair(raw.title, raw.title_ru);
    let description = c.lang.optional(raw.description, raw.description_ru);
    Ok(Dataset {
        title,
        title_ru,
        description,
        tracks,
        eras,
        sources,
        events,
        discrepancies,
        mapping,
        membership,
        depth,
        story,
        locale,
        untranslated: c.lang.missing,
    })
}

/// The texts of one event, moved out of the raw event.
struct EventTexts {
    title: String,
    title_ru: Option<String>,
    summary: String,
    summary_ru: Option<String>,
    confidence_note: Option<String>,
    confidence_note_ru: Option<String>,
}

/// Validates the story: each step's view exists in the dataset and its selection in that view.
fn story(c: &mut Checker, raw: &RawStory, data: &RawDataset, source_ix: &Ids<'_>) -> Story {
    const P: &str = "story";
    c.text(format_args!("{P}.title"), &raw.title, MAX_TITLE_CHARS);
    c.optional_text(format_args!("{P}.title_ru"), &raw.title_ru, MAX_TITLE_CHARS);
    c.index(
        &format!("{P}.steps"),
        raw.steps.iter().map(|s| s.id.as_str()),
    );
    if raw.steps.is_empty() {
        c.fail(format!("{P}.steps"), "needs at least one step");
    }
    let steps = raw
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = format!("{P}.steps[{i}]");
            c.text(format_args!("{p}.caption"), &s.caption, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.caption_ru"), &s.caption_ru, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.notes"), &s.notes, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.notes_ru"), &s.notes_ru, MAX_TEXT_CHARS);
            let view = StepView::parse(&s.view);
            let has_view = match view {
                Some(StepView::Timeline) => true,
                Some(StepView::Mapping) => data.mapping.is_some(),
                Some(StepView::Membership) => data.membership.is_some(),
                Some(StepView::Depth) => data.depth.is_some(),
                None => {
                    c.fail(format!("{p}.view"), format!("unknown view '{}' (expected one of: timeline, mapping, membership, depth)", clip(&s.view)));
                    true
                }
            };
            if !has_view {
                c.fail(format!("{p}.view"), format!("the dataset has no '{}' section for this view", s.view));
            }
            if let (Some(v), Some(sel)) = (view, &s.selection) {
                let found = match v {
                    StepView::Timeline => data.events.iter().any(|e| *e.id == **sel),
                    StepView::Mapping => data.mapping.as_ref().is_some_and(|m| {
                        m.road_maps.iter().any(|r| &r.id == sel) || m.programmes.iter().any(|r| &r.id == sel)
                    }),
                    StepView::Membership => data.membership.as_ref().is_some_and(|m| {
                        m.states.iter().any(|r| &r.id == sel) || m.organisations.iter().any(|r| &r.id == sel)
                    }),
                    StepView::Depth => data.depth.as_ref().is_some_and(|d| d.provisions.iter().any(|r| &r.id == sel)),
                };
                if !found {
                    c.fail(format!("{p}.selection"), format!("no '{}' in the {} view", clip(sel), s.view));
                }
            }
            let time = date(c, &format!("{p}.time"), &s.time).map_or(Day(0), |d| d.first_day());
            let from = s.from.as_deref().and_then(|d| date(c, &format!("{p}.from"), d));
            let to = s.to.as_deref().and_then(|d| date(c, &format!("{p}.to"), d));
            let window = match (from, to) {
                (Some(a), Some(b)) if b.last_day() > a.first_day() => Some((a.first_day(), b.last_day())),
                (Some(_), Some(_)) => {
                    c.fail(format!("{p}.to"), "the window ends before it starts");
                    None
                }
                (None, None) => None,
                _ => {
                    c.fail(p.clone(), "a window needs both 'from' and 'to'");
                    None
                }
            };
            Step {
                id: s.id.clone(),
                view: view.unwrap_or(StepView::Timeline),
                time,
                selection: s.selection.clone(),
                window,
                caption: c.lang.text(s.caption.clone(), s.caption_ru.clone()),
                notes: c.lang.optional(s.notes.clone(), s.notes_ru.clone()),
                sources: c.sources(&p, &s.sources, source_ix),
            }
        })
        .collect();
    Story {
        title: c.lang.text(raw.title.clone(), raw.title_ru.clone()),
        steps,
    }
}

/// Parses a date field that must be present.
fn date(c: &mut Checker, path: &str, text: &str) -> Option<PartialDate> {
    PartialDate::parse(text)
        .map_err(|e| c.fail(path, e.to_string()))
        .ok()
}

/// Validates the mapping section. Problems go to the checker; the returned value is only used when
/// there are none.
fn mapping(c: &mut Checker, raw: &RawMapping, source_ix: &Ids<'_>, event_ix: &Ids<'_>) -> Mapping {
    const P: &str = "mapping";
    let sector_ix = c.index(
        &format!("{P}.sectors"),
        raw.sectors.iter().map(|s| s.id.as_str()),
    );
    let road_ix = c.index(
        &format!("{P}.road_maps"),
        raw.road_maps.iter().map(|r| r.id.as_str()),
    );
    let prog_ix = c.index(
        &format!("{P}.programmes"),
        raw.programmes.iter().map(|r| r.id.as_str()),
    );
    c.index(
        &format!("{P}.claims"),
        raw.claims.iter().map(|r| r.id.as_str()),
    );
    let fallback = FALLBACK_DATE;

    let sectors = raw
        .sectors
        .iter()
        .enumerate()
        .map(|(i, s)| {
            c.text(
                format_args!("{P}.sectors[{i}].label"),
                &s.label,
                MAX_TITLE_CHARS,
            );
            c.optional_text(
                format_args!("{P}.sectors[{i}].label_ru"),
                &s.label_ru,
                MAX_TITLE_CHARS,
            );
            let (label, label_ru) = c.lang.pair(s.label.clone(), s.label_ru.clone());
            Sector {
                id: s.id.clone(),
                label,
                label_ru,
            }
        })
        .collect();
    let sector = |c: &mut Checker, path: String, id: &str| match sector_ix.get(id) {
        Some(&s) => s,
        None => {
            c.fail(path, format!("unknown sector '{}'", clip(id)));
            0
        }
    };

    let road_maps = raw
        .road_maps
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = format!("{P}.road_maps[{i}]");
            c.text(format_args!("{p}.label"), &r.label, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.label_ru"), &r.label_ru, MAX_TITLE_CHARS);
            c.text(format_args!("{p}.summary"), &r.summary, MAX_TEXT_CHARS);
            c.optional_text(
                format_args!("{p}.summary_ru"),
                &r.summary_ru,
                MAX_TEXT_CHARS,
            );
            c.optional_text(
                format_args!("{p}.confidence_note"),
                &r.confidence_note,
                MAX_TEXT_CHARS,
            );
            c.optional_text(
                format_args!("{p}.confidence_note_ru"),
                &r.confidence_note_ru,
                MAX_TEXT_CHARS,
            );
            if r.count == 0 {
                c.fail(format!("{p}.count"), "must be at least 1");
            }
            let reported = date(c, &format!("{p}.reported"), &r.reported).unwrap_or(fallback);
            let agreed = r
                .agreed
                .as_deref()
                .and_then(|d| date(c, &format!("{p}.agreed"), d));
            let dropped = r
                .dropped
                .as_deref()
                .and_then(|d| date(c, &format!("{p}.dropped"), d));
            for (field, d) in [("agreed", agreed), ("dropped", dropped)] {
                if d.is_some_and(|d| d.last_day() < reported.first_day()) {
                    c.fail(
                        format!("{p}.{field}"),
                        "comes before the road map was reported",
                    );
                }
            }
            let (label, label_ru) = c.lang.pair(r.label.clone(), r.label_ru.clone());
            RoadMap {
                id: r.id.clone(),
                label,
                label_ru,
                sector: sector(c, format!("{p}.sector"), &r.sector),
                status: c
                    .vocab(
                        format_args!("{p}.status"),
                        &r.status,
                        RoadMapStatus::parse,
                        RoadMapStatus::expected,
                    )
                    .unwrap_or(RoadMapStatus::Agreed),
                count: r.count,
                unpublished: r.unpublished,
                reported,
                agreed,
                dropped,
                summary: c.lang.text(r.summary.clone(), r.summary_ru.clone()),
                sources: c.sources(&p, &r.sources, source_ix),
                confidence: c.confidence(&p, &r.confidence).unwrap_or(Confidence::Low),
                confidence_note: c
                    .lang
                    .optional(r.confidence_note.clone(), r.confidence_note_ru.clone()),
                events: c.refs(
                    format_args!("{p}.events"),
                    &r.events,
                    event_ix,
                    "event",
                    false,
                ),
            }
        })
        .collect();

    let programmes = raw
        .programmes
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = format!("{P}.programmes[{i}]");
            c.text(format_args!("{p}.label"), &r.label, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.label_ru"), &r.label_ru, MAX_TITLE_CHARS);
            c.text(format_args!("{p}.summary"), &r.summary, MAX_TEXT_CHARS);
            c.optional_text(
                format_args!("{p}.summary_ru"),
                &r.summary_ru,
                MAX_TEXT_CHARS,
            );
            c.optional_text(
                format_args!("{p}.confidence_note"),
                &r.confidence_note,
                MAX_TEXT_CHARS,
            );
            c.optional_text(
                format_args!("{p}.confidence_note_ru"),
                &r.confidence_note_ru,
                MAX_TEXT_CHARS,
            );
            let (label, label_ru) = c.lang.pair(r.label.clone(), r.label_ru.clone());
            Programme {
                id: r.id.clone(),
                label,
                label_ru,
                sector: sector(c, format!("{p}.sector"), &r.sector),
                approved: date(c, &format!("{p}.approved"), &r.approved).unwrap_or(fallback),
                summary: c.lang.text(r.summary.clone(), r.summary_ru.clone()),
                sources: c.sources(&p, &r.sources, source_ix),
                confidence: c.confidence(&p, &r.confidence).unwrap_or(Confidence::Low),
                confidence_note: c
                    .lang
                    .optional(r.confidence_note.clone(), r.confidence_note_ru.clone()),
                events: c.refs(
                    format_args!("{p}.events"),
                    &r.events,
                    event_ix,
                    "event",
                    false,
                ),
            }
        })
        .collect();

    let mut links: Vec<Link> = Vec::new();
    for (i, l) in raw.links.iter().enumerate() {
        let p = format!("{P}.links[{i}]");
        c.text(format_args!("{p}.note"), &l.note, MAX_TEXT_CHARS);
        c.optional_text(format_args!("{p}.note_ru"), &l.note_ru, MAX_TEXT_CHARS);
        let from = road_ix.get(l.from.as_str()).copied();
        let to = prog_ix.get(l.to.as_str()).copied();
        if from.is_none() {
            c.fail(
                format!("{p}.from"),
                format!("unknown road map '{}'", clip(&l.from)),
            );
        }
        if to.is_none() {
            c.fail(
                format!("{p}.to"),
                format!("unknown programme '{}'", clip(&l.to)),
            );
        }
        let evidence = c.vocab(
            format_args!("{p}.evidence"),
            &l.evidence,
            Evidence::parse,
            Evidence::expected,
        );
        let sources = c.sources(&p, &l.sources, source_ix);
        if let (Some(from), Some(to), Some(evidence)) = (from, to, evidence) {
            if links.iter().any(|k| k.from == from && k.to == to) {
                c.fail(
                    p.clone(),
                    format!(
                        "duplicate link from '{}' to '{}'",
                        clip(&l.from),
                        clip(&l.to)
                    ),
                );
            }
            links.push(Link {
                from,
                to,
                evidence,
                note: c.lang.text(l.note.clone(), l.note_ru.clone()),
                sources,
            });
        }
    }

    let mut claims: Vec<Claim> = raw
        .claims
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let p = format!("{P}.claims[{i}]");
            c.text(format_args!("{p}.claimant"), &k.claimant, MAX_TITLE_CHARS);
            c.optional_text(
                format_args!("{p}.claimant_ru"),
                &k.claimant_ru,
                MAX_TITLE_CHARS,
            );
            c.text(format_args!("{p}.text"), &k.text, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.text_ru"), &k.text_ru, MAX_TEXT_CHARS);
            let in_range = |v: f64| v.is_finite() && (0.0..=100.0).contains(&v);
            if !in_range(k.percent) {
                c.fail(
                    format!("{p}.percent"),
                    format!("{} is not a percentage between 0 and 100", k.percent),
                );
            }
            if let Some(h) = k.percent_high {
                if !in_range(h) || h < k.percent {
                    c.fail(
                        format!("{p}.percent_high"),
                        format!("{h} is not a percentage between percent and 100"),
                    );
                }
            }
            Claim {
                id: k.id.clone(),
                date: date(c, &format!("{p}.date"), &k.date).unwrap_or(fallback),
                claimant: c.lang.text(k.claimant.clone(), k.claimant_ru.clone()),
                plan: c
                    .vocab(
                        format_args!("{p}.plan"),
                        &k.plan,
                        Plan::parse,
                        Plan::expected,
                    )
                    .unwrap_or(Plan::First),
                percent: k.percent,
                percent_high: k.percent_high,
                text: c.lang.text(k.text.clone(), k.text_ru.clone()),
                sources: c.sources(&p, &k.sources, source_ix),
                confidence: c.confidence(&p, &k.confidence).unwrap_or(Confidence::Low),
            }
        })
        .collect();
    claims.sort_by_key(|k| k.date.first_day());

    Mapping {
        sectors,
        road_maps,
        programmes,
        links,
        claims,
    }
}

/// Validates the membership section.
fn membership(
    c: &mut Checker,
    raw: &RawMembership,
    source_ix: &Ids<'_>,
    event_ix: &Ids<'_>,
) -> Membership {
    const P: &str = "membership";
    let state_ix = c.index(
        &format!("{P}.states"),
        raw.states.iter().map(|s| s.id.as_str()),
    );
    let org_ix = c.index(
        &format!("{P}.organisations"),
        raw.organisations.iter().map(|s| s.id.as_str()),
    );
    let fallback = FALLBACK_DATE;
    let states = raw
        .states
        .iter()
        .enumerate()
        .map(|(i, s)| {
            c.text(
                format_args!("{P}.states[{i}].label"),
                &s.label,
                MAX_TITLE_CHARS,
            );
            c.optional_text(
                format_args!("{P}.states[{i}].label_ru"),
                &s.label_ru,
                MAX_TITLE_CHARS,
            );
            let (label, label_ru) = c.lang.pair(s.label.clone(), s.label_ru.clone());
            State {
                id: s.id.clone(),
                label,
                label_ru,
            }
        })
        .collect();
    let organisations = raw
        .organisations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let p = format!("{P}.organisations[{i}]");
            c.text(format_args!("{p}.label"), &o.label, MAX_TITLE_CHARS);
            c.text(format_args!("{p}.name"), &o.name, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.name_ru"), &o.name_ru, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.label_ru"), &o.label_ru, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.group"), &o.group, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.group_ru"), &o.group_ru, MAX_TITLE_CHARS);
            c.text(format_args!("{p}.summary"), &o.summary, MAX_TEXT_CHARS);
            c.optional_text(
                format_args!("{p}.summary_ru"),
                &o.summary_ru,
                MAX_TEXT_CHARS,
            );
            let founded = date(c, &format!("{p}.founded"), &o.founded).unwrap_or(fallback);
            let ended = o
                .ended
                .as_deref()
                .and_then(|d| date(c, &format!("{p}.ended"), d));
            if ended.is_some_and(|e| e.first_day() < founded.first_day()) {
                c.fail(
                    format!("{p}.ended"),
                    "comes before the organisation was founded",
                );
            }
            let (label, label_ru) = c.lang.pair(o.label.clone(), o.label_ru.clone());
            Organisation {
                id: o.id.clone(),
                label,
                name: c.lang.text(o.name.clone(), o.name_ru.clone()),
                label_ru,
                group: c.lang.optional(o.group.clone(), o.group_ru.clone()),
                founded,
                ended,
                summary: c.lang.text(o.summary.clone(), o.summary_ru.clone()),
                sources: c.sources(&p, &o.sources, source_ix),
                events: c.refs(
                    format_args!("{p}.events"),
                    &o.events,
                    event_ix,
                    "event",
                    false,
                ),
            }
        })
        .collect();
    let mut intervals: Vec<Interval> = Vec::new();
    for (i, r) in raw.intervals.iter().enumerate() {
        let p = format!("{P}.intervals[{i}]");
        c.text(format_args!("{p}.note"), &r.note, MAX_TEXT_CHARS);
        c.optional_text(format_args!("{p}.note_ru"), &r.note_ru, MAX_TEXT_CHARS);
        let state = state_ix.get(r.state.as_str()).copied();
        if state.is_none() {
            c.fail(
                format!("{p}.state"),
                format!("unknown state '{}'", clip(&r.state)),
            );
        }
        let organisation = org_ix.get(r.organisation.as_str()).copied();
        if organisation.is_none() {
            c.fail(
                format!("{p}.organisation"),
                format!("unknown organisation '{}'", clip(&r.organisation)),
            );
        }
        let status = c.vocab(
            format_args!("{p}.status"),
            &r.status,
            MemberStatus::parse,
            MemberStatus::expected,
        );
        let from = date(c, &format!("{p}.from"), &r.from);
        let to = r.to.as_deref().and_then(|d| date(c, &format!("{p}.to"), d));
        if let (Some(f), Some(t)) = (from, to) {
            if t.first_day() < f.first_day() {
                c.fail(format!("{p}.to"), "ends before it starts");
            }
        }
        let sources = c.sources(&p, &r.sources, source_ix);
        let confidence = c.confidence(&p, &r.confidence);
        if let (Some(state), Some(organisation), Some(status), Some(from), Some(confidence)) =
            (state, organisation, status, from, confidence)
        {
            let interval = Interval {
                state,
                organisation,
                status,
                from,
                to,
                note: c.lang.text(r.note.clone(), r.note_ru.clone()),
                sources,
                confidence,
            };
            let clash = intervals.iter().any(|k| {
                k.state == state
                    && k.organisation == organisation
                    && k.start() < interval.end().unwrap_or(super::Day(i32::MAX))
                    && interval.start() < k.end().unwrap_or(super::Day(i32::MAX))
            });
            if clash {
                c.fail(
                    format!("{p}.from"),
                    "overlaps another interval of the same state and organisation",
                );
            }
            intervals.push(interval);
        }
    }
    intervals.sort_by_key(|k| (k.state, k.organisation, k.start()));
    Membership {
        states,
        organisations,
        intervals,
    }
}

/// Validates the depth section.
fn depth(c: &mut Checker, raw: &RawDepth, source_ix: &Ids<'_>, event_ix: &Ids<'_>) -> Depth {
    const P: &str = "depth";
    let sector_ix = c.index(
        &format!("{P}.sectors"),
        raw.sectors.iter().map(|s| s.id.as_str()),
    );
    c.index(
        &format!("{P}.provisions"),
        raw.provisions.iter().map(|s| s.id.as_str()),
    );
    let fallback = FALLBACK_DATE;
    let sectors = raw
        .sectors
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = format!("{P}.sectors[{i}]");
            c.text(format_args!("{p}.label"), &s.label, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.label_ru"), &s.label_ru, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.claim"), &s.claim, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.claim_ru"), &s.claim_ru, MAX_TEXT_CHARS);
            if s.claim.is_some() && s.claim_sources.is_empty() {
                c.fail(
                    format!("{p}.claim_sources"),
                    "a claim needs at least one source",
                );
            }
            let (label, label_ru) = c.lang.pair(s.label.clone(), s.label_ru.clone());
            DepthSector {
                id: s.id.clone(),
                label,
                label_ru,
                claim: c.lang.optional(s.claim.clone(), s.claim_ru.clone()),
                claim_sources: c.refs(
                    format_args!("{p}.claim_sources"),
                    &s.claim_sources,
                    source_ix,
                    "source",
                    false,
                ),
            }
        })
        .collect();
    let provisions = raw
        .provisions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = format!("{P}.provisions[{i}]");
            c.text(format_args!("{p}.label"), &r.label, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.label_ru"), &r.label_ru, MAX_TITLE_CHARS);
            c.optional_text(format_args!("{p}.note"), &r.note, MAX_TEXT_CHARS);
            c.optional_text(format_args!("{p}.note_ru"), &r.note_ru, MAX_TEXT_CHARS);
            let sector = match sector_ix.get(r.sector.as_str()) {
                Some(&s) => s,
                None => {
                    c.fail(
                        format!("{p}.sector"),
                        format!("unknown sector '{}'", clip(&r.sector)),
                    );
                    0
                }
            };
            let declared = date(c, &format!("{p}.declared"), &r.declared).unwrap_or(fallback);
            let mut previous = declared.first_day();
            let outcomes = r
                .outcomes
                .iter()
                .enumerate()
                .map(|(k, o)| {
                    let q = format!("{p}.outcomes[{k}]");
                    c.text(format_args!("{q}.note"), &o.note, MAX_TEXT_CHARS);
                    c.optional_text(format_args!("{q}.note_ru"), &o.note_ru, MAX_TEXT_CHARS);
                    let d = date(c, &format!("{q}.date"), &o.date).unwrap_or(fallback);
                    let day = Outcome::day_of(d, o.by);
                    if day < previous {
                        c.fail(
                            format!("{q}.date"),
                            "comes before the declaration or the previous outcome",
                        );
                    }
                    previous = previous.max(day);
                    Outcome {
                        date: d,
                        by: o.by,
                        claimed: o.claimed,
                        state: c
                            .vocab(
                                format_args!("{q}.state"),
                                &o.state,
                                Delivery::parse,
                                Delivery::expected,
                            )
                            .unwrap_or(Delivery::DeclaredOnly),
                        note: c.lang.text(o.note.clone(), o.note_ru.clone()),
                        events: c.refs(
                            format_args!("{q}.events"),
                            &o.events,
                            event_ix,
                            "event",
                            false,
                        ),
                        sources: c.sources(&q, &o.sources, source_ix),
                    }
                })
                .collect();
            Provision {
                id: r.id.clone(),
                sector,
                label: c.lang.text(r.label.clone(), r.label_ru.clone()),
                declared,
                declared_by: c.refs(
                    format_args!("{p}.declared_by"),
                    &r.declared_by,
                    event_ix,
                    "event",
                    true,
                ),
                outcomes,
                sources: c.sources(&p, &r.sources, source_ix),
                confidence: c.confidence(&p, &r.confidence).unwrap_or(Confidence::Low),
                inferred: r.inferred,
                note: c.lang.optional(r.note.clone(), r.note_ru.clone()),
            }
        })
        .collect();
    Depth {
        sectors,
        provisions,
    }
}

#[cfg(test)]
mod tests {
    use super::blank;

    #[test]
    fn blank_is_what_trimming_leaves_empty() {
        let texts = [
            "",
            " ",
            "\t\n\r",
            "\u{a0}",
            "\u{2003}\u{3000}",
            "\u{200b}",
            " a ",
            "a",
            "\u{a0}б",
            "б\u{a0}",
            "\u{feff}",
        ];
        for text in texts {
            assert_eq!(blank(text), text.trim().is_empty(), "{text:?}");
        }
        assert!(blank(" \u{3000}\n"));
        assert!(!blank(" \u{200b} "));
    }
}
