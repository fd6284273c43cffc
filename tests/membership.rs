//! Overlapping memberships and the depth of integration: queries by date computed from the data,
//! derived sector levels, layouts and drawings.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use plotters::prelude::*;
use union_state::i18n::Locale;
use union_state::layout::ladder;
use union_state::layout::matrix::{self, MatrixHit};
use union_state::model::{self, Day, Delivery, Depth, MemberStatus, Membership, Standing};
use union_state::render::ladder::{draw_ladder, LadderFrame};
use union_state::render::membership::{draw_history, draw_matrix, HistoryRow, MatrixFrame};
use union_state::render::theme::LIGHT;

fn membership() -> &'static Membership {
    model::bundled()
        .unwrap()
        .membership
        .as_ref()
        .expect("the bundled dataset has memberships")
}

fn depth() -> &'static Depth {
    model::bundled()
        .unwrap()
        .depth
        .as_ref()
        .expect("the bundled dataset has sector depth")
}

/// The bundled memberships in `locale`.
fn membership_in(locale: Locale) -> &'static Membership {
    model::bundled_in(locale)
        .unwrap()
        .membership
        .as_ref()
        .unwrap()
}

/// The bundled sector depth in `locale`.
fn depth_in(locale: Locale) -> &'static Depth {
    model::bundled_in(locale).unwrap().depth.as_ref().unwrap()
}

fn standing(state: &str, org: &str, y: i32, m: u32, d: u32) -> Standing {
    let ms = membership();
    let s = ms
        .states
        .iter()
        .position(|x| x.id == state)
        .unwrap_or_else(|| panic!("no state {state}"));
    let o = ms
        .organisations
        .iter()
        .position(|x| x.id == org)
        .unwrap_or_else(|| panic!("no organisation {org}"));
    ms.standing(s, o, Day::from_ymd(y, m, d).as_f64())
}

#[test]
fn memberships_at_given_dates() {
    use MemberStatus::*;
    assert_eq!(standing("uz", "csto", 1995, 6, 1), Standing::Is(Member));
    assert_eq!(standing("uz", "csto", 2000, 6, 1), Standing::Left);
    assert_eq!(standing("uz", "csto", 2010, 6, 1), Standing::Is(Member));
    assert_eq!(standing("uz", "csto", 2013, 6, 1), Standing::Is(Suspended));
    assert_eq!(standing("ge", "cis", 2010, 6, 1), Standing::Left);
    assert_eq!(standing("ge", "cis", 2000, 6, 1), Standing::Is(Member));
    assert_eq!(standing("am", "csto", 2025, 6, 1), Standing::Is(Suspended));
    assert_eq!(standing("am", "csto", 2020, 6, 1), Standing::Is(Member));
    assert_eq!(
        standing("md", "cis", 2026, 2, 15),
        Standing::Is(ExitPending)
    );
    assert_eq!(standing("tm", "cis", 2010, 1, 1), Standing::Is(Associate));
    // Turkmenistan never ratified the Charter: a participant, as Ukraine, until its associate status.
    assert_eq!(standing("tm", "cis", 2000, 1, 1), Standing::Is(Participant));
    // The EAEU's observers: Moldova from 14 May 2018, Uzbekistan from 11 Dec 2020.
    assert_eq!(standing("md", "eaeu", 2018, 5, 13), Standing::None);
    assert_eq!(standing("md", "eaeu", 2018, 5, 14), Standing::Is(Observer));
    assert_eq!(standing("uz", "eaeu", 2020, 12, 10), Standing::None);
    assert_eq!(standing("uz", "eaeu", 2025, 1, 1), Standing::Is(Observer));
    // EurAsEC's founders from its entry into force, 30 May 2001.
    assert_eq!(standing("ru", "eurasec", 2001, 5, 29), Standing::None);
    assert_eq!(standing("ru", "eurasec", 2001, 5, 30), Standing::Is(Member));
    assert_eq!(
        standing("by", "union-state", 2001, 1, 1),
        Standing::Is(Member)
    );
    assert_eq!(standing("kz", "union-state", 2020, 1, 1), Standing::None);
    assert_eq!(standing("by", "eaeu", 2016, 1, 1), Standing::Is(Member));
    assert_eq!(standing("by", "eaeu", 2013, 1, 1), Standing::None);
    assert_eq!(standing("ua", "csto", 2000, 1, 1), Standing::None);
}

#[test]
fn nothing_the_table_says_changes_between_two_change_days() {
    let m = membership();
    let days = m.change_days();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "ascending, each once");
    assert!(days.len() > 20, "{} days", days.len());
    // Everything the table shows, for every state and organisation, on one day.
    let said = |t: f64| {
        (0..m.states.len())
            .flat_map(|s| (0..m.organisations.len()).map(move |o| (s, o)))
            .map(|(s, o)| (m.exists(o, t), m.standing(s, o, t), m.last_change(s, o, t)))
            .collect::<Vec<_>>()
    };
    let before_first = days[0] - 400.0;
    for (k, &d) in days.iter().enumerate() {
        // From a change day to the last moment before the next, the same answers...
        let next = days.get(k + 1).copied().unwrap_or(d + 4000.0);
        let at = said(d);
        for t in [d + 0.25, (d + next) / 2.0, next - 0.001] {
            assert_eq!(said(t), at, "between {d} and {next}, at {t}");
        }
        // ...and on the change day itself, something new.
        let before = if k == 0 { before_first } else { d - 0.001 };
        assert_ne!(said(before), at, "nothing changes on {d}");
    }
}

#[test]
fn organisations_exist_only_between_founding_and_end() {
    let m = membership();
    let eurasec = m
        .organisations
        .iter()
        .position(|o| o.id == "eurasec")
        .unwrap();
    assert!(!m.exists(eurasec, Day::from_ymd(1999, 1, 1).as_f64()));
    assert!(m.exists(eurasec, Day::from_ymd(2005, 1, 1).as_f64()));
    assert!(!m.exists(eurasec, Day::from_ymd(2016, 1, 1).as_f64()));
    // Nobody is a member of an organisation that no longer exists.
    let t = Day::from_ymd(2016, 1, 1).as_f64();
    for s in 0..m.states.len() {
        assert!(!matches!(
            m.standing(s, eurasec, t),
            Standing::Is(MemberStatus::Member)
        ));
    }
}

