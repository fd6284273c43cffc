//! Property tests of the dataset loader: whatever text it is given, [`Dataset::from_json`] returns (never
//! panics), returns quickly, and says what is wrong in a message of bounded length.
//!
//! The inputs are arbitrary bytes, JSON-like token soup, byte-level and value-level mutations of
//! `tests/data/minimal.json` and of the bundled dataset, deep nesting, huge string values, and files over
//! [`MAX_DATASET_BYTES`]. Cases are few enough that the file runs in seconds in a debug build.
//!
//! Every shape error's place is checked against a second reader, `serde_path_to_error`, which tracks the
//! path while deserialising (the loader works it out from where the parser stopped, only when there is
//! an error, so that a good file is read at full speed).
//!
//! The last tests pin down loader bugs these properties found (an error that named no place; messages
//! that grew with the input), now fixed. `PROPTEST_CASES=N` runs every property N times.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use serde_json::Value;
use union_state::model::raw::RawDataset;
use union_state::model::{Dataset, LoadError, BUNDLED_JSON, MAX_DATASET_BYTES};

const MINIMAL: &str = include_str!("data/minimal.json");

/// The longest one call may take. Generous: a debug build loads the bundled dataset in about 10 ms.
const TIME_LIMIT: Duration = Duration::from_secs(2);

/// The longest error text accepted, in characters: the loader clips the values it quotes.
const MAX_MESSAGE_CHARS: usize = 20_000;

/// A modest number of cases (`PROPTEST_CASES` overrides it, for a longer run), and no regression files
/// written into the source tree.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// The first characters of a message, for assertion output that stays readable.
fn head(text: &str) -> String {
    const MAX: usize = 300;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push_str("...");
        s
    }
}

/// Loads `text`, asserting the rules every call must keep: it returns within [`TIME_LIMIT`], an error's
/// text is shorter than [`MAX_MESSAGE_CHARS`], an error names a place, and a loaded dataset keeps its
/// invariants.
fn load(text: &str) -> Result<Dataset, LoadError> {
    let start = Instant::now();
    let result = Dataset::from_json(text);
    let took = start.elapsed();
    assert!(
        took < TIME_LIMIT,
        "loading {} bytes took {took:?} (limit {TIME_LIMIT:?})",
        text.len()
    );
    match &result {
        Ok(d) => {
            assert!(!d.tracks.is_empty() && !d.events.is_empty());
            for e in &d.events {
                assert!(!e.sources.is_empty(), "event {} has no source", e.id);
                assert!(e.track < d.tracks.len());
                assert!(e.sources.iter().all(|&s| s < d.sources.len()));
                assert!(e.related.iter().all(|&r| r < d.events.len()));
            }
            assert!(d
                .events
                .windows(2)
                .all(|w| w[0].date.anchor() <= w[1].date.anchor()));
        }
        Err(err) => {
            let message = err.to_string();
            let n = message.chars().count();
            assert!(
                n < MAX_MESSAGE_CHARS,
                "the error for {} bytes of input is {n} characters long (limit {MAX_MESSAGE_CHARS}): {}",
                text.len(),
                head(&message)
            );
            match err {
                LoadError::Syntax { line, column, .. } => {
                    assert!(*line >= 1 && *column >= 1, "{err:?}");
                }
                LoadError::Shape { path, .. } => {
                    assert!(!path.is_empty(), "{err:?}");
                    if let Some(want) = reference_place(text) {
                        assert_eq!(path, &want, "the place named for {err:?} in {}", head(text));
                    }
                }
                LoadError::Content(problems) => {
                    assert!(!problems.is_empty(), "empty problem list");
                    assert!(problems.iter().all(|p| !p.path.is_empty()), "{err:?}");
                }
                LoadError::TooLarge { bytes, limit } => {
                    assert_eq!(*bytes, text.len());
                    assert_eq!(*limit, MAX_DATASET_BYTES);
                }
            }
        }
    }
    result
}

