//! The data model: what the JSON says ([`raw`]), and the validated dataset the views draw ([`Dataset`]).
//!
//! Parse, don't validate: [`Dataset::from_json`] is the only way to make a [`Dataset`], and a `Dataset`
//! always holds resolved references (indices, not ids), calendar-checked dates, sorted events and at
//! least one source on every item. Errors name the place in the file (see [`LoadError`]).

pub mod date;
pub mod depth;
mod error;
pub mod mapping;
pub mod membership;
pub mod raw;
#[cfg(test)]
mod schema;
pub mod story;
mod validate;

use std::sync::{Arc, OnceLock};

use crate::i18n::{td_string, Locale};

pub use date::{Day, EventDate, PartialDate, Precision};
pub use depth::{Delivery, Depth, DepthSector, Level, Outcome, Provision};
pub use error::{LoadError, Problem, MAX_DATASET_BYTES};
pub use mapping::{
    Claim, Evidence, Link, Mapping, Plan, Programme, RoadMap, RoadMapStatus, Sector,
};
pub use membership::{Interval, MemberStatus, Membership, Organisation, Standing, State};
pub use story::{Step, StepView, Story};

/// The bundled dataset's JSON, compiled into the program so start-up needs no request:
/// `src/model/data/union_state.json` without the whitespace between its tokens (written by `build.rs`;
/// about 70 KB less to carry and to read).
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/union_state.min.json"));

/// The bundled dataset in English, parsed once on first use.
pub fn bundled() -> Result<&'static Dataset, &'static LoadError> {
    bundled_in(Locale::en).map(|d| &**d)
}

/// The bundled dataset in a language, parsed once per language on first use, shared: the page takes
/// it as it is, without a copy.
pub fn bundled_in(locale: Locale) -> Result<&'static Arc<Dataset>, &'static LoadError> {
    static ENGLISH: OnceLock<Result<Arc<Dataset>, LoadError>> = OnceLock::new();
    static RUSSIAN: OnceLock<Result<Arc<Dataset>, LoadError>> = OnceLock::new();
    let cell = match locale {
        Locale::en => &ENGLISH,
        Locale::ru => &RUSSIAN,
    };
    cell.get_or_init(|| Dataset::from_json_in(BUNDLED_JSON, locale).map(Arc::new))
        .as_ref()
}

/// A validated dataset: the single input of every view.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Title for the page header.
    pub title: String,
    /// Russian title, if given.
    pub title_ru: Option<String>,
    /// What the dataset covers.
    pub description: Option<String>,
    /// Lanes, top to bottom.
    pub tracks: Vec<Track>,
    /// Periods, in time order.
    pub eras: Vec<Era>,
    /// Sources, in file order.
    pub sources: Vec<Source>,
    /// Events, sorted by their anchor day (ties keep file order).
    pub events: Vec<Event>,
    /// Documented discrepancies.
    pub discrepancies: Vec<Discrepancy>,
    /// Road maps to union programmes, if the dataset has them.
    pub mapping: Option<Mapping>,
    /// Membership of the post-Soviet organisations, if the dataset has it.
    pub membership: Option<Membership>,
    /// Declared versus delivered integration by sector, if the dataset has it.
    pub depth: Option<Depth>,
    /// The story to present, if the dataset has one.
    pub story: Option<Story>,
    /// The language of its texts.
    pub locale: Locale,
    /// How many texts are shown in English, marked, in a Russian dataset for want of a translation.
    pub untranslated: usize,
}

/// A lane of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track {
    /// Identifier from the file.
    pub id: String,
    /// Lane label.
    pub label: String,
    /// Russian lane label.
    pub label_ru: Option<String>,
}

/// A period drawn as a band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    /// Identifier from the file.
    pub id: String,
    /// Name of the period.
    pub label: String,
    /// Russian name.
    pub label_ru: Option<String>,
    /// First day of the period.
    pub start: Day,
    /// Last day of the period.
    pub end: Day,
    /// Why it is one period.
    pub summary: Option<String>,
    /// Indices into [`Dataset::sources`].
    pub sources: Vec<usize>,
}