#[test]
fn every_interval_is_sourced_and_ordered() {
    let m = membership();
    for w in m.intervals.windows(2) {
        if w[0].state == w[1].state && w[0].organisation == w[1].organisation {
            assert!(
                w[0].end().is_some_and(|e| e <= w[1].start()),
                "overlapping intervals"
            );
        }
    }
    assert!(m
        .intervals
        .iter()
        .all(|i| !i.sources.is_empty() && !i.note.is_empty()));
    assert_eq!(m.states.len(), 12);
    assert_eq!(m.organisations.len(), 6);
}

#[test]
fn sector_levels_are_derived_from_provisions() {
    let d = depth();
    let id = |s: &str| {
        d.sectors
            .iter()
            .position(|x| x.id == s)
            .unwrap_or_else(|| panic!("no sector {s}"))
    };
    let now = Day::from_ymd(2026, 3, 1).as_f64();
    for s in 0..d.sectors.len() {
        let l = d.level(s, now);
        let by_hand: f64 = d
            .provisions
            .iter()
            .filter(|p| p.sector == s)
            .filter_map(|p| p.state_at(now))
            .map(Delivery::weight)
            .sum();
        assert_eq!(l.delivered, by_hand);
        assert!(l.delivered <= l.declared);
        assert!(
            d.provisions.iter().filter(|p| p.sector == s).count() >= 2,
            "sector {} has under two provisions",
            d.sectors[s].id
        );
    }
    // The seeds' argument, as the data derives it: security deepest, money and political institutions shallow.
    let share = |s: &str| {
        let l = d.level(id(s), now);
        l.delivered / l.declared
    };
    assert!(share("military-security") > share("currency"));
    assert!(share("military-security") > share("political"));
    assert_eq!(
        d.level(id("currency"), Day::from_ymd(1990, 1, 1).as_f64())
            .declared,
        0.0
    );
    // The 1990s customs union was implemented and then reversed.
    assert!(d
        .provisions
        .iter()
        .any(|p| p.outcomes.iter().any(|o| o.state == Delivery::Reversed)));
    assert!(d
        .provisions
        .iter()
        .all(|p| !p.declared_by.is_empty() && !p.sources.is_empty()));
}

#[test]
fn matrix_layout_and_hits() {
    let m = membership();
    for (w, h) in [(850.0, 560.0), (1400.0, 900.0), (360.0, 560.0)] {
        let g = matrix::layout(m, w, h);
        let last = g.cell(m.states.len() - 1, m.organisations.len() - 1);
        assert!(last.right() <= w + 1e-9 && last.bottom() <= h + 1e-9);
        let c = g.cell(3, 2);
        assert_eq!(
            g.hit(c.x + 2.0, c.y + 2.0, m.states.len(), m.organisations.len()),
            Some(MatrixHit::Row(3, Some(2)))
        );
        assert_eq!(
            g.hit(
                c.x + 2.0,
                g.metrics.band_px + 2.0,
                m.states.len(),
                m.organisations.len()
            ),
            Some(MatrixHit::Column(2))
        );
    }
}

fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root);
        root.present().unwrap();
    }
    out
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn the_matrix_draws_the_standings_of_its_date() {
    let m = membership();
    let g = matrix::layout(m, 850.0, 560.0);
    let at = |y| {
        let frame = MatrixFrame {
            playhead_day: Day::from_ymd(y, 6, 1).as_f64(),
            appear_days: 0.0,
            state: None,
            organisation: None,
        };
        svg((850, 560), |a| {
            draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
        })
    };
    let members = |s: &str| {
        // Members are opaque fills; participants' half fills are translucent.
        s.matches(&format!("opacity=\"1\" fill=\"{}\"", hex(LIGHT.member)))
            .count()
    };
    let count_at = |y: f64| {
        let mut n = 0;
        for s in 0..m.states.len() {
            for o in 0..m.organisations.len() {
                n += usize::from(m.standing(s, o, y) == Standing::Is(MemberStatus::Member));
            }
        }
        n
    };
    for year in [1992, 2000, 2013, 2025] {
        let s = at(year);
        assert_eq!(
            members(&s),
            count_at(Day::from_ymd(year, 6, 1).as_f64()),
            "member cells in {year}"
        );
        assert!(s.contains("CIS"));
    }
    assert!(
        at(2013).contains("suspended 2012"),
        "Uzbekistan's suspension is labelled"
    );
}

#[test]
fn every_mark_of_the_ladder_lies_within_the_canvas_with_its_selection_ring() {
    let d = depth();
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    // A laptop's chart, a short one, the shortest the page gives it, a phone's, and one embedded
    // in 640 x 360 with its key shown.
    for (w, h) in [
        (850.0, 520.0),
        (850.0, 420.0),
        (850.0, 340.0),
        (360.0, 560.0),
        (620.0, 170.0),
    ] {
        let g = ladder::layout(d, Locale::en, w, h, span);
        let reach = g.metrics.mark_reach_px();
        for m in &g.marks {
            assert!(
                m.y - reach >= 0.0 && m.y + reach <= h,
                "at {w} x {h} a mark at y = {} reaches outside the canvas",
                m.y
            );
        }
        // The room is made above the first row, not taken from its levels: a ring on its top level
        // is whole, and so is a mark on any row's top level within its row.
        let top = g.rows.first().expect("a row");
        assert!(
            top.y_of(top.max_declared) >= reach,
            "the first row's top level at {}",
            top.y_of(top.max_declared)
        );
        for row in &g.rows {
            let r = g.metrics.mark_r_px;
            assert!(
                row.y_of(row.max_declared) - r >= row.plot.y,
                "a mark past its row's top"
            );
            assert!(
                row.y_of(0.0) + r <= row.plot.bottom(),
                "a mark past its row's foot"
            );
        }
    }
}

