//! Integrity of the bundled dataset: it loads, every item is sourced, references resolve, dates are valid
//! and ordered, and it covers what the product promises.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::collections::HashSet;

use union_state::i18n::Locale;
use union_state::model::{self, raw::RawDataset, Confidence, Day, SourceKind, Status};

fn data() -> &'static model::Dataset {
    model::bundled().unwrap_or_else(|e| panic!("the bundled dataset does not load: {e}"))
}

#[test]
fn bundled_dataset_loads() {
    data();
}

#[test]
fn the_compiled_in_json_is_the_file_without_whitespace_between_tokens() {
    let file = include_str!("../src/model/data/union_state.json");
    let compiled = model::BUNDLED_JSON;
    let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(value(compiled), value(file));
    // Nothing but whitespace went: every other character is still there, in order.
    let but_whitespace = |text: &str| -> String {
        text.chars()
            .filter(|c| !matches!(c, ' ' | '\n' | '\r' | '\t'))
            .collect()
    };
    assert_eq!(but_whitespace(compiled), but_whitespace(file));
    // Spaces inside strings stay; none is left between tokens.
    assert!(compiled.contains("The Union State of Russia and Belarus, treaty by treaty"));
    assert!(!compiled.contains('\n'));
    assert!(
        compiled.len() < file.len() * 9 / 10,
        "{} of {} bytes",
        compiled.len(),
        file.len()
    );
}

#[test]
fn ids_are_unique_in_the_file() {
    let raw: RawDataset = serde_json::from_str(model::BUNDLED_JSON).unwrap();
    let mut seen = HashSet::new();
    for id in raw.events.iter().map(|e| &e.id) {
        assert!(seen.insert(id), "duplicate event id {id}");
    }
    let mut seen = HashSet::new();
    for id in raw.sources.iter().map(|s| &s.id) {
        assert!(seen.insert(id), "duplicate source id {id}");
    }
}

#[test]
fn covers_1990_to_2026_across_all_tracks() {
    let d = data();
    assert!(d.events.len() >= 40, "only {} events", d.events.len());
    let first = d.events.first().unwrap().date.first_day();
    let last = d.events.last().unwrap().date.first_day();
    assert!(
        first <= Day::from_ymd(1990, 12, 31),
        "first event {first:?}"
    );
    assert!(last >= Day::from_ymd(2026, 1, 1), "last event {last:?}");
    let ids: Vec<&str> = d.tracks.iter().map(|t| t.id.as_str()).collect();
    for track in ["legal", "economic", "security", "institutional"] {
        let t = ids
            .iter()
            .position(|&i| i == track)
            .unwrap_or_else(|| panic!("no track {track}"));
        let n = d.events.iter().filter(|e| e.track == t).count();
        assert!(n >= 5, "track {track} has {n} events");
    }
}

#[test]
fn every_item_is_sourced_and_references_resolve() {
    let d = data();
    for e in &d.events {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        assert!(e.sources.iter().all(|&s| s < d.sources.len()));
        assert!(e
            .related
            .iter()
            .all(|&r| r < d.events.len() && d.events[r].id != e.id));
        assert!(e.track < d.tracks.len());
    }
    for era in &d.eras {
        assert!(!era.sources.is_empty(), "era {} has no source", era.id);
    }
    for x in &d.discrepancies {
        assert!(
            !x.sources.is_empty() && !x.claimed_by.is_empty() && !x.events.is_empty(),
            "{}",
            x.id
        );
    }
    // Every source is cited somewhere, and every link is http(s).
    let mut elsewhere: Vec<usize> = Vec::new();
    if let Some(m) = &d.mapping {
        elsewhere.extend(m.road_maps.iter().flat_map(|r| r.sources.iter().copied()));
        elsewhere.extend(m.programmes.iter().flat_map(|r| r.sources.iter().copied()));
        elsewhere.extend(m.links.iter().flat_map(|r| r.sources.iter().copied()));
        elsewhere.extend(m.claims.iter().flat_map(|r| r.sources.iter().copied()));
    }
    if let Some(m) = &d.membership {
        elsewhere.extend(
            m.organisations
                .iter()
                .flat_map(|r| r.sources.iter().copied()),
        );
        elsewhere.extend(m.intervals.iter().flat_map(|r| r.sources.iter().copied()));
    }
    if let Some(x) = &d.depth {
        elsewhere.extend(
            x.sectors
                .iter()
                .flat_map(|r| r.claim_sources.iter().copied()),
        );
        elsewhere.extend(x.provisions.iter().flat_map(|p| {
            p.sources
                .iter()
                .chain(p.outcomes.iter().flat_map(|o| o.sources.iter()))
                .copied()
        }));
    }
    for (i, s) in d.sources.iter().enumerate() {
        let cited = d.events.iter().any(|e| e.sources.contains(&i))
            || d.eras.iter().any(|e| e.sources.contains(&i))
            || d.discrepancies
                .iter()
                .any(|x| x.sources.contains(&i) || x.claimed_by.contains(&i))
            || elsewhere.contains(&i);
        assert!(cited, "source {} is never cited", s.id);
        if let Some(url) = &s.url {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{url}"
            );
        }
    }
}