/// The place of a shape error as a second, independent reader names it: `serde_path_to_error`, which
/// tracks the path while deserialising (the loader finds it from where the parser stopped), spelled as
/// the loader spells places. `None` if that reader finds no shape error.
fn reference_place(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = serde_path_to_error::deserialize::<_, RawDataset>(&mut de).err()?;
    if err.inner().classify() != serde_json::error::Category::Data {
        return None;
    }
    let path = err.path().to_string();
    // It writes a field with no name (always an unknown one) as nothing: the path "." or "" at the
    // top level, a trailing "." lower down.
    let place = if err.inner().to_string().starts_with("unknown field ``,") {
        let stem = path.strip_suffix('.').unwrap_or(&path);
        if stem.is_empty() {
            "\"\"".to_owned()
        } else {
            format!("{stem}.\"\"")
        }
    } else if path.is_empty() || path == "." {
        "(top level)".to_owned()
    } else {
        path
    };
    // Clipped as the loader clips it.
    Some(if place.chars().count() > 240 {
        format!("{}…", place.chars().take(240).collect::<String>())
    } else {
        place
    })
}

/// [`load`], for input that must be refused.
fn refuse(text: &str) -> LoadError {
    match load(text) {
        Ok(_) => panic!("loaded, but should not have: {}", head(text)),
        Err(e) => e,
    }
}

fn minimal_value() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

fn bundled_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| serde_json::from_str(BUNDLED_JSON).unwrap())
}

// ------------------------------------------------------------------------------------------------
// (a) Arbitrary text.

/// Pieces of JSON, and of this format, to build token soup from.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    " ",
    "\n",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "1.5",
    "\"\"",
    "\"x\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"format\"",
    "\"title\"",
    "\"tracks\"",
    "\"sources\"",
    "\"events\"",
    "\"id\"",
    "\"date\"",
    "\"1999-12-08\"",
    "\"1999-02-30\"",
    "\"2010/1999\"",
    "\"legal\"",
    "\"treaty\"",
    "\"high\"",
    "\"mapping\"",
    "\"membership\"",
    "\"depth\"",
    "//",
    "/*",
    "\u{feff}",
    "é",
    "\\",
];

proptest! {
    #![proptest_config(config(256))]

    /// Any bytes at all, read as text the way a browser would (invalid UTF-8 replaced).
    #[test]
    fn arbitrary_bytes_are_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load(&text);
    }

    /// Token soup gets further into the parser than random bytes do.
    #[test]
    fn json_token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..96)) {
        let _ = load(&tokens.concat());
    }
}

// ------------------------------------------------------------------------------------------------
// (b) Mutations of real files.

/// One byte-level change to a file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the file here.
    Truncate(Index),
    /// Flip the bits of the mask in one byte.
    Flip(Index, u8),
    /// Insert a short piece of text.
    Insert(Index, String),
    /// Delete up to 16 bytes.
    Delete(Index, usize),
    /// Copy a slice of up to 4 KiB to another place.
    Duplicate { from: Index, len: usize, to: Index },
}

fn insertion() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(TOKENS).prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<Index>().prop_map(Mutation::Truncate),
        3 => (any::<Index>(), 1..=255u8).prop_map(|(i, mask)| Mutation::Flip(i, mask)),
        3 => (any::<Index>(), insertion()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        3 => (any::<Index>(), 1..=16usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (any::<Index>(), 1..=4096usize, any::<Index>())
            .prop_map(|(from, len, to)| Mutation::Duplicate { from, len, to }),
    ]
}