/// A source that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Identifier from the file.
    pub id: String,
    /// Title or description.
    pub title: String,
    /// An `http`/`https` address, if known.
    pub url: Option<String>,
    /// Publisher or site.
    pub publisher: Option<String>,
    /// What sort of source.
    pub kind: SourceKind,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Identifier from the file; stable, used in links.
    pub id: String,
    /// When it happened, with its precision.
    pub date: EventDate,
    /// English title.
    pub title: String,
    /// Russian title, where known.
    pub title_ru: Option<String>,
    /// What happened.
    pub summary: String,
    /// Index into [`Dataset::tracks`].
    pub track: usize,
    /// What sort of act.
    pub kind: EventKind,
    /// What became of it, where that applies.
    pub status: Option<Status>,
    /// Indices into [`Dataset::sources`]; never empty.
    pub sources: Vec<usize>,
    /// How sure the dataset is.
    pub confidence: Confidence,
    /// Why, where that needs saying.
    pub confidence_note: Option<String>,
    /// Indices of related events in [`Dataset::events`].
    pub related: Vec<usize>,
    /// Indices into [`Dataset::discrepancies`] that concern this event.
    pub discrepancies: Vec<usize>,
}

/// A documented disagreement between a claim and the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    /// Identifier from the file.
    pub id: String,
    /// One-line name.
    pub title: String,
    /// What is claimed.
    pub claim: String,
    /// Indices of the sources making the claim.
    pub claimed_by: Vec<usize>,
    /// What the evidence shows.
    pub finding: String,
    /// Indices of the sources behind the finding.
    pub sources: Vec<usize>,
    /// Indices of the events concerned.
    pub events: Vec<usize>,
}

/// Declares a closed vocabulary read from a JSON string: the enum, its spellings and its labels (whose
/// text is in `locales/*.json`).
#[macro_export]
#[doc(hidden)]
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The spelling used in the JSON file.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The label shown to a reader, in `locale` (`locales/*.json`, under the vocabulary's name).
            pub fn label(self, locale: $crate::i18n::Locale) -> &'static str {
                match self { $($name::$variant => $crate::i18n::td_string!(locale, $name.$variant),)+ }
            }

            /// Reads the JSON spelling.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                [$($text,)+].join(", ")
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// What sort of act an event is.
    EventKind {
        /// A treaty between states.
        Treaty = "treaty";
        /// An agreement (often intergovernmental).
        Agreement = "agreement";
        /// A protocol to an earlier act.
        Protocol = "protocol";
        /// A political declaration.
        Declaration = "declaration";
        /// A founding charter or statute.
        Charter = "charter";
        /// A ratification.
        Ratification = "ratification";
        /// An entry into force.
        EntryIntoForce = "entry-into-force";
        /// A decree.
        Decree = "decree";
        /// A resolution of a body.
        Resolution = "resolution";
        /// A national law.
        Law = "law";
        /// A meeting or summit.
        Meeting = "meeting";
        /// A public statement.
        Statement = "statement";
        /// A round of negotiations.
        Negotiation = "negotiation";
        /// A practical measure.
        Measure = "measure";
        /// A deployment of forces or weapons.
        Deployment = "deployment";
        /// A process spanning a period.
        Process = "process";
    }
}

vocabulary! {
    /// What became of an act.
    Status {
        /// Signed, not (yet) ratified.
        Signed = "signed";
        /// Ratified.
        Ratified = "ratified";
        /// In force.
        InForce = "in-force";
        /// Carried out.
        Implemented = "implemented";
        /// Partly carried out.
        PartlyImplemented = "partly-implemented";
        /// Never carried out.
        NeverImplemented = "never-implemented";
        /// Carried out, then undone.
        Reversed = "reversed";
        /// Set aside.
        Shelved = "shelved";
        /// Replaced by a later act.
        Superseded = "superseded";
        /// Ended.
        Terminated = "terminated";
    }
}

vocabulary! {
    /// How sure the dataset is of an item (see the README for the rules).
    Confidence {
        /// Read in an official text, a wire service or a seed document.
        High = "high";
        /// Consistent across secondary sources, or good sources disagree slightly.
        Medium = "medium";
        /// Inferred or put together from indirect evidence.
        Low = "low";
    }
}