#[test]
fn dates_are_valid_and_ordered() {
    let d = data();
    assert!(d
        .events
        .windows(2)
        .all(|w| w[0].date.anchor() <= w[1].date.anchor()));
    for e in &d.events {
        assert!(e.date.first_day() <= e.date.last_day(), "{}", e.id);
    }
    for w in d.eras.windows(2) {
        assert!(
            w[0].end < w[1].start,
            "eras {} and {} overlap",
            w[0].id,
            w[1].id
        );
    }
    for era in &d.eras {
        assert!(era.start <= era.end, "era {}", era.id);
    }
}

#[test]
fn founding_treaty_dates_match_the_sources() {
    let d = data();
    let on = |y, m, day| {
        d.events
            .iter()
            .filter(move |e| e.date.first_day() == Day::from_ymd(y, m, day))
    };
    let titled = |y, m, day, words: &[&str]| {
        on(y, m, day).any(|e| {
            words
                .iter()
                .all(|w| e.title.to_lowercase().contains(&w.to_lowercase()))
        })
    };
    assert!(titled(1999, 12, 8, &["creation", "union state"]));
    assert!(titled(1996, 4, 2, &["community"]));
    assert!(titled(1997, 4, 2, &["union"]));
    assert!(titled(1995, 2, 21, &["friendship"]));
    assert!(on(1999, 12, 22).count() >= 1, "Duma ratification");
    assert!(
        on(2000, 1, 26).count() >= 1,
        "Belarusian ratification and entry into force"
    );
    assert!(titled(2024, 12, 6, &["security guarantees"]));
    assert!(titled(2022, 10, 3, &["tax"]));
}

#[test]
fn the_2007_2008_seed_claim_is_shown_as_a_discrepancy() {
    let d = data();
    let seed = d.sources.iter().position(|s| {
        s.kind == SourceKind::Seed && s.title.contains("Integration against theories")
    });
    let seed = seed.expect("the seed abstract is a source");
    let x = d
        .discrepancies
        .iter()
        .find(|x| x.claimed_by.contains(&seed) && x.claim.contains("2007"))
        .expect("a discrepancy records the abstract's 2007-2008 claim");
    // It is attached to the 1999 treaty and to a 2007-2008 event, so both cards show it.
    let years: Vec<i32> = x
        .events
        .iter()
        .map(|&e| d.events[e].date.first_day().ymd().0)
        .collect();
    assert!(years.contains(&1999) || years.contains(&2000), "{years:?}");
    assert!(years.iter().any(|y| (2007..=2008).contains(y)), "{years:?}");
    for &e in &x.events {
        assert!(d.events[e]
            .discrepancies
            .iter()
            .any(|&k| d.discrepancies[k].id == x.id));
    }
}

#[test]
fn reversals_and_failures_are_represented() {
    let d = data();
    let has = |s: Status| d.events.iter().any(|e| e.status == Some(s));
    assert!(has(Status::Reversed), "the 1990s customs union reversal");
    assert!(
        has(Status::NeverImplemented),
        "the single currency, the parliament, the court"
    );
    assert!(has(Status::InForce));
    assert!(d
        .events
        .iter()
        .any(|e| e.confidence == Confidence::Low || e.confidence == Confidence::Medium));
    assert!(d.events.iter().filter(|e| e.title_ru.is_some()).count() >= 5);
}