#[test]
fn history_and_ladder_draw() {
    let rows = vec![HistoryRow {
        label: "CSTO".into(),
        spans: vec![(
            Day::from_ymd(1992, 5, 15).as_f64(),
            Some(Day::from_ymd(1999, 4, 2).as_f64()),
            MemberStatus::Member,
        )],
    }];
    let s = svg((380, 60), |a| {
        draw_history(a, &rows, (380.0, 60.0), (7000.0, 20000.0), 12000.0, &LIGHT).unwrap()
    });
    assert!(s.contains(&hex(LIGHT.member)) && s.contains("CSTO"));

    let d = depth();
    let g = ladder::layout(
        d,
        Locale::en,
        850.0,
        560.0,
        (
            Day::from_ymd(1990, 1, 1).as_f64(),
            Day::from_ymd(2026, 6, 1).as_f64(),
        ),
    );
    assert_eq!(g.rows.len(), d.sectors.len());
    let marks: usize = d.provisions.iter().map(|p| 1 + p.outcomes.len()).sum();
    assert_eq!(g.marks.len(), marks);
    let frame = LadderFrame {
        playhead_day: Day::from_ymd(2026, 6, 1).as_f64(),
        sector: None,
        provision: None,
    };
    let s = svg((850, 560), |a| {
        draw_ladder(a, d, &g, &frame, &LIGHT).unwrap()
    });
    for sector in &d.sectors {
        assert!(
            s.contains(&sector.label[..sector.label.len().min(10)]),
            "row {}",
            sector.label
        );
    }
    // A filled square for each outcome that delivered something, a hollow one for each that did not
    // (the single currency's postponements, the customs union's reversal), a triangle pointing back
    // in time for each known only by the date of the first source that records it, and a square in
    // a square outline for each resting only on officials' own word (an outline and a filled square).
    let filled = |tag: &str| {
        s.split(tag)
            .skip(1)
            .map(|r| &r[..r.find('>').unwrap_or(r.len())])
            .filter(|t| t.contains(&format!("fill=\"{}\"", hex(LIGHT.delivered))))
            .count()
    };
    let (outcome_squares, triangles) = (filled("<rect"), filled("<polygon"));
    let known_by = d
        .provisions
        .iter()
        .flat_map(|p| &p.outcomes)
        .filter(|o| o.by)
        .count();
    assert_eq!(
        triangles, known_by,
        "a triangle per outcome known only by a date"
    );
    assert!(known_by >= 2, "{known_by} outcomes known only by a date");
    // Drawn as a square within an outline: delivered something, on officials' word only.
    let on_word =
        |o: &&union_state::model::depth::Outcome| o.claimed && !o.by && o.state.weight() > 0.0;
    let claimed = d
        .provisions
        .iter()
        .flat_map(|p| &p.outcomes)
        .filter(on_word)
        .count();
    assert!(claimed >= 5, "{claimed} outcomes on officials' word only");
    let hollow_squares = s
        .split("<rect")
        .skip(1)
        .map(|r| &r[..r.find('>').unwrap_or(r.len())])
        .filter(|tag| tag.contains(&format!("stroke=\"{}\"", hex(LIGHT.delivered))))
        .count();
    let (delivering, nothing): (Vec<_>, Vec<_>) = d
        .provisions
        .iter()
        .flat_map(|p| &p.outcomes)
        .filter(|o| !o.by && !on_word(o))
        .partition(|o| o.state.weight() > 0.0);
    assert!(
        nothing.len() >= 5,
        "{} outcomes delivered nothing",
        nothing.len()
    );
    assert_eq!(
        outcome_squares,
        delivering.len() + claimed,
        "a filled square per delivery, and one inside each outline of an outcome on officials' word"
    );
    assert_eq!(
        hollow_squares,
        nothing.len() + claimed,
        "a hollow square per outcome that delivered nothing, and an outline round each on officials' word"
    );
    // An outcome known only by a source's date counts from the end of that date, by which it had
    // happened at the latest, not from its start: equal rights of citizens, recorded by a copy of
    // 2025, are not counted delivered in mid-2025.
    let rights = d
        .provisions
        .iter()
        .find(|p| p.id == "equal-rights-of-citizens")
        .unwrap();
    assert!(rights.outcomes[0].by);
    assert_eq!(
        rights.state_at(Day::from_ymd(2025, 6, 1).as_f64()),
        Some(Delivery::DeclaredOnly)
    );
    assert_eq!(
        rights.state_at(Day::from_ymd(2025, 12, 31).as_f64()),
        Some(Delivery::Implemented)
    );
    // Early on, nothing has been delivered in money and currency.
    let currency = d.sectors.iter().position(|s| s.id == "currency").unwrap();
    assert_eq!(
        d.level(currency, Day::from_ymd(2010, 1, 1).as_f64())
            .delivered,
        0.0
    );
}

/// The y of each drawn text whose content is one of `labels`, from an SVG.
fn text_ys(svg: &str, labels: &[String]) -> Vec<f64> {
    common::svg_texts(svg)
        .into_iter()
        .filter(|(_, text)| labels.iter().any(|l| l == text))
        .filter_map(|(tag, _)| common::number_attr(tag, "y"))
        .collect()
}

/// The bundled depth ladder in `locale`, laid out at 850 x 560 and drawn at 1 June 2026: the sectors
/// and the SVG.
fn ladder_drawn_in(locale: Locale) -> (&'static Depth, String) {
    let d = depth_in(locale);
    let t = Day::from_ymd(2026, 6, 1).as_f64();
    let g = ladder::layout(
        d,
        locale,
        850.0,
        560.0,
        (Day::from_ymd(1990, 1, 1).as_f64(), t),
    );
    let frame = LadderFrame {
        playhead_day: t,
        sector: None,
        provision: None,
    };
    let theme = union_state::render::theme::Theme { locale, ..LIGHT };
    let s = svg((850, 560), |a| {
        draw_ladder(a, d, &g, &frame, &theme).unwrap()
    });
    (d, s)
}