/// Applies the mutations in turn, then reads the bytes as text (invalid UTF-8 replaced).
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len();
        // An index into the file, or 0 when it is empty; `at_end` also allows the end itself.
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len) };
        let at_end = |i: &Index| i.index(len + 1);
        match m {
            Mutation::Truncate(i) => bytes.truncate(at(i)),
            Mutation::Flip(i, mask) => {
                if len > 0 {
                    bytes[at(i)] ^= mask;
                }
            }
            Mutation::Insert(i, s) => {
                let p = at_end(i);
                bytes.splice(p..p, s.bytes());
            }
            Mutation::Delete(i, n) => {
                let p = at(i);
                bytes.drain(p..(p + n).min(len));
            }
            Mutation::Duplicate { from, len: n, to } => {
                let p = at(from);
                let slice = bytes[p..(p + n).min(len)].to_vec();
                let q = at_end(to);
                bytes.splice(q..q, slice);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One value-level change: the result is still JSON, so it reaches the shape and content checks.
#[derive(Debug, Clone)]
enum Edit {
    /// Replace a node (found by its index among all nodes) with another value.
    Replace(Index, Value),
    /// Remove a node from its object or array.
    Remove(Index),
    /// Put a copy of an array element next to it (a likely duplicate id).
    Repeat(Index),
}

/// Strings that break, or nearly break, this format's rules.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "",
                " ",
                "\t",
                "1999",
                "1999-12",
                "1999-12-08",
                "1999-02-29",
                "2000-02-29",
                "1999-02-30",
                "1999-13",
                "1999-00",
                "1999-12-00",
                "1999-12-32",
                "99-12-08",
                "1999-1-08",
                "2010/1999",
                "1999/2010",
                "1999/",
                "/",
                "0000",
                "9999-12-31",
                "-1999",
                "1999-12-08T00:00",
                "legal",
                "treaty-text",
                "union-state-treaty",
                "Bad_Id",
                "treaty",
                "high",
                "in-force",
                "member",
                "implemented",
                "documented",
                "2021-2023",
                "javascript:alert(1)",
                "https://example.org",
                "https://",
                "http://a b",
                "\u{0}",
                "é",
                "\u{feff}",
            ][..]
        )
        .prop_map(str::to_owned),
        "[a-z0-9-]{0,12}",
        ".{0,40}",
        (0..=5000usize).prop_map(|n| "x".repeat(n)),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(&[0.0, -0.0, 100.0, 100.5, -1.0, 1e300][..]).prop_map(Value::from),
        tricky_string().prop_map(Value::String),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), json_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
        2 => any::<Index>().prop_map(Edit::Remove),
        1 => any::<Index>().prop_map(Edit::Repeat),
    ]
}

