//! Drawing the timeline into plotters' SVG backend and checking what was drawn.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use plotters::prelude::*;
use union_state::layout::lanes::{place, Placement};
use union_state::layout::scale::Window;
use union_state::model::{self, Day};
use union_state::render::theme::{Theme, LIGHT};
use union_state::render::timeline::{draw_timeline, is_undelivered, FrameState};

fn full_window() -> Window {
    let (a, b) = model::bundled().unwrap().span();
    Window {
        t0: a.as_f64() - 120.0,
        t1: b.as_f64() + 120.0,
    }
}

fn svg(p: &Placement, frame: FrameState) -> String {
    let d = model::bundled().unwrap();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (p.width as u32, p.height as u32))
            .into_drawing_area();
        draw_timeline(&root, d, p, &frame, &LIGHT).unwrap();
        root.present().unwrap();
    }
    out
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Counts `<circle>` elements by a predicate on their attribute text.
fn circles(svg: &str, pred: impl Fn(&str) -> bool) -> usize {
    svg.split("<circle")
        .skip(1)
        .map(|c| &c[..c.find("/>").unwrap_or(c.len())])
        .filter(|c| pred(c))
        .count()
}

fn track_colours(theme: &Theme) -> Vec<String> {
    theme.tracks.iter().map(|&c| hex(c)).collect()
}

fn frame_at(t: f64) -> FrameState {
    FrameState {
        playhead_day: t,
        appear_days: 0.0,
        selected: None,
        hovered: None,
    }
}

#[test]
fn marks_follow_the_playhead() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    let colours = track_colours(&LIGHT);
    for t in [
        Day::from_ymd(1989, 1, 1),
        Day::from_ymd(1999, 12, 31),
        Day::from_ymd(2021, 11, 5),
        Day::from_ymd(2026, 12, 31),
    ] {
        let t = t.as_f64();
        let s = svg(&p, frame_at(t));
        let passed: Vec<_> = d
            .events
            .iter()
            .filter(|e| e.date.anchor().as_f64() <= t)
            .collect();
        let delivered = passed.iter().filter(|e| !is_undelivered(e.status)).count();
        let undelivered = passed.len() - delivered;
        let filled = circles(&s, |c| {
            colours
                .iter()
                .any(|col| c.contains(&format!("fill=\"{col}\"")))
        });
        let rings = circles(&s, |c| {
            c.contains("fill=\"none\"")
                && c.contains("stroke-width=\"2\"")
                && colours
                    .iter()
                    .any(|col| c.contains(&format!("stroke=\"{col}\"")))
        });
        let ghosts = circles(&s, |c| {
            c.contains("fill=\"none\"") && c.contains("stroke-width=\"1\"")
        });
        assert_eq!(filled, delivered, "filled marks at day {t}");
        assert_eq!(rings, undelivered, "hollow marks at day {t}");
        assert_eq!(ghosts, d.events.len() - passed.len(), "ghosts at day {t}");
    }
}

#[test]
fn draws_lane_names_ticks_eras_and_labels() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    let last = d.span().1;
    let s = svg(&p, frame_at(last.as_f64()));
    for track in &d.tracks {
        assert!(has_text(&s, &track.label), "lane {}", track.label);
    }
    for year in ["2000", "2010", "2020"] {
        assert!(has_text(&s, year), "tick {year}");
    }
    let labels: Vec<_> = p.events.iter().filter_map(|e| e.label.as_ref()).collect();
    assert!(!labels.is_empty());
    for l in labels {
        assert!(has_text(&s, l), "label {l}");
    }
    for era in p.eras.iter().filter(|e| !e.label.is_empty()) {
        assert!(has_text(&s, &era.label), "era {}", era.label);
    }
    // The playhead's date.
    let (y, m, _) = last.ymd();
    assert!(has_text(
        &s,
        &format!("{} {y}", union_state::model::date::month_abbrev(m))
    ));
}

#[test]
fn labels_fade_in_with_the_marker() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    let first = &p.events[0];
    let label = first.label.clone().expect("the first event is labelled");
    let before = svg(
        &p,
        FrameState {
            playhead_day: first.anchor_day - 1.0,
            appear_days: 100.0,
            selected: None,
            hovered: None,
        },
    );
    let during = svg(
        &p,
        FrameState {
            playhead_day: first.anchor_day + 50.0,
            appear_days: 100.0,
            selected: None,
            hovered: None,
        },
    );
    assert!(!has_text(&before, &label));
    assert!(has_text(&during, &label));
}

#[test]
fn selection_draws_a_ring() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    let sel = hex(LIGHT.selection);
    let none = svg(&p, frame_at(p.events[5].anchor_day));
    let with = svg(
        &p,
        FrameState {
            selected: Some(p.events[5].event),
            ..frame_at(p.events[5].anchor_day)
        },
    );
    assert_eq!(
        circles(&none, |c| c.contains(&format!("stroke=\"{sel}\""))),
        0
    );
    assert_eq!(
        circles(&with, |c| c.contains(&format!("stroke=\"{sel}\""))),
        1
    );
}

#[test]
fn phone_width_renders_compact_layout() {
    let d = model::bundled().unwrap();
    let p = place(d, 360.0, 420.0, full_window());
    assert!(p.metrics.narrow);
    let s = svg(&p, frame_at(Day::from_ymd(2026, 12, 31).as_f64()));
    assert!(has_text(&s, &d.tracks[0].label));
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Whether the SVG has a `<text>` element whose content is exactly `text`.
fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!(">\n{}\n</text>", escape(text)))
}
