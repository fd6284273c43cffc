//! The dataset loader: syntax, shape and content errors name their place; good files load.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use union_state::i18n::Locale;
use union_state::layout::text::keep_together;
use union_state::model::raw::{RawDataset, UNTRANSLATED};
use union_state::model::{Dataset, LoadError, MAX_DATASET_BYTES};

const MINIMAL: &str = include_str!("data/minimal.json");

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

fn problems(text: &str) -> Vec<String> {
    match Dataset::from_json(text) {
        Err(LoadError::Content(p)) => p.iter().map(ToString::to_string).collect(),
        other => panic!("expected content problems, got {other:?}"),
    }
}

#[test]
fn minimal_example_loads() {
    let d = Dataset::from_json(MINIMAL).unwrap();
    assert_eq!(d.events.len(), 1);
    assert_eq!(
        d.events[0].title_ru.as_deref(),
        Some("Договор о создании Союзного государства")
    );
    assert_eq!(
        d.sources[0].url.as_deref(),
        Some("https://cis-legislation.com/document.fwx?rgn=3841")
    );
}

/// An event's identifiers and codes are read without copies where the file allows; written with
/// escapes, they are copied and read the same.
#[test]
fn identifiers_written_with_escapes_read_as_their_text() {
    let escaped = MINIMAL
        .replace("\"union-state-treaty\"", "\"union\\u002dstate-treaty\"")
        .replace("\"1999-12-08\"", "\"1999\\u002d12-08\"")
        .replace("\"track\": \"legal\"", "\"track\": \"\\u006cegal\"")
        .replace("\"in-force\"", "\"in\\u002dforce\"")
        .replace("[\"treaty-text\"]", "[\"treaty\\u002dtext\"]")
        .replace("\"confidence\": \"high\"", "\"confidence\": \"hig\\u0068\"");
    assert_eq!(escaped.matches("\\u00").count(), 6, "every field rewritten");
    let plain = Dataset::from_json(MINIMAL).unwrap();
    let read = Dataset::from_json(&escaped).unwrap();
    assert_eq!(format!("{:?}", read.events), format!("{:?}", plain.events));
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = "{\n  \"format\": 1,\n  \"title\": \"x\",\n  oops\n}";
    match Dataset::from_json(text) {
        Err(LoadError::Syntax { line, column, .. }) => assert_eq!((line, column), (4, 3)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Dataset::from_json(""),
        Err(LoadError::Syntax { line: 1, .. })
    ));
    assert!(matches!(
        Dataset::from_json(&format!("{MINIMAL} trailing")),
        Err(LoadError::Syntax { .. })
    ));
}