#[test]
fn the_states_names_never_overlap_however_short_the_matrix() {
    let m = membership();
    for width in [360.0, 640.0, 850.0] {
        let least = matrix::min_height(m, width);
        for height in [least, least + 7.0, 300.0, 560.0] {
            if height < least {
                continue;
            }
            let g = matrix::layout(m, width, height);
            assert!(g.row_font_px >= matrix::MIN_ROW_FONT_PX);
            assert!(g.row_font_px <= g.metrics.font_px);
            let frame = MatrixFrame {
                playhead_day: Day::from_ymd(2020, 1, 1).as_f64(),
                appear_days: 0.0,
                state: Some(2),
                organisation: None,
            };
            let out = svg((width as u32, height.ceil() as u32), |a| {
                draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
            });
            let names = text_ys(&out, &g.row_labels);
            assert_eq!(
                names.len(),
                m.states.len(),
                "{width} x {height}: every name drawn"
            );
            for pair in names.windows(2) {
                // Whole px apart, as drawn: at least the type's size.
                assert!(
                    pair[1] - pair[0] >= g.row_font_px.floor(),
                    "{width} x {height}: names {} px apart in {} px type",
                    pair[1] - pair[0],
                    g.row_font_px
                );
            }
        }
        // As tall as a page shows it, the names keep their full size, or (in a phone's narrow
        // column, for the longest names) a size a little less.
        let g = matrix::layout(m, width, 560.0);
        if width >= 640.0 {
            assert_eq!(g.row_font_px, g.metrics.font_px);
        } else {
            assert!(
                g.row_font_px >= g.metrics.font_px - 1.5,
                "{}",
                g.row_font_px
            );
        }
        // The least height is the least for which the rule holds.
        let g = matrix::layout(m, width, least);
        assert_eq!(g.row_font_px, matrix::MIN_ROW_FONT_PX);
    }
}

#[test]
fn russian_figures_have_a_decimal_comma() {
    use union_state::model::date::local_number;
    assert_eq!(local_number(6.5, Locale::ru), "6,5");
    assert_eq!(local_number(6.5, Locale::en), "6.5");
    assert_eq!(local_number(80.0, Locale::ru), "80");
    // The depth ladder's half-delivered counts, drawn in Russian.
    let (d, s) = ladder_drawn_in(Locale::ru);
    let t = Day::from_ymd(2026, 6, 1).as_f64();
    let halves = (0..d.sectors.len()).any(|k| d.level(k, t).delivered.fract() != 0.0);
    assert!(halves, "some sector has a half delivered");
    assert!(s.contains(",5"), "a half written with a comma");
    assert!(!s.contains(".5 "), "no decimal point");
}

