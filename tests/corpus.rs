//! The malformed-dataset corpus: every file in `tests/corpus/` is wrong in one way, and the loader must
//! refuse it with exactly the message listed for it in `tests/corpus/expected.txt`.
//!
//! A file's name says what is wrong with it, and its prefix says which error it must give: `syntax-`
//! ([`LoadError::Syntax`], with a 1-based line and column), `shape-` ([`LoadError::Shape`]) or
//! `content-` ([`LoadError::Content`]). `expected.txt` holds one line per file,
//! `FILENAME<TAB>EXPECTED MESSAGE`, the message being the error's `Display` text (content problems are
//! joined with "; "). Each file is built to break one rule and so to give one problem; the exception
//! is `content-no-tracks.json`, whose event cannot name a known track when there are none, so the
//! loader also reports that event's track.
//!
//! To add a case: copy `tests/data/minimal.json`, break one thing, name the file after it, and add its
//! line to `expected.txt`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use union_state::model::{Dataset, LoadError};

/// The corpus must not quietly shrink below this many cases.
const MIN_CASES: usize = 30;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `expected.txt` as file name -> expected message.
fn expected() -> BTreeMap<String, String> {
    let path = corpus_dir().join("expected.txt");
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut map = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let (name, message) = line.split_once('\t').unwrap_or_else(|| {
            panic!(
                "expected.txt line {}: no tab between file name and message: {line:?}",
                n + 1
            )
        });
        assert!(
            !name.is_empty() && !message.is_empty(),
            "expected.txt line {}: empty file name or message: {line:?}",
            n + 1
        );
        if map.insert(name.to_owned(), message.to_owned()).is_some() {
            panic!("expected.txt line {}: {name} is listed twice", n + 1);
        }
    }
    map
}

/// The names of the `.json` files in the corpus.
fn corpus_files() -> BTreeSet<String> {
    fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .map(|entry| entry.expect("readable directory entry").file_name())
        .map(|name| name.into_string().expect("UTF-8 file name"))
        .filter(|name| name.ends_with(".json"))
        .collect()
}

/// Which error a corpus file must give, from its name's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Syntax,
    Shape,
    Content,
}

fn kind_of(name: &str) -> Option<Kind> {
    if name.starts_with("syntax-") {
        Some(Kind::Syntax)
    } else if name.starts_with("shape-") {
        Some(Kind::Shape)
    } else if name.starts_with("content-") {
        Some(Kind::Content)
    } else {
        None
    }
}

#[test]
fn every_corpus_file_has_an_expected_message_and_vice_versa() {
    let expected = expected();
    let files = corpus_files();
    assert!(
        expected.len() >= MIN_CASES,
        "expected.txt has {} entries; the corpus needs at least {MIN_CASES}",
        expected.len()
    );
    let listed: BTreeSet<String> = expected.keys().cloned().collect();
    let unlisted: Vec<&String> = files.difference(&listed).collect();
    let missing: Vec<&String> = listed.difference(&files).collect();
    assert!(
        unlisted.is_empty(),
        "corpus files with no line in expected.txt: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "expected.txt names files that are not in tests/corpus: {missing:?}"
    );
    let unnamed: Vec<&String> = files.iter().filter(|n| kind_of(n).is_none()).collect();
    assert!(
        unnamed.is_empty(),
        "corpus files must start with syntax-, shape- or content-: {unnamed:?}"
    );
    for kind in [Kind::Syntax, Kind::Shape, Kind::Content] {
        assert!(
            files.iter().any(|n| kind_of(n) == Some(kind)),
            "the corpus has no {kind:?} case"
        );
    }
}

#[test]
fn every_corpus_file_is_refused_with_its_expected_message() {
    let expected = expected();
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let path = corpus_dir().join(name);
        let Ok(text) = fs::read_to_string(&path) else {
            failures.push(format!("{name}: cannot be read as UTF-8 text"));
            continue;
        };
        let err = match Dataset::from_json(&text) {
            Ok(_) => {
                failures.push(format!("{name}: loaded without error; expected {want:?}"));
                continue;
            }
            Err(err) => err,
        };
        let got = err.to_string();
        if &got != want {
            failures.push(format!(
                "{name}: wrong message\n    expected: {want}\n    got:      {got}"
            ));
        }
        let lines = text.lines().count().max(1);
        let kind_ok = match kind_of(name) {
            Some(Kind::Syntax) => matches!(
                err,
                LoadError::Syntax { line, column, .. }
                    if line >= 1 && column >= 1 && line <= lines + 1
            ),
            Some(Kind::Shape) => {
                matches!(err, LoadError::Shape { ref path, .. } if !path.is_empty())
            }
            Some(Kind::Content) => matches!(err, LoadError::Content(ref p) if !p.is_empty()),
            None => false,
        };
        if !kind_ok {
            failures.push(format!(
                "{name}: expected a {:?} error (from the file name's prefix), got {err:?}",
                kind_of(name)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files failed:\n{}",
        failures.len(),
        expected.len(),
        failures.join("\n")
    );
}

#[test]
fn content_files_other_than_the_known_cascade_give_exactly_one_problem() {
    // With no tracks, the one event's track is unknown too; every other file breaks a single rule.
    const CASCADES: &[&str] = &["content-no-tracks.json"];
    let mut failures = Vec::new();
    for name in corpus_files() {
        if kind_of(&name) != Some(Kind::Content) || CASCADES.contains(&name.as_str()) {
            continue;
        }
        let text = fs::read_to_string(corpus_dir().join(&name)).expect("UTF-8 corpus file");
        match Dataset::from_json(&text) {
            Err(LoadError::Content(p)) if p.len() == 1 => {}
            Err(LoadError::Content(p)) => failures.push(format!(
                "{name}: {} problems, expected one: {}",
                p.len(),
                LoadError::Content(p.clone())
            )),
            other => failures.push(format!("{name}: expected content problems, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