/// The JSON pointer of every node below the root.
fn pointers(value: &Value) -> Vec<String> {
    fn walk(v: &Value, here: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let p = format!("{here}/{}", k.replace('~', "~0").replace('/', "~1"));
                    out.push(p.clone());
                    walk(child, &p, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let p = format!("{here}/{i}");
                    out.push(p.clone());
                    walk(child, &p, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

fn apply(value: &mut Value, edits: &[Edit]) {
    for e in edits {
        let all = pointers(value);
        let pick = |i: &Index| all.get(i.index(all.len().max(1))).cloned();
        match e {
            Edit::Replace(i, new) => {
                if let Some(p) = pick(i) {
                    *value.pointer_mut(&p).unwrap() = new.clone();
                }
            }
            Edit::Remove(i) | Edit::Repeat(i) => {
                let Some(p) = pick(i) else { continue };
                let (parent, last) = p.rsplit_once('/').unwrap();
                let key = last.replace("~1", "/").replace("~0", "~");
                match value.pointer_mut(parent).unwrap() {
                    Value::Object(map) if matches!(e, Edit::Remove(_)) => {
                        map.remove(&key);
                    }
                    Value::Array(items) => {
                        let ix: usize = key.parse().unwrap();
                        if matches!(e, Edit::Remove(_)) {
                            items.remove(ix);
                        } else {
                            let copy = items[ix].clone();
                            items.insert(ix + 1, copy);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn mutated_minimal_file_never_panics(mutations in prop::collection::vec(mutation(), 1..=4)) {
        let _ = load(&mutate(MINIMAL, &mutations));
    }

    #[test]
    fn mutated_bundled_dataset_never_panics(mutations in prop::collection::vec(mutation(), 1..=4)) {
        let _ = load(&mutate(BUNDLED_JSON, &mutations));
    }

    #[test]
    fn edited_minimal_file_never_panics(edits in prop::collection::vec(edit(), 1..=3)) {
        let mut value = minimal_value();
        apply(&mut value, &edits);
        let _ = load(&serde_json::to_string_pretty(&value).unwrap());
    }
}

proptest! {
    // Each case copies and re-serialises the whole bundled dataset, so fewer cases.
    #![proptest_config(config(96))]

    #[test]
    fn edited_bundled_dataset_never_panics(edits in prop::collection::vec(edit(), 1..=2)) {
        let mut value = bundled_value().clone();
        apply(&mut value, &edits);
        let _ = load(&serde_json::to_string(&value).unwrap());
    }
}

#[test]
fn the_unmutated_inputs_load() {
    load(MINIMAL).unwrap();
    load(BUNDLED_JSON).unwrap();
    load(&mutate(MINIMAL, &[])).unwrap();
    let mut value = minimal_value();
    apply(&mut value, &[]);
    load(&serde_json::to_string(&value).unwrap()).unwrap();
}

// ------------------------------------------------------------------------------------------------
// (c) Deep nesting must end in an error, never in a stack overflow. Today every field is typed, so the
// first bracket out of place is refused a level or two down and serde_json's 128-level recursion limit
// is never reached; these tests keep it so if a field ever takes arbitrary JSON.

/// Where in the minimal file the nesting goes: a name, the text it replaces (empty: the whole file),
/// and the text kept before the nesting.
const NEST_SITES: &[(&str, &str, &str)] = &[
    ("the top level", "", ""),
    ("the format", "\"format\": 1,", "\"format\": "),
    ("the dataset title", "\"A minimal dataset\"", ""),
    (
        "an unknown field",
        "\"format\": 1,",
        "\"format\": 1, \"extra\": ",
    ),
    ("an event's sources", "[\"treaty-text\"]", ""),
    (
        "an event's Russian title",
        "\"Договор о создании Союзного государства\"",
        "",
    ),
];

fn nested(site: (&str, &str, &str), open: &str, close: &str, depth: usize, closed: bool) -> String {
    let (_, needle, keep) = site;
    let mut deep = format!("{keep}{}", open.repeat(depth));
    if closed {
        deep.push_str(&close.repeat(depth));
    }
    if needle.is_empty() {
        return deep;
    }
    assert_eq!(MINIMAL.matches(needle).count(), 1, "{needle}");
    MINIMAL.replace(needle, &deep)
}

#[test]
fn ten_thousand_levels_of_nesting_are_an_error() {
    for &site in NEST_SITES {
        for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("[{\"id\":", "}]")] {
            for closed in [false, true] {
                for depth in [129, 10_000, 100_000] {
                    let text = nested(site, open, close, depth, closed);
                    let err = refuse(&text);
                    assert!(
                        matches!(err, LoadError::Syntax { .. } | LoadError::Shape { .. }),
                        "{depth} levels of {open} at {}: {err:?}",
                        site.0
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_nesting_is_an_error(
        site in prop::sample::select(NEST_SITES),
        brackets in prop::sample::select(&[("[", "]"), ("{\"a\":", "}"), ("[{\"a\":[", "]}]")][..]),
        depth in 1usize..20_000,
        closed in any::<bool>(),
    ) {
        let text = nested(site, brackets.0, brackets.1, depth, closed);
        let err = refuse(&text);
        prop_assert!(matches!(err, LoadError::Syntax { .. } | LoadError::Shape { .. }), "{:?}", err);
    }
}

// ------------------------------------------------------------------------------------------------
// (d) Huge strings.

/// Replaces the value at `pointer` in the minimal file with `text`.
fn minimal_with(pointer: &str, text: String) -> String {
    let mut value = minimal_value();
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer}")) = Value::String(text);
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_one_megabyte_title_is_a_too_long_problem() {
    let err = refuse(&minimal_with("/title", "x".repeat(1 << 20)));
    assert!(
        matches!(err, LoadError::Content(ref p) if p.len() == 1),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "title: is 1048576 characters long; the limit is 300"
    );
}

/// Free-text fields: (JSON pointer, path in the message, limit in characters).
const TEXT_FIELDS: &[(&str, &str, usize)] = &[
    ("/title", "title", 300),
    ("/title_ru", "title_ru", 300),
    ("/description", "description", 4000),
    ("/tracks/0/label", "tracks[0].label", 300),
    ("/sources/0/title", "sources[0].title", 4000),
    ("/sources/0/publisher", "sources[0].publisher", 300),
    ("/events/0/title", "events[0].title", 300),
    ("/events/0/title_ru", "events[0].title_ru", 300),
    ("/events/0/summary", "events[0].summary", 4000),
    (
        "/events/0/confidence_note",
        "events[0].confidence_note",
        4000,
    ),
];

/// Fields whose value is checked against a rule and quoted (clipped) in the message.
const QUOTED_FIELDS: &[&str] = &[
    "/tracks/0/id",
    "/sources/0/id",
    "/sources/0/url",
    "/sources/0/kind",
    "/events/0/id",
    "/events/0/track",
    "/events/0/kind",
    "/events/0/status",
    "/events/0/confidence",
    "/events/0/sources/0",
];

/// Sizes from just over a limit up to a megabyte, in characters.
fn huge_len() -> impl Strategy<Value = usize> {
    prop_oneof![301..=5000usize, 4001..=70_000usize, Just(1 << 20)]
}

/// How far over its limit a text field goes, in characters.
fn huge_excess() -> impl Strategy<Value = usize> {
    prop_oneof![1..=5000usize, 5000..=70_000usize, Just(1 << 20)]
}

/// One ASCII, one two-byte and one four-byte character, so lengths are counted in characters.
const FILL: &[char] = &['x', 'я', '\u{1f600}'];

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn huge_text_fields_are_too_long_problems(
        field in prop::sample::select(TEXT_FIELDS),
        over in huge_excess(),
        fill in prop::sample::select(FILL),
    ) {
        let (pointer, path, limit) = field;
        let len = limit + over;
        // Index the parent rather than the pointer itself, so optional fields that the minimal file
        // leaves out are added.
        let mut value = minimal_value();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        value.pointer_mut(parent).unwrap()[key] = Value::String(fill.to_string().repeat(len));
        let err = refuse(&serde_json::to_string(&value).unwrap());
        prop_assert_eq!(
            err.to_string(),
            format!("{path}: is {len} characters long; the limit is {limit}")
        );
    }

    #[test]
    fn huge_quoted_values_are_clipped(
        pointer in prop::sample::select(QUOTED_FIELDS),
        len in huge_len(),
        fill in prop::sample::select(FILL),
    ) {
        let err = refuse(&minimal_with(pointer, fill.to_string().repeat(len)));
        let message = err.to_string();
        prop_assert!(matches!(err, LoadError::Content(_)), "{:?}", err);
        prop_assert!(message.chars().count() < 1000, "{}", head(&message));
        prop_assert!(message.contains('…'), "{}", head(&message));
    }
}

// Regressions of loader bugs the properties above found: an error that named no place, three kinds of
// value quoted whole (so one huge value gave an error as long as itself), and a list of short bad
// references giving an error about ten times longer than the file. The comments give the old output.

#[test]

fn an_empty_field_name_gives_a_place() {
    // Found by `json_token_soup_never_panics` and `mutated_minimal_file_never_panics`. Minimal input:
    // `{"": 0}`, whose message is ": unknown field ``, expected one of `format`, ..." (no place at all;
    // the loader only turns the path "." into "(top level)"). In an object lower down, the path ends
    // in a dot: "tracks[0].: unknown field ``, expected one of `id`, `label`, `label_ru`".
    let err = refuse(r#"{"": 0}"#);
    assert!(
        matches!(&err, LoadError::Shape { path, .. } if !path.is_empty()),
        "{err}"
    );
    let err = refuse(&MINIMAL.replacen("\"label\"", "\"\"", 1));
    assert!(
        matches!(&err, LoadError::Shape { path, .. } if !path.ends_with('.')),
        "{err}"
    );
}

#[test]

fn a_huge_date_gives_a_bounded_message() {
    // Minimal input: an event date of 20,000 'x'. The message is
    // "events[0].date: 'xxxx…(all 20,000)…' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD".
    let _ = refuse(&minimal_with("/events/0/date", "x".repeat(20_000)));
}

#[test]

fn a_huge_string_of_the_wrong_type_gives_a_bounded_message() {
    // Minimal input: `"format": "xxxx…"` (20,000 'x'). The message is
    // "format: invalid type: string \"xxxx…(all 20,000)…\", expected u32".
    let mut value = minimal_value();
    value["format"] = Value::String("x".repeat(20_000));
    let _ = refuse(&serde_json::to_string(&value).unwrap());
}

#[test]

fn a_huge_unknown_field_name_gives_a_bounded_message() {
    // Minimal input: a top-level field named with 10,000 'x'. The message is
    // "xxxx…: unknown field `xxxx…`, expected one of `format`, ...", 20,000 'x' in all.
    let mut value = minimal_value();
    value["x".repeat(10_000)] = Value::from(1);
    let _ = refuse(&serde_json::to_string(&value).unwrap());
}

#[test]

fn many_bad_references_give_a_bounded_message() {
    // Minimal input: an event citing the unknown source "x" 500 times (2.5 KB of JSON). The message
    // has 500 problems, "events[0].sources[N]: unknown source 'x'", about 22,000 characters; at the
    // 8 MiB file limit it would be about 90 MB.
    let mut value = minimal_value();
    value["events"][0]["sources"] = Value::Array(vec![Value::from("x"); 500]);
    let _ = refuse(&serde_json::to_string(&value).unwrap());
}

// ------------------------------------------------------------------------------------------------
// (e) Files over the size limit are refused before parsing.

#[test]
fn a_file_at_the_limit_is_read_and_one_byte_more_is_too_large() {
    let mut text = MINIMAL.to_owned();
    text.push_str(&" ".repeat(MAX_DATASET_BYTES - text.len()));
    assert_eq!(text.len(), MAX_DATASET_BYTES);
    load(&text).unwrap();
    text.push(' ');
    let err = refuse(&text);
    assert_eq!(
        err,
        LoadError::TooLarge {
            bytes: MAX_DATASET_BYTES + 1,
            limit: MAX_DATASET_BYTES
        }
    );
    assert_eq!(
        err.to_string(),
        format!(
            "the file is {} bytes; the limit is {MAX_DATASET_BYTES} bytes",
            MAX_DATASET_BYTES + 1
        )
    );
}

proptest! {
    #![proptest_config(config(12))]

    /// Whatever the content, and counting bytes rather than characters.
    #[test]
    fn any_file_over_the_limit_is_too_large(
        extra in 1usize..70_000,
        fill in prop::sample::select(&["x", " ", "[", "я", "\u{1f600}", "\"title\": "][..]),
        valid_start in any::<bool>(),
    ) {
        let mut text = if valid_start { MINIMAL.to_owned() } else { String::new() };
        let target = MAX_DATASET_BYTES + extra;
        let count = (target - text.len()).div_ceil(fill.len());
        text.push_str(&fill.repeat(count));
        prop_assert!(text.len() > MAX_DATASET_BYTES);
        let err = refuse(&text);
        prop_assert_eq!(err, LoadError::TooLarge { bytes: text.len(), limit: MAX_DATASET_BYTES });
    }
}