#[test]
fn the_story_walks_from_the_1990s_treaties_to_the_security_treaty() {
    use union_state::model::StepView;
    let d = data();
    let story = d.story.as_ref().expect("the bundled dataset has a story");
    assert!(story.steps.len() >= 6, "{} steps", story.steps.len());
    assert!(story
        .steps
        .iter()
        .all(|s| !s.sources.is_empty() && !s.caption.is_empty() && s.notes.is_some()));
    let first = &story.steps[0];
    assert!(
        first.time < Day::from_ymd(2000, 1, 1),
        "it starts in the 1990s"
    );
    assert!(
        story.steps.iter().any(|s| s.view == StepView::Mapping),
        "it passes through the road maps"
    );
    assert!(
        story
            .steps
            .iter()
            .any(|s| s.selection.as_deref() == Some("security-guarantees-treaty-2024")),
        "it reaches the security treaty"
    );
    assert!(
        story
            .steps
            .windows(2)
            .filter(|w| w[0].time <= w[1].time)
            .count()
            >= story.steps.len() - 2,
        "mostly in time order"
    );
}

#[test]
fn a_story_caption_names_a_seed_document_in_words_not_by_its_code_alone() {
    // The captions are read by an audience, who cannot know "S0" (the conference abstract); the code
    // may follow in brackets, tying the words to the sources' list.
    for locale in [Locale::en, Locale::ru] {
        let d = model::bundled_in(locale).unwrap();
        let seeds: Vec<String> = d
            .sources
            .iter()
            .filter(|s| s.kind == SourceKind::Seed)
            .map(|s| s.id.to_uppercase())
            .collect();
        assert!(!seeds.is_empty());
        for step in &d.story.as_ref().unwrap().steps {
            let words: Vec<&str> = step
                .caption
                .split(|c: char| !c.is_alphanumeric() && c != '(' && c != ')')
                .collect();
            for seed in &seeds {
                assert!(
                    !words.contains(&seed.as_str()),
                    "{locale}: {seed} alone in {:?}",
                    step.caption
                );
            }
        }
    }
}

#[test]
fn every_text_of_the_bundled_dataset_has_a_russian_translation() {
    let ru = model::bundled_in(Locale::ru).unwrap_or_else(|e| panic!("no Russian dataset: {e}"));
    assert_eq!(ru.untranslated, 0, "texts without a Russian translation");
    assert_eq!(ru.locale, Locale::ru);
    let en = data();
    assert_eq!(ru.events.len(), en.events.len());
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    for (r, e) in ru.events.iter().zip(&en.events) {
        assert_eq!(r.id, e.id, "the Russian dataset keeps the order");
        assert!(cyrillic(&r.title), "{}: title {:?}", r.id, r.title);
        assert!(cyrillic(&r.summary), "{}: summary {:?}", r.id, r.summary);
        assert_eq!(r.date, e.date);
        assert_eq!(r.sources, e.sources);
    }
    for era in &ru.eras {
        assert!(cyrillic(&era.label), "era {:?}", era.label);
    }
    let story = ru.story.as_ref().unwrap();
    assert!(story.steps.iter().all(|s| cyrillic(&s.caption)));
}

/// Numbers in a translation are the numbers of the original: a translation changes words, not facts.
#[test]
fn translations_keep_every_number() {
    let raw: serde_json::Value = serde_json::from_str(model::BUNDLED_JSON).unwrap();
    fn numbers(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| n.len() >= 4) // years and large figures: the facts most worth guarding
            .map(str::to_owned)
            .collect();
        out.sort();
        out.dedup();
        out
    }
    fn walk(v: &serde_json::Value, path: &str, bad: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, x) in map {
                    if let (Some(en), Some(ru)) = (
                        x.as_str(),
                        map.get(&format!("{k}_ru")).and_then(|r| r.as_str()),
                    ) {
                        let (a, b) = (numbers(en), numbers(ru));
                        if a.iter().any(|n| !b.contains(n)) {
                            bad.push(format!("{path}.{k}: {a:?} vs {b:?}"));
                        }
                    }
                    walk(x, &format!("{path}.{k}"), bad);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), bad);
                }
            }
            _ => {}
        }
    }
    let mut bad = Vec::new();
    walk(&raw, "$", &mut bad);
    assert!(
        bad.is_empty(),
        "{} translations lose a year or figure:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Both interface languages have every string, and none is empty.
#[test]
fn the_two_locales_have_the_same_keys() {
    fn keys(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    keys(x, &format!("{path}.{k}"), out);
                }
            }
            serde_json::Value::String(s) => {
                assert!(!s.trim().is_empty(), "{path} is empty");
                out.push(path.to_owned());
            }
            other => panic!("{path}: not a string: {other}"),
        }
    }
    let read = |name: &str| -> Vec<String> {
        let text = std::fs::read_to_string(format!(
            "{}/locales/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let mut out = Vec::new();
        keys(&serde_json::from_str(&text).unwrap(), "", &mut out);
        out.sort();
        out
    };
    assert_eq!(read("en"), read("ru"));
}