vocabulary! {
    /// What sort of source.
    SourceKind {
        /// A government or organisation site.
        Official = "official";
        /// The text of a treaty or law.
        TreatyText = "treaty-text";
        /// A news agency.
        Wire = "wire";
        /// A newspaper or news site.
        Press = "press";
        /// A secondary summary or aggregator.
        Secondary = "secondary";
        /// An encyclopaedia (or a copy of one).
        Encyclopaedia = "encyclopaedia";
        /// One of the two documents the product comes from.
        Seed = "seed";
        /// A scholarly work.
        Scholarly = "scholarly";
    }
}

/// "1 event", "10,000 events" (in Russian "событий — 10 000", which holds for every number).
pub fn events_in(n: usize, locale: Locale) -> String {
    if n == 1 {
        td_string!(locale, count.events_one).to_string()
    } else {
        td_string!(locale, count.events, count = count_in(n, locale)).to_string()
    }
}

/// "1 lane", "4 lanes" (in Russian "дорожек — 4").
pub fn lanes_in(n: usize, locale: Locale) -> String {
    if n == 1 {
        td_string!(locale, count.lanes_one).to_string()
    } else {
        td_string!(locale, count.lanes, count = count_in(n, locale)).to_string()
    }
}

/// A count as a reader of `locale` writes it: digits in groups of three, joined by a comma in English
/// ("10,000") and by a no-break space in Russian ("10 000").
pub fn count_in(n: usize, locale: Locale) -> String {
    let digits = n.to_string();
    let separator = match locale {
        Locale::en => ',',
        Locale::ru => '\u{a0}',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

/// Text from a file's bytes, read as the browser reads a body as text: UTF-8, a leading byte-order
/// mark dropped, and any malformed sequence replaced by U+FFFD (so a stray byte shows where it is
/// instead of refusing the whole file).
pub fn text_from_utf8(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl Dataset {
    /// Parses and validates a dataset from JSON text, in English.
    pub fn from_json(text: &str) -> Result<Dataset, LoadError> {
        Dataset::from_json_in(text, Locale::en)
    }

    /// Parses and validates a dataset from JSON text, with its texts in `locale`. Problems are reported
    /// at their own paths whatever the language (a Russian text at its `_ru` field); a text with no
    /// translation falls back to the English, marked, and is counted in [`Dataset::untranslated`].
    pub fn from_json_in(text: &str, locale: Locale) -> Result<Dataset, LoadError> {
        if text.len() > MAX_DATASET_BYTES {
            return Err(LoadError::TooLarge {
                bytes: text.len(),
                limit: MAX_DATASET_BYTES,
            });
        }
        let raw = validate::parse_raw(text)?;
        validate::dataset(raw, locale).map_err(LoadError::Content)
    }

    /// The last event whose anchor is on or before `day` (days since 1970-01-01), if any: the event a
    /// playhead at `day` has passed most recently. A binary search over the events, which are sorted by
    /// anchor (the card and the lists ask at every frame while playing).
    pub fn last_passed(&self, day: f64) -> Option<usize> {
        self.events
            .partition_point(|e| e.date.anchor().as_f64() <= day)
            .checked_sub(1)
    }

    /// Index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// The first and last day any event or era covers.
    pub fn span(&self) -> (Day, Day) {
        let days = self
            .events
            .iter()
            .flat_map(|e| [e.date.first_day(), e.date.last_day()])
            .chain(self.eras.iter().flat_map(|e| [e.start, e.end]));
        let (lo, hi) = days.fold((Day(i32::MAX), Day(i32::MIN)), |(lo, hi), d| {
            (lo.min(d), hi.max(d))
        });
        if lo > hi {
            let today = Day::from_ymd(2026, 1, 1);
            (today, today)
        } else {
            (lo, hi)
        }
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count_in(10_000, Locale::en), "10,000");
        assert_eq!(count_in(10_000, Locale::ru), "10\u{a0}000");
        assert_eq!(count_in(999, Locale::en), "999");
        assert_eq!(events_in(1, Locale::en), "1 event");
        assert_eq!(events_in(1_200, Locale::en), "1,200 events");
        assert_eq!(lanes_in(1, Locale::en), "1 lane");
        assert_eq!(lanes_in(0, Locale::en), "0 lanes");
        // Russian names the count after the noun, which holds for every number.
        assert_eq!(events_in(1, Locale::ru), "событий\u{a0}— 1");
        assert_eq!(events_in(21, Locale::ru), "событий\u{a0}— 21");
        assert_eq!(lanes_in(4, Locale::ru), "дорожек\u{a0}— 4");
    }
}