#[test]
fn shape_errors_name_the_json_path() {
    let text = with(|v| v["events"][0]["sources"] = serde_json::json!("treaty-text"));
    match Dataset::from_json(&text) {
        Err(LoadError::Shape { path, message }) => {
            assert_eq!(path, "events[0].sources");
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let text = with(|v| v["events"][0]["colour"] = serde_json::json!("red"));
    let err = Dataset::from_json(&text).unwrap_err().to_string();
    assert!(
        err.starts_with("events[0]") && err.contains("colour"),
        "{err}"
    );
    let text = with(|v| {
        v["events"][0].as_object_mut().unwrap().remove("title");
    });
    let err = Dataset::from_json(&text).unwrap_err().to_string();
    assert!(err.contains("events[0]") && err.contains("title"), "{err}");
}

#[test]
fn content_rules_name_the_place_and_the_rule() {
    let p = problems(&with(|v| {
        let e = v["events"][0].clone();
        v["events"].as_array_mut().unwrap().push(e);
    }));
    assert!(
        p.iter()
            .any(|p| p.starts_with("events[1].id: duplicate id 'union-state-treaty'")),
        "{p:?}"
    );

    let p = problems(&with(|v| {
        v["events"][0]["sources"] = serde_json::json!(["nowhere"])
    }));
    assert_eq!(p, ["events[0].sources[0]: unknown source 'nowhere'"]);

    let p = problems(&with(|v| v["events"][0]["sources"] = serde_json::json!([])));
    assert_eq!(p, ["events[0].sources: needs at least one source"]);

    let p = problems(&with(|v| {
        v["events"][0]["date"] = serde_json::json!("2023-02-29")
    }));
    assert_eq!(
        p,
        ["events[0].date: '2023-02-29' is not a day on the calendar"]
    );

    let p = problems(&with(|v| {
        v["events"][0]["track"] = serde_json::json!("economy")
    }));
    assert_eq!(p, ["events[0].track: unknown track 'economy'"]);

    let p = problems(&with(|v| {
        v["events"][0]["confidence"] = serde_json::json!("certain")
    }));
    assert!(p[0].starts_with(
        "events[0].confidence: unknown value 'certain' (expected one of: high, medium, low)"
    ));

    let p = problems(&with(|v| {
        v["sources"][0]["url"] = serde_json::json!("javascript:alert(1)")
    }));
    assert_eq!(
        p,
        ["sources[0].url: 'javascript:alert(1)' is not an http or https address"]
    );

    let p = problems(&with(|v| {
        v["events"][0]["related"] = serde_json::json!(["union-state-treaty"])
    }));
    assert_eq!(
        p,
        ["events[0].related[0]: an event cannot be related to itself"]
    );

    let p = problems(&with(|v| {
        v["events"][0]["title"] = serde_json::json!("x".repeat(301))
    }));
    assert_eq!(
        p,
        ["events[0].title: is 301 characters long; the limit is 300"]
    );

    let p = problems(&with(|v| v["format"] = serde_json::json!(2)));
    assert_eq!(
        p,
        ["format: version 2 is not supported (this program reads version 1)"]
    );
}

#[test]
fn paths_refer_to_the_file_not_the_sorted_order() {
    // The second event in the file is earlier, so it sorts first; its error must still say events[1].
    let p = problems(&with(|v| {
        let mut e = v["events"][0].clone();
        e["id"] = serde_json::json!("earlier");
        e["date"] = serde_json::json!("1995");
        e["sources"] = serde_json::json!(["missing"]);
        v["events"].as_array_mut().unwrap().push(e);
    }));
    assert_eq!(p, ["events[1].sources[0]: unknown source 'missing'"]);
}

#[test]
fn events_are_sorted_and_references_follow_the_sort() {
    let text = with(|v| {
        let mut e = v["events"][0].clone();
        e["id"] = serde_json::json!("friendship-1995");
        e["date"] = serde_json::json!("1995-02-21");
        e["related"] = serde_json::json!(["union-state-treaty"]);
        v["events"].as_array_mut().unwrap().push(e);
    });
    let d = Dataset::from_json(&text).unwrap();
    assert_eq!(d.events[0].id, "friendship-1995");
    assert_eq!(d.events[0].related, vec![1]);
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = " ".repeat(MAX_DATASET_BYTES + 1);
    assert!(matches!(
        Dataset::from_json(&big),
        Err(LoadError::TooLarge { .. })
    ));
}

fn with_mapping(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    with(|v| {
        v["mapping"] = serde_json::json!({
            "sectors": [{ "id": "energy", "label": "Energy" }],
            "road_maps": [{ "id": "rm-gas", "label": "Gas", "sector": "energy", "status": "contentious",
                "reported": "2019-06-21", "summary": "Gas prices.", "sources": ["treaty-text"], "confidence": "high" }],
            "programmes": [{ "id": "up-19", "label": "Unified gas market", "sector": "energy", "approved": "2021-09-10",
                "summary": "A common gas market.", "sources": ["treaty-text"], "confidence": "high" }],
            "links": [{ "from": "rm-gas", "to": "up-19", "evidence": "inferred", "note": "Same topic.", "sources": ["treaty-text"] }],
            "claims": [{ "id": "claim-1", "date": "2022-12-19", "claimant": "A speaker", "plan": "2021-2023", "percent": 60,
                "text": "60% done (official claim).", "sources": ["treaty-text"], "confidence": "high" }]
        });
        edit(v);
    })
}

#[test]
fn a_valid_mapping_loads() {
    let d = Dataset::from_json(&with_mapping(|_| {})).unwrap();
    let m = d.mapping.unwrap();
    assert_eq!(
        (
            m.road_maps.len(),
            m.programmes.len(),
            m.links.len(),
            m.claims.len()
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(m.road_maps[0].count, 1, "count defaults to one");
}

#[test]
fn mapping_rules_name_the_place() {
    let p = problems(&with_mapping(|v| {
        v["mapping"]["links"][0]["from"] = serde_json::json!("rm-oil")
    }));
    assert_eq!(p, ["mapping.links[0].from: unknown road map 'rm-oil'"]);
    let p = problems(&with_mapping(|v| {
        v["mapping"]["links"][0]["evidence"] = serde_json::json!("rumoured")
    }));
    assert_eq!(p, ["mapping.links[0].evidence: unknown value 'rumoured' (expected one of: documented, inferred)"]);
    let p = problems(&with_mapping(|v| {
        v["mapping"]["claims"][0]["percent"] = serde_json::json!(160)
    }));
    assert_eq!(
        p,
        ["mapping.claims[0].percent: 160 is not a percentage between 0 and 100"]
    );
    let p = problems(&with_mapping(|v| {
        v["mapping"]["road_maps"][0]["sector"] = serde_json::json!("money")
    }));
    assert_eq!(p, ["mapping.road_maps[0].sector: unknown sector 'money'"]);
    let p = problems(&with_mapping(|v| {
        v["mapping"]["road_maps"][0]["agreed"] = serde_json::json!("2018")
    }));
    assert_eq!(
        p,
        ["mapping.road_maps[0].agreed: comes before the road map was reported"]
    );
    let p = problems(&with_mapping(|v| {
        let l = v["mapping"]["links"][0].clone();
        v["mapping"]["links"].as_array_mut().unwrap().push(l);
    }));
    assert_eq!(
        p,
        ["mapping.links[1]: duplicate link from 'rm-gas' to 'up-19'"]
    );
}

#[test]
fn story_steps_are_checked_against_the_data() {
    let text = with(|v| {
        v["story"] = serde_json::json!({
            "title": "A story",
            "steps": [
                { "id": "one", "view": "timeline", "time": "1999-12-08", "selection": "union-state-treaty", "caption": "The treaty.", "sources": ["treaty-text"] },
                { "id": "two", "view": "mapping", "time": "2021", "caption": "No mapping here.", "sources": ["treaty-text"] },
                { "id": "three", "view": "timeline", "time": "2000", "selection": "nothing", "caption": "Missing.", "sources": ["treaty-text"] }
            ]
        });
    });
    let p = problems(&text);
    assert_eq!(
        p,
        [
            "story.steps[1].view: the dataset has no 'mapping' section for this view",
            "story.steps[2].selection: no 'nothing' in the timeline view"
        ]
    );
}

#[test]
fn russian_texts_replace_the_english_and_missing_ones_fall_back_marked() {
    let text = with(|v| {
        v["events"][0]["summary_ru"] = "Подписан в Москве.".into();
    });
    let ru = Dataset::from_json_in(&text, Locale::ru).unwrap();
    let e = &ru.events[0];
    assert_eq!(e.title, "Договор о создании Союзного государства");
    assert_eq!(e.summary, "Подписан в Москве.");
    assert_eq!(e.title_ru, None, "the Russian title is not shown twice");
    // The dataset's title and the track's label have no translation: English, marked, counted.
    assert_eq!(ru.title, format!("{UNTRANSLATED}A minimal dataset"));
    assert_eq!(
        ru.tracks[0].label,
        format!("{UNTRANSLATED}Legal and political")
    );
    assert_eq!(ru.untranslated, 2);
    // Identifiers and sources do not change with the language.
    let en = Dataset::from_json(&text).unwrap();
    assert_eq!(
        en.events[0].summary,
        "Signed in Moscow by Presidents Yeltsin and Lukashenko."
    );
    assert_eq!((en.locale, en.untranslated), (Locale::en, 0));
    assert_eq!(e.id, en.events[0].id);
    assert_eq!(e.sources, en.events[0].sources);
}

#[test]
fn a_bad_translation_is_reported_at_its_own_field_in_either_language() {
    let text = with(|v| {
        v["events"][0]["summary_ru"] = "я".repeat(5000).into();
    });
    for locale in [Locale::en, Locale::ru] {
        let problems = match Dataset::from_json_in(&text, locale) {
            Err(LoadError::Content(p)) => p.iter().map(ToString::to_string).collect::<Vec<_>>(),
            other => panic!("expected content problems, got {other:?}"),
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("events[0].summary_ru"),
            "{problems:?}"
        );
    }
}

#[test]
fn the_event_a_playhead_passed_last_is_the_last_at_or_before_it() {
    let data = union_state::model::bundled().unwrap();
    let anchors: Vec<f64> = data
        .events
        .iter()
        .map(|e| e.date.anchor().as_f64())
        .collect();
    // Several events on one day: the last of them is the one passed last.
    assert!(
        anchors.windows(2).any(|w| w[0] == w[1]),
        "the bundled data has events on the same day"
    );
    let expected = |t: f64| anchors.iter().rposition(|&a| a <= t);
    let (first, last) = (anchors[0], anchors[anchors.len() - 1]);
    let mut days = vec![
        first - 1e6,
        first - 0.5,
        last + 0.5,
        last + 1e6,
        f64::NEG_INFINITY,
    ];
    for &a in &anchors {
        days.extend([a - 0.5, a, a + 0.25]);
    }
    for t in days {
        assert_eq!(data.last_passed(t), expected(t), "at day {t}");
    }
    assert_eq!(data.last_passed(first - 1.0), None);
    assert_eq!(data.last_passed(last), Some(anchors.len() - 1));
}

#[test]
fn bytes_are_read_as_the_browser_reads_text() {
    use union_state::model::text_from_utf8;
    assert_eq!(text_from_utf8(b"\xEF\xBB\xBF{}".to_vec()), "{}");
    assert_eq!(text_from_utf8("Союз".as_bytes().to_vec()), "Союз");
    // Only one mark is dropped, and only at the start.
    assert_eq!(
        text_from_utf8(b"\xEF\xBB\xBF\xEF\xBB\xBFa\xEF\xBB\xBF".to_vec()),
        "\u{FEFF}a\u{FEFF}"
    );
    // Each maximal malformed part becomes one U+FFFD, as in the WHATWG decoder: a stray byte, a cut
    // sequence, and a byte that cannot start one.
    assert_eq!(text_from_utf8(b"a\xFFb".to_vec()), "a\u{FFFD}b");
    assert_eq!(text_from_utf8(b"a\xE2\x82".to_vec()), "a\u{FFFD}");
    assert_eq!(text_from_utf8(b"\x80\x80".to_vec()), "\u{FFFD}\u{FFFD}");
    // A file saved with a mark loads like one without.
    let marked = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
    assert!(Dataset::from_json(std::str::from_utf8(&marked).unwrap()).is_err());
    assert_eq!(
        Dataset::from_json(&text_from_utf8(marked))
            .unwrap()
            .events
            .len(),
        1
    );
}

#[test]
fn counts_are_written_in_groups_of_three() {
    use union_state::model::count_in;
    let en = |n| count_in(n, Locale::en);
    let ru = |n| count_in(n, Locale::ru);
    assert_eq!(en(0), "0");
    assert_eq!(en(125), "125");
    assert_eq!(en(1000), "1,000");
    assert_eq!(en(10_000), "10,000");
    assert_eq!(en(1_234_567), "1,234,567");
    assert_eq!(ru(999), "999");
    assert_eq!(ru(10_000), "10\u{a0}000");
    assert_eq!(ru(1_234_567), "1\u{a0}234\u{a0}567");
}

/// The Russian dataset is what the file gives when every `_ru` text is first put in place of its
/// English ([`into_russian`]), with the same marks and the same count of untranslated texts:
/// for the bundled data (every section, both languages complete or not) and for files with texts
/// missing in either language.
#[test]
fn a_dataset_in_russian_is_the_file_put_into_russian() {
    let partial = with(|v| {
        v["description"] = "A short description.".into();
        v["events"][0]["summary_ru"] = "Подписан в Москве.".into();
        v["events"][0]["confidence_note"] = "Well attested.".into();
    });
    let ru_only = with(|v| {
        v["description_ru"] = "Только по-русски.".into();
        v["events"][0]["confidence_note_ru"] = "Только по-русски.".into();
    });
    for text in [
        union_state::model::BUNDLED_JSON,
        MINIMAL,
        partial.as_str(),
        ru_only.as_str(),
    ] {
        let mut raw: RawDataset = serde_json::from_str(text).unwrap();
        let missing = into_russian(&mut raw);
        let expected = Dataset::from_json(&serde_json::to_string(&raw).unwrap()).unwrap();
        let mut ru = Dataset::from_json_in(text, Locale::ru).unwrap();
        assert_eq!((ru.locale, ru.untranslated), (Locale::ru, missing));
        (ru.locale, ru.untranslated) = (Locale::en, 0);
        assert!(ru == expected, "{ru:#?}\n\nexpected\n\n{expected:#?}");
    }
}

/// In either language a text's date and dashes are kept with their words, in the Russian twin shown
/// beside an English title too, and in an English text standing in for a missing translation.
#[test]
fn texts_are_typeset_in_both_languages() {
    let text = with(|v| {
        v["events"][0]["title"] = "In force on 1 Jan 2004 — ratified".into();
        v["events"][0]["title_ru"] = "Вступил в силу 1 января 2004 г. — ратифицирован".into();
        v["events"][0]["summary"] = "Signed on 8 Dec 1999.".into();
    });
    let en = Dataset::from_json(&text).unwrap();
    assert_eq!(
        en.events[0].title,
        "In force on 1\u{a0}Jan 2004\u{a0}— ratified"
    );
    assert_eq!(
        en.events[0].title_ru.as_deref(),
        Some("Вступил в силу 1\u{a0}января 2004\u{a0}г.\u{a0}— ратифицирован")
    );
    assert_eq!(en.events[0].summary, "Signed on 8\u{a0}Dec 1999.");
    let ru = Dataset::from_json_in(&text, Locale::ru).unwrap();
    assert_eq!(
        ru.events[0].title,
        "Вступил в силу 1\u{a0}января 2004\u{a0}г.\u{a0}— ратифицирован"
    );
    assert_eq!(
        ru.events[0].summary,
        format!("{UNTRANSLATED}Signed on 8\u{a0}Dec 1999.")
    );
}

#[test]
fn an_untranslated_text_at_the_length_limit_loads_in_russian_too() {
    let text = with(|v| v["title"] = "x".repeat(300).into());
    let ru = Dataset::from_json_in(&text, Locale::ru).unwrap();
    assert_eq!(ru.title, format!("{UNTRANSLATED}{}", "x".repeat(300)));
    assert!(
        Dataset::from_json_in(&with(|v| v["title"] = "x".repeat(301).into()), Locale::ru).is_err()
    );
}

/// Counts the texts that fell back to English while a dataset is put into Russian.
#[derive(Default)]
struct Russian {
    missing: usize,
}

impl Russian {
    /// Puts the translation in place of the English text, or marks the English text.
    fn text(&mut self, en: &mut String, ru: &mut Option<String>) {
        match ru.take().filter(|r| !r.trim().is_empty()) {
            // Typeset: a date's parts and a dash kept with their words.
            Some(r) => *en = keep_together(&r).into_owned(),
            None if !en.trim().is_empty() => {
                self.missing += 1;
                en.insert_str(0, UNTRANSLATED);
            }
            None => {}
        }
    }

    /// As [`Russian::text`], for a text that may be absent.
    fn optional(&mut self, en: &mut Option<String>, ru: &mut Option<String>) {
        match en {
            Some(en) => self.text(en, ru),
            None => *en = ru.take().map(|r| keep_together(&r).into_owned()),
        }
    }
}

/// The file put into Russian, text by text, as the reference the loader is held to: every translatable
/// text rewritten from its `_ru` twin, and how many texts had no translation (those keep their English,
/// marked with `UNTRANSLATED`). The `_ru` fields are emptied, so nothing shows twice. Identifiers,
/// dates and sources are untouched.
fn into_russian(raw: &mut RawDataset) -> usize {
    let mut r = Russian::default();
    r.text(&mut raw.title, &mut raw.title_ru);
    r.optional(&mut raw.description, &mut raw.description_ru);
    for t in &mut raw.tracks {
        r.text(&mut t.label, &mut t.label_ru);
    }
    for e in &mut raw.eras {
        r.text(&mut e.label, &mut e.label_ru);
        r.optional(&mut e.summary, &mut e.summary_ru);
    }
    for e in &mut raw.events {
        r.text(&mut e.title, &mut e.title_ru);
        r.text(&mut e.summary, &mut e.summary_ru);
        r.optional(&mut e.confidence_note, &mut e.confidence_note_ru);
    }
    for d in &mut raw.discrepancies {
        r.text(&mut d.title, &mut d.title_ru);
        r.text(&mut d.claim, &mut d.claim_ru);
        r.text(&mut d.finding, &mut d.finding_ru);
    }
    if let Some(m) = &mut raw.mapping {
        for s in &mut m.sectors {
            r.text(&mut s.label, &mut s.label_ru);
        }
        for n in &mut m.road_maps {
            r.text(&mut n.label, &mut n.label_ru);
            r.text(&mut n.summary, &mut n.summary_ru);
            r.optional(&mut n.confidence_note, &mut n.confidence_note_ru);
        }
        for n in &mut m.programmes {
            r.text(&mut n.label, &mut n.label_ru);
            r.text(&mut n.summary, &mut n.summary_ru);
            r.optional(&mut n.confidence_note, &mut n.confidence_note_ru);
        }
        for l in &mut m.links {
            r.text(&mut l.note, &mut l.note_ru);
        }
        for c in &mut m.claims {
            r.text(&mut c.claimant, &mut c.claimant_ru);
            r.text(&mut c.text, &mut c.text_ru);
        }
    }
    if let Some(m) = &mut raw.membership {
        for s in &mut m.states {
            r.text(&mut s.label, &mut s.label_ru);
        }
        for o in &mut m.organisations {
            r.text(&mut o.label, &mut o.label_ru);
            r.text(&mut o.name, &mut o.name_ru);
            r.text(&mut o.summary, &mut o.summary_ru);
            r.optional(&mut o.group, &mut o.group_ru);
        }
        for i in &mut m.intervals {
            r.text(&mut i.note, &mut i.note_ru);
        }
    }
    if let Some(d) = &mut raw.depth {
        for s in &mut d.sectors {
            r.text(&mut s.label, &mut s.label_ru);
            r.optional(&mut s.claim, &mut s.claim_ru);
        }
        for p in &mut d.provisions {
            r.text(&mut p.label, &mut p.label_ru);
            r.optional(&mut p.note, &mut p.note_ru);
            for o in &mut p.outcomes {
                r.text(&mut o.note, &mut o.note_ru);
            }
        }
    }
    if let Some(s) = &mut raw.story {
        r.text(&mut s.title, &mut s.title_ru);
        for step in &mut s.steps {
            r.text(&mut step.caption, &mut step.caption_ru);
            r.optional(&mut step.notes, &mut step.notes_ru);
        }
    }
    r.missing
}

#[test]
fn events_are_ordered_by_first_day_and_on_one_day_as_in_the_file() {
    // (id, date): out of order in the file, three starting on 2001-01-01 (a day, a month and a range).
    let rows = [
        ("e-late", "2010-05-01"),
        ("e-jan-day", "2001-01-01"),
        ("e-early", "1994-04-02"),
        ("e-jan-month", "2001-01"),
        ("e-range", "2001-01-01/2003-12-31"),
        ("e-year", "2000"),
        ("e-before-jan", "2000-12-31"),
    ];
    let text = with(|v| {
        let template = v["events"][0].clone();
        v["events"] = rows
            .iter()
            .map(|(id, date)| {
                let mut e = template.clone();
                e["id"] = (*id).into();
                e["date"] = (*date).into();
                e
            })
            .collect();
    });
    let data = Dataset::from_json(&text).unwrap();
    let ids: Vec<&str> = data.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "e-early",
            "e-year",
            "e-before-jan",
            "e-jan-day",
            "e-jan-month",
            "e-range",
            "e-late"
        ]
    );
}