#[test]
fn a_narrow_cell_gives_the_year_alone_rather_than_words_cut_short() {
    let m = membership();
    let (w, h) = (360.0, 560.0);
    let g = matrix::layout(m, w, h);
    let frame = MatrixFrame {
        playhead_day: Day::from_ymd(2026, 6, 1).as_f64(),
        appear_days: 0.0,
        state: None,
        organisation: None,
    };
    let s = svg((w as u32, h as u32), |a| {
        draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
    });
    let texts = common::svg_words(&s);
    let years = texts
        .iter()
        .filter(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
        .count();
    assert!(years >= 10, "{years} cells with their year: {texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("since") && t.ends_with('…')),
        "{texts:?}"
    );
    // The dissolved organisations' columns (EurAsEC, the Customs Union) say when they ended.
    assert!(
        !texts
            .iter()
            .any(|t| t.ends_with('…') && t.starts_with("ended")),
        "{texts:?}"
    );
    // In words where every column has room ("ended 2015"), as the year's end otherwise ("–2015"):
    // the two dissolved organisations' columns alike.
    let ended: Vec<&&str> = texts
        .iter()
        .filter(|t| **t == "–2015" || **t == "ended 2015")
        .collect();
    assert_eq!(ended.len(), 2, "{texts:?}");
    assert_eq!(ended[0], ended[1], "{texts:?}");
    // One wording for every cell: years alone, or words for all ("1991 | since 1994" read as if the
    // two differed).
    assert!(!texts.iter().any(|t| t.starts_with("since")), "{texts:?}");
    // In Russian too, and before the later organisations were founded ("2015–" over the EAEU).
    let ru = membership_in(Locale::ru);
    for (w, year) in [(356.0, 2026), (356.0, 2001), (330.0, 2001), (400.0, 2026)] {
        let g = matrix::layout(ru, w, h);
        let frame = MatrixFrame {
            playhead_day: Day::from_ymd(year, 6, 1).as_f64(),
            ..frame
        };
        let s = svg((w as u32, h as u32), |a| {
            draw_matrix(a, ru, &g, &frame, &LIGHT).unwrap()
        });
        let texts = common::svg_words(&s);
        // One wording in the whole matrix (Russian "с 1994" beside a bare "1991" read as a difference).
        let years = texts
            .iter()
            .filter(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .count();
        let worded = texts.iter().filter(|t| t.starts_with("с ")).count();
        assert!(years == 0 || worded == 0, "{w}, {year}: {texts:?}");
        let notes: Vec<&&str> = texts
            .iter()
            .filter(|t| {
                t.starts_with("до ")
                    || t.starts_with('–')
                    || t.ends_with('–')
                    || t.starts_with("с 20")
            })
            .collect();
        let dashes = notes.iter().filter(|t| t.contains('–')).count();
        assert!(
            dashes == 0 || dashes == notes.len(),
            "{w}, {year}: {notes:?}"
        );
        let cut: Vec<&&str> = texts
            .iter()
            .filter(|t| t.ends_with('…') && t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        assert!(cut.is_empty(), "{w}, {year}: {cut:?} in {texts:?}");
    }
}

#[test]
fn on_a_phone_a_past_membership_reads_as_its_year_with_a_dash() {
    // Georgia's CIS and Collective Security Treaty cells, Ukraine's CIS cell: a faint outline and a
    // bare year read as a member's "since"; the dash says "until", as in a greyed column ("–2015").
    // Every phone's width, a browser's scroll bar taken from it or not (Firefox's 12 px left 344 px
    // of a 390 px phone, where the dash went).
    let widths = (300..=420).step_by(2).map(f64::from);
    for (locale, w) in widths.flat_map(|w| [(Locale::en, w), (Locale::ru, w)]) {
        let m = membership_in(locale);
        let g = matrix::layout(m, w, 560.0);
        assert!(
            !union_state::render::membership::cell_words_fit(m, &g, locale),
            "{locale:?} at {w}: years alone"
        );
        assert!(g.past_dashed, "{locale:?} at {w}: room for the dash");
        let frame = MatrixFrame {
            playhead_day: Day::from_ymd(2026, 6, 1).as_f64(),
            appear_days: 0.0,
            state: None,
            organisation: None,
        };
        let theme = union_state::render::theme::Theme { locale, ..LIGHT };
        let s = svg((w as u32, 560), |a| {
            draw_matrix(a, m, &g, &frame, &theme).unwrap()
        });
        let texts = common::svg_words(&s);
        for past in ["–2009", "–1999", "–2018"] {
            assert!(
                texts.contains(&past),
                "{locale:?} at {w}: {past} in {texts:?}"
            );
        }
        for bare in ["2009", "1999"] {
            assert!(
                !texts.contains(&bare),
                "{locale:?} at {w}: {bare} bare in {texts:?}"
            );
        }
        // 2018 bare once: Moldova's observer status in the EAEU, which goes on; never Ukraine's CIS.
        let bare_2018 = texts.iter().filter(|t| **t == "2018").count();
        assert_eq!(
            bare_2018, 1,
            "{locale:?} at {w}: 2018 bare once in {texts:?}"
        );
    }
}

#[test]
fn a_sector_name_too_long_for_its_column_is_drawn_on_two_lines_above_its_figures() {
    for locale in [Locale::en, Locale::ru] {
        let (d, s) = ladder_drawn_in(locale);
        let texts = common::svg_words(&s);
        for sector in &d.sectors {
            let whole = texts.contains(&sector.label.as_str());
            let on_two = texts
                .windows(3)
                .any(|w| format!("{} {}", w[0], w[1]) == sector.label && w[2].contains('·'));
            assert!(
                whole || on_two,
                "{locale:?}: {} not drawn whole: {texts:?}",
                sector.label
            );
        }
    }
}

#[test]
fn a_narrow_ladder_puts_each_sectors_name_whole_above_its_row_with_its_figures() {
    use union_state::layout::text::width_px;
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    for locale in [Locale::en, Locale::ru] {
        let d = depth_in(locale);
        // A projector's compact chart at 1280 x 720, a phone's, a small tablet's.
        for (w, h) in [(596.0, 416.0), (330.0, 1000.0), (600.0, 700.0)] {
            let g = ladder::layout(d, locale, w, h, span);
            assert!(g.metrics.narrow);
            let mut last_bottom = 0.0_f64;
            for row in &g.rows {
                let name = &d.sectors[row.sector].label;
                let t = &row.text;
                let at = format!("{locale:?} {w} x {h}, {name}");
                assert_eq!(t.name.join(" "), *name, "{at}: the name whole");
                assert!(
                    t.name_at.1 >= row.band_top && t.name_at.1 < row.plot.y,
                    "{at}: above the row"
                );
                assert!(
                    row.band_top >= last_bottom,
                    "{at}: the heading over the row before"
                );
                assert!(
                    row.plot.h >= 26.0,
                    "{at}: the row's chart {} px tall",
                    row.plot.h
                );
                assert!(row.plot.x < 10.0, "{at}: the row's chart takes the width");
                let (fx, fy) = t.figures_at.expect("figures shown");
                assert!(
                    fx + t.figures_room <= w,
                    "{at}: the figures run past the edge"
                );
                // The widest figures the row can show fit their room uncut.
                let most = ladder::figures(locale, row.max_declared, row.max_declared - 0.5);
                assert!(
                    width_px(&most, g.metrics.font_px - 2.0) <= t.figures_room,
                    "{at}: {most} cut"
                );
                let beside = fx >= t.name_at.0 + width_px(name, g.metrics.font_px) * 1.1;
                let under = fy >= t.name_at.1 + t.line_px;
                assert!(beside || under, "{at}: the figures over the name");
                assert!(fy < row.plot.y, "{at}: the figures in the heading");
                last_bottom = row.plot.bottom();
            }
        }
    }
}

#[test]
fn a_short_narrow_ladder_keeps_the_names_beside_the_rows_in_a_wider_column() {
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    // An embedded chart, 640 x 360: rows too short for a heading over them.
    let g = ladder::layout(depth(), Locale::en, 620.0, 280.0, span);
    assert!(g.metrics.narrow);
    for row in &g.rows {
        assert_eq!(row.band_top, row.plot.y, "no heading");
        assert!(row.plot.x >= 170.0, "the names' column 170 px wide, not 96");
        for line in &row.text.name {
            assert!(
                union_state::layout::text::width_px(line, g.metrics.font_px) <= row.plot.x - 8.0
            );
        }
    }
    // "Military security" whole, as it was not in a 96 px column.
    let military = depth()
        .sectors
        .iter()
        .position(|s| s.id == "military-security")
        .unwrap();
    assert_eq!(
        g.rows[military].text.name,
        vec![depth().sectors[military].label.clone()]
    );
}

#[test]
fn at_its_least_height_the_ladder_keeps_its_rows_apart_and_above_the_axis() {
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    for locale in [Locale::en, Locale::ru] {
        let d = depth_in(locale);
        // The projector's type in a 640 x 360 frame with the key (a canvas of 475 layout px), a
        // phone, a laptop.
        for w in [475.0, 360.0, 850.0] {
            let least = ladder::min_height(d, w);
            let g = ladder::layout(d, locale, w, least, span);
            let axis_top = least - g.metrics.axis_px;
            let line = g.metrics.font_px + 3.0;
            for pair in g.rows.windows(2) {
                let a = &pair[0];
                assert!(
                    a.plot.bottom() <= pair[1].band_top,
                    "{locale:?} {w}: rows overlap"
                );
            }
            for row in &g.rows {
                assert!(
                    row.plot.bottom() <= axis_top + 1e-9,
                    "{locale:?} {w}: a row past the axis"
                );
                assert!(
                    row.plot.bottom() - row.band_top >= line + 3.0,
                    "{locale:?} {w}: a row too short for its name"
                );
                assert!(row.text.name_at.1 + line <= row.plot.bottom() + 3.0);
            }
            // A shorter canvas squeezes the rows under that.
            let g = ladder::layout(d, locale, w, least - 12.0, span);
            assert!(g
                .rows
                .iter()
                .any(|r| r.plot.bottom() - r.band_top < line + 3.0));
        }
    }
}

#[test]
fn a_wide_ladder_too_short_for_its_rows_takes_smaller_type_rather_than_scrolling_its_axis_away() {
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    for locale in [Locale::en, Locale::ru] {
        let d = depth_in(locale);
        // An 800 x 450 frame in a slide, with a story step's caption and the key above the chart:
        // 790 x 208 px. Its rows and axis fit (the frame does not scroll the axis out of sight).
        let (w, h) = (790.0, 208.0);
        assert!(ladder::min_height(d, w) <= h, "{locale:?}: fits {h} px");
        let g = ladder::layout(d, locale, w, h, span);
        assert!(g.metrics.font_px < 13.0, "{locale:?}: the smaller type");
        assert!(!g.metrics.narrow, "{locale:?}: the names beside the rows");
        let line = g.metrics.font_px + 3.0;
        for row in &g.rows {
            assert!(row.plot.bottom() <= h - g.metrics.axis_px + 1e-9);
            assert!(
                row.plot.bottom() - row.band_top >= line + 3.0,
                "{locale:?}: a row too short for its name"
            );
        }
        // With the height for them, the wide sizes.
        assert_eq!(
            ladder::layout(d, locale, w, 400.0, span).metrics.font_px,
            13.0
        );
    }
}

#[test]
fn a_compact_matrix_gives_every_states_and_organisations_name_whole_where_it_has_the_width() {
    for locale in [Locale::en, Locale::ru] {
        let m = membership_in(locale);
        // A projector's compact layout at 1280 x 720, and a laptop's chart.
        for (w, h) in [(596.0, 416.0), (850.0, 560.0)] {
            let g = matrix::layout(m, w, h);
            organisations_within_their_columns(m, &g);
            // The groups' bold names whole within their bands, a margin to spare.
            for band in &g.bands {
                assert!(
                    !band.label.ends_with('…'),
                    "{locale:?} {w}: {} cut",
                    band.label
                );
                let drawn = union_state::layout::text::width_px(&band.label, g.band_font_px)
                    * union_state::layout::text::BOLD_WIDER;
                assert!(
                    drawn <= band.x1 - band.x0 - 8.0,
                    "{locale:?} {w}: {} ({drawn} px) in a band {} px wide",
                    band.label,
                    band.x1 - band.x0
                );
            }
            for (s, state) in m.states.iter().enumerate() {
                assert_eq!(
                    g.row_labels[s], state.label,
                    "{locale:?} {w}: a state's name cut"
                );
            }
            for (o, org) in m.organisations.iter().enumerate() {
                let lines = &g.column_labels[o];
                assert_eq!(lines.join(" "), org.label, "{locale:?} {w}: {lines:?}");
                assert!(lines.len() <= 2);
                let line_px = g.column_font_px + 2.0;
                assert!(lines.len() as f64 * line_px <= g.metrics.header_px);
            }
            // The column's room taken from the organisations' columns, not past the canvas.
            assert!(g.metrics.label_w_px <= w * 0.24 + 1e-9 || g.metrics.label_w_px <= 118.0);
            let last = g.cell(m.states.len() - 1, m.organisations.len() - 1);
            assert!(last.right() <= w + 1e-9);
        }
    }
}

/// Every line of every organisation's heading within its column's width.
fn organisations_within_their_columns(m: &Membership, g: &matrix::MatrixLayout) {
    use union_state::layout::text;
    let line_px = g.column_font_px + 2.0;
    for (c, lines) in g.column_labels.iter().enumerate() {
        for line in lines {
            let w = text::width_px(line, g.column_font_px);
            if g.column_labels_upright {
                assert!(
                    w <= g.col_w(c) - 4.0,
                    "{line:?} ({w} px) wider than its column ({} px)",
                    g.col_w(c)
                );
            } else {
                // Running upwards, in bold when lit: along the header, and side by side across the column.
                assert!(
                    w * text::BOLD_WIDER <= g.metrics.header_px - 8.0 + 1e-9,
                    "{line:?} ({w} px) longer than the header ({} px)",
                    g.metrics.header_px
                );
                assert!(
                    lines.len() as f64 * line_px <= g.col_w(c) - 4.0,
                    "{lines:?} wider than their column ({} px)",
                    g.col_w(c)
                );
            }
        }
    }
    assert_eq!(g.column_labels.len(), m.organisations.len());
}

#[test]
fn on_the_narrowest_phone_every_organisations_name_runs_whole_up_its_column() {
    // A 320 px screen's canvas is 287 px wide: "EurA…" and "Cust…" ("Евр…", "Сою…") were cut across
    // their columns at every size. Upwards, every name is whole, and the header is as tall as the
    // longest needs; the rows start below it, and the least height keeps them all.
    for locale in [Locale::en, Locale::ru] {
        let m = membership_in(locale);
        let least = matrix::min_height(m, 287.0);
        let g = matrix::layout(m, 287.0, least);
        assert!(!g.column_labels_upright, "{locale:?}");
        for (o, lines) in m.organisations.iter().zip(&g.column_labels) {
            assert_eq!(lines.join(" "), o.label, "{locale:?}: whole");
        }
        organisations_within_their_columns(m, &g);
        let mt = &g.metrics;
        assert!((g.rows_top - (mt.band_px + mt.header_px)).abs() < 1e-9);
        assert!(mt.header_px > 60.0, "{locale:?}: header {}", mt.header_px);
        assert!(g.row_font_px >= matrix::MIN_ROW_FONT_PX, "{locale:?}");
        assert!(g.rows_top + g.cell_h * m.states.len() as f64 <= least + 1e-6);
        // A press on a name still picks its column.
        let c = g.cell(0, 2);
        assert_eq!(
            g.hit(
                c.x + c.w / 2.0,
                mt.band_px + mt.header_px - 2.0,
                m.states.len(),
                m.organisations.len()
            ),
            Some(MatrixHit::Column(2))
        );
        // Drawn, as text, each line.
        let frame = MatrixFrame {
            playhead_day: Day::from_ymd(2026, 6, 1).as_f64(),
            appear_days: 0.0,
            state: None,
            organisation: None,
        };
        let out = svg((287, least.ceil() as u32), |a| {
            draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
        });
        let words: Vec<String> = common::svg_words(&out)
            .into_iter()
            .map(common::unescape)
            .collect();
        for line in g.column_labels.iter().flatten() {
            assert!(words.contains(line), "{locale:?}: {line} drawn: {words:?}");
        }
    }
    // Where the names fit across their columns, they stay so, the header as it was.
    for locale in [Locale::en, Locale::ru] {
        let g = matrix::layout(membership_in(locale), 356.0, 600.0);
        assert!(g.column_labels_upright, "{locale:?}");
        assert_eq!(g.metrics.header_px, 30.0);
    }
}

#[test]
fn on_a_canvas_narrower_than_a_phones_the_cells_type_shrinks_so_that_no_year_is_cut() {
    // A 320 px screen in Firefox: its scroll bar leaves a 275 px canvas, and the dissolved
    // organisations' "–2015" was cut to "–20…" at the top of their columns. The cells' type is made
    // a little smaller there, no smaller than its least, so that every year with its dash is whole.
    let frame = MatrixFrame {
        playhead_day: Day::from_ymd(2026, 6, 1).as_f64(),
        appear_days: 0.0,
        state: None,
        organisation: None,
    };
    for locale in [Locale::en, Locale::ru] {
        let m = membership_in(locale);
        let ended: Vec<String> = m
            .organisations
            .iter()
            .filter_map(|o| o.ended.map(|e| format!("–{}", e.year)))
            .collect();
        assert!(!ended.is_empty());
        for width in [275.0, 287.0] {
            let least = matrix::min_height(m, width);
            let g = matrix::layout(m, width, least);
            let f = g.metrics.cell_font_px;
            assert!(
                (matrix::LEAST_CELL_FONT_PX..=9.0).contains(&f),
                "{locale:?} {width}: {f}"
            );
            assert!(
                g.past_dashed,
                "{locale:?} {width}: a past year's dash has room"
            );
            let out = svg((width as u32, least.ceil() as u32), |a| {
                draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
            });
            let words: Vec<String> = common::svg_words(&out)
                .into_iter()
                .map(common::unescape)
                .collect();
            for year in &ended {
                assert!(
                    words.contains(year),
                    "{locale:?} {width}: {year} in {words:?}"
                );
            }
            assert!(
                !words.iter().any(|w| w.starts_with('–') && w.ends_with('…')),
                "{locale:?} {width}: a year cut: {words:?}"
            );
        }
        // Where the columns have the room (the 287 px of a 320 px screen in Chromium, and wider),
        // the type is as it was.
        for width in [287.0, 356.0] {
            assert_eq!(matrix::layout(m, width, 600.0).metrics.cell_font_px, 9.0);
        }
    }
}

#[test]
fn on_a_phone_an_organisations_heading_keeps_within_its_column() {
    for locale in [Locale::en, Locale::ru] {
        let m = membership_in(locale);
        for w in [300.0, 330.0, 360.0, 420.0] {
            organisations_within_their_columns(m, &matrix::layout(m, w, 600.0));
        }
    }
}

#[test]
fn on_a_phone_a_group_name_over_one_column_is_whole_or_left_out() {
    // "Com…" over the CIS, "Secu…" over the CSTO, "Bilat…" over the Union State named nothing; a group
    // over several columns (the economic one) keeps its name.
    for locale in [Locale::en, Locale::ru] {
        let m = membership_in(locale);
        for w in [330.0, 360.0, 390.0, 420.0] {
            let g = matrix::layout(m, w, 600.0);
            for band in &g.bands {
                assert!(
                    !band.label.ends_with('…'),
                    "{locale:?} {w}: {} cut",
                    band.label
                );
            }
            let named = g.bands.iter().filter(|b| !b.label.is_empty()).count();
            assert!(named >= 1, "{locale:?} {w}: no group named");
        }
    }
}

#[test]
fn on_a_phone_the_organisations_names_are_set_smaller_rather_than_cut() {
    // "ЕврАзЭС" was cut to "ЕврА…" in a Russian phone's column, and "Союзное госуда…", whose second
    // word is wider than an even share of a phone's width at any size: its column is wider, and
    // "СНГ"'s narrower. A 390 px phone's canvas is 356 px wide (a 360 px phone's, 326, has too little
    // room even so).
    let m = membership_in(Locale::ru);
    for w in [356.0, 400.0] {
        let g = matrix::layout(m, w, 600.0);
        let cut: Vec<String> = g
            .column_labels
            .iter()
            .filter(|l| l.concat().ends_with('…'))
            .map(|l| l.concat())
            .collect();
        assert_eq!(cut, Vec::<String>::new(), "at {w}");
        assert!(
            (matrix::MIN_COLUMN_FONT_PX..g.metrics.font_px).contains(&g.column_font_px),
            "at {w}: {} px",
            g.column_font_px
        );
        let union_state = m.organisations.len() - 1;
        assert!(g.col_w(union_state) > g.col_w(0), "at {w}");
        // Every column still has room for a year under its mark.
        for c in 0..m.organisations.len() {
            assert!(g.col_w(c) >= 30.0, "at {w}: column {c} {} px", g.col_w(c));
        }
        assert!((g.col_x[m.organisations.len()] - w).abs() < 1e-6);
    }
    // Where the names fit even columns, the columns are even.
    for locale in [Locale::en, Locale::ru] {
        let g = matrix::layout(membership_in(locale), 1200.0, 700.0);
        let widths: Vec<f64> = (0..g.col_x.len() - 1).map(|c| g.col_w(c)).collect();
        assert!(
            widths.iter().all(|w| (w - widths[0]).abs() < 1e-9),
            "{locale:?}: {widths:?}"
        );
    }
    // Where every name fits in the labels' type, they keep it.
    for locale in [Locale::en, Locale::ru] {
        let g = matrix::layout(membership_in(locale), 1200.0, 700.0);
        assert_eq!(g.column_font_px, g.metrics.font_px, "{locale:?}");
    }
}

#[test]
fn on_a_phone_every_states_name_is_whole_in_type_a_little_smaller() {
    for locale in [Locale::en, Locale::ru] {
        let m = membership_in(locale);
        for w in [330.0, 360.0, 420.0] {
            let g = matrix::layout(m, w, 600.0);
            for (s, state) in m.states.iter().enumerate() {
                assert_eq!(g.row_labels[s], state.label, "{locale:?} at {w}");
                // Within the column, bold as when its row is lit.
                let drawn = union_state::layout::text::width_px(&state.label, g.row_font_px)
                    * union_state::layout::text::BOLD_WIDER;
                assert!(
                    drawn <= g.metrics.label_w_px - 8.0 + 1e-9,
                    "{locale:?} at {w}: {}",
                    state.label
                );
            }
            assert!(
                g.row_font_px >= 8.5,
                "{locale:?} at {w}: {} px",
                g.row_font_px
            );
        }
    }
}

#[test]
fn a_cells_words_stand_clear_of_its_mark_and_within_its_width() {
    let m = membership();
    let frame = MatrixFrame {
        playhead_day: Day::from_ymd(2026, 6, 1).as_f64(),
        appear_days: 0.0,
        state: None,
        organisation: None,
    };
    // A projector's compact layout at 1280 x 720, a phone, a laptop's chart, a tall chart.
    for (w, h) in [
        (596.0, 416.0),
        (360.0, 560.0),
        (850.0, 560.0),
        (1200.0, 900.0),
    ] {
        let g = matrix::layout(m, w, h);
        let ((top, bottom), label_y) = g.mark_and_label();
        assert!(
            bottom - top >= g.cell_h * 0.45 - 1e-9,
            "{w}: a mark too short"
        );
        let label_y = label_y.unwrap_or_else(|| panic!("{w} x {h}: no words under the marks"));
        let half = g.metrics.cell_font_px / 2.0;
        assert!(
            label_y - half >= bottom + 1.0 && label_y + half <= g.cell_h,
            "{w} x {h}: words at {label_y} +- {half} under a mark ending at {bottom} in a row of {}",
            g.cell_h
        );
        // As drawn: each cell's words centred at that height in its row, within the cell's width.
        let s = svg((w as u32, h as u32), |a| {
            draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
        });
        let mut seen = 0;
        for (tag, text) in common::svg_texts(&s) {
            let words = common::unescape(text);
            let year = words.len() == 4 && words.chars().all(|c| c.is_ascii_digit());
            if !(words.starts_with("since ") || words.starts_with("suspended ") || year) {
                continue;
            }
            seen += 1;
            let y = common::number_attr(tag, "y").unwrap() - g.rows_top;
            let in_row = y - (y / g.cell_h).floor() * g.cell_h;
            assert!(
                (in_row - label_y).abs() <= 1.0,
                "{w} x {h}: {words:?} at {in_row} in its row, not {label_y}"
            );
            // The column the words are centred in.
            let x = common::number_attr(tag, "x").unwrap();
            let c = g.col_x.partition_point(|&edge| edge <= x).saturating_sub(1);
            let room = g.col_w(c) - 2.0 * g.metrics.pad_px - 2.0;
            let drawn = union_state::layout::text::width_px(&words, g.metrics.cell_font_px);
            assert!(drawn <= room, "{w} x {h}: {words:?} {drawn} px in {room}");
        }
        assert!(seen >= 10, "{w} x {h}: {seen} cells' words");
    }
}

#[test]
fn a_wide_ladder_gives_each_sectors_name_whole_on_as_many_lines_as_its_row_holds() {
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    for locale in [Locale::en, Locale::ru] {
        let d = depth_in(locale);
        // The story's depth steps at 1280 x 720 (rows with one line for the name), a 1920 x 1080
        // screen (rows with three).
        for (w, h) in [(850.0, 445.0), (1490.0, 840.0)] {
            let g = ladder::layout(d, locale, w, h, span);
            assert!(!g.metrics.narrow);
            for (row, sector) in g.rows.iter().zip(&d.sectors) {
                let name = row.text.name.join(" ");
                if w > 1000.0 || !sector.label.contains(',') {
                    assert_eq!(
                        name, sector.label,
                        "{locale:?} at {w} x {h}: {:?}",
                        row.text.name
                    );
                }
                for line in &row.text.name {
                    let drawn = union_state::layout::text::width_px(line, g.metrics.font_px);
                    assert!(
                        drawn <= g.metrics.label_w_px - 8.0,
                        "{locale:?} at {w}: {line}"
                    );
                }
            }
            assert!(g.metrics.label_w_px <= 250.0 && g.metrics.label_w_px <= w * 0.28 + 1e-9);
        }
    }
}

#[test]
fn a_column_not_yet_founded_or_dissolved_says_so_half_way_down_not_beside_its_first_state() {
    let m = membership();
    // "ended 2015" under EurAsEC's and the Customs Union's names read as Russia's cells, the first row.
    for (w, h, year, note) in [
        (850.0, 560.0, 2026, "ended 2015"),
        (850.0, 560.0, 2001, "from 2014"),
        (1400.0, 900.0, 2026, "ended 2015"),
    ] {
        let g = matrix::layout(m, w, h);
        let frame = MatrixFrame {
            playhead_day: Day::from_ymd(year, 6, 1).as_f64(),
            appear_days: 0.0,
            state: None,
            organisation: None,
        };
        let s = svg((w as u32, h as u32), |a| {
            draw_matrix(a, m, &g, &frame, &LIGHT).unwrap()
        });
        let notes: Vec<f64> = common::svg_texts(&s)
            .into_iter()
            .filter(|(_, t)| *t == note)
            .map(|(tag, _)| common::number_attr(tag, "y").unwrap())
            .collect();
        assert!(!notes.is_empty(), "{w} x {h} in {year}: no {note:?}");
        let middle = (g.rows_top + g.height) / 2.0;
        for y in notes {
            assert!(
                (y - middle).abs() <= 1.0 && y > g.rows_top + g.cell_h,
                "{w} x {h} in {year}: {note:?} at {y}, the column's middle {middle}"
            );
        }
    }
}
