//! Layout invariants of the timeline with the bundled data, at the sizes we support.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use union_state::layout::lanes::{place, Placement};
use union_state::layout::scale::Window;
use union_state::layout::text;
use union_state::model;

/// Projector, laptop, HiDPI desktop (CSS px), tablet and phone.
const SIZES: [(f64, f64); 5] = [
    (1280.0, 720.0),
    (1440.0, 800.0),
    (1920.0, 1080.0),
    (820.0, 600.0),
    (360.0, 420.0),
];

fn full_window() -> Window {
    let (a, b) = model::bundled().unwrap().span();
    Window {
        t0: a.as_f64() - 120.0,
        t1: b.as_f64() + 120.0,
    }
}

fn layouts() -> Vec<Placement> {
    let d = model::bundled().unwrap();
    let full = full_window();
    let zoomed = Window {
        t0: model::Day::from_ymd(2019, 1, 1).as_f64(),
        t1: model::Day::from_ymd(2022, 1, 1).as_f64(),
    };
    SIZES
        .iter()
        .flat_map(|&(w, h)| [place(d, w, h, full), place(d, w, h, zoomed)])
        .collect()
}

#[test]
fn the_whole_span_shows_every_event() {
    let d = model::bundled().unwrap();
    for (w, h) in SIZES {
        let p = place(d, w, h, full_window());
        assert_eq!(p.events.len(), d.events.len(), "at {w}x{h}");
    }
}

#[test]
fn a_canvas_not_laid_out_yet_places_no_events() {
    let d = model::bundled().unwrap();
    for (w, h) in [(0.0, 0.0), (0.0, 720.0), (1280.0, 0.0)] {
        let p = place(d, w, h, full_window());
        assert!(p.events.is_empty(), "at {w}x{h}");
        assert_eq!(p.lanes.len(), d.tracks.len(), "at {w}x{h}");
    }
    // The smallest real size places every event.
    assert_eq!(
        place(d, 1.0, 1.0, full_window()).events.len(),
        d.events.len()
    );
}

#[test]
fn labels_never_overlap_each_other_or_markers() {
    for p in layouts() {
        let m = p.metrics;
        let boxes: Vec<(f64, f64, f64, f64)> = p
            .events
            .iter()
            .filter_map(|e| {
                let l = e.label.as_ref()?;
                let w = text::width_px(l, m.label_font_px);
                Some((
                    e.label_x_px,
                    e.y_px - m.label_font_px / 2.0,
                    e.label_x_px + w,
                    e.y_px + m.label_font_px / 2.0,
                ))
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.2 <= p.plot.right() + 0.5,
                "label runs off the plot at {}x{}",
                p.width,
                p.height
            );
            for b in &boxes[i + 1..] {
                let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
                assert!(
                    !overlap,
                    "labels overlap at {}x{}: {a:?} {b:?}",
                    p.width, p.height
                );
            }
            for e in &p.events {
                let r = m.marker_r_px;
                let hits =
                    e.x_px + r > a.0 && e.x_px - r < a.2 && e.y_px + r > a.1 && e.y_px - r < a.3;
                assert!(!hits, "a label covers a marker at {}x{}", p.width, p.height);
            }
        }
    }
}

#[test]
fn markers_sit_inside_their_lanes() {
    let d = model::bundled().unwrap();
    for p in layouts() {
        for e in &p.events {
            let lane = &p.lanes[d.events[e.event].track];
            assert!(
                e.y_px > lane.rect.y && e.y_px < lane.rect.bottom(),
                "marker outside its lane"
            );
        }
    }
}

#[test]
fn a_projector_shows_most_titles() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    let labelled = p.events.iter().filter(|e| e.label.is_some()).count();
    assert!(
        labelled * 2 >= p.events.len(),
        "only {labelled} of {} events labelled",
        p.events.len()
    );
}

#[test]
fn hit_testing_finds_each_marker() {
    for p in layouts() {
        for e in &p.events {
            if e.x_px < p.plot.x {
                // A range begun before the window: its marker is not drawn, its bar is hit.
                let end = e
                    .x_end_px
                    .expect("only a range is placed with its start out of view");
                assert!(end >= p.plot.x, "a range placed reaches into the plot");
                let hit = p.hit(p.plot.x + 0.5, e.y_px, 0.0);
                assert!(
                    hit.is_some(),
                    "the bar of a range begun before the window is hit"
                );
                continue;
            }
            assert!(
                e.x_px <= p.plot.right(),
                "no marker is placed past the plot"
            );
            let hit = p
                .hit(e.x_px, e.y_px, 0.0)
                .expect("a marker is hit at its centre");
            // Markers may touch when a lane has no free row; the hit is then an event at the same spot.
            let other = p.find(hit).unwrap();
            assert!((other.x_px - e.x_px).abs() < 1e-6 || hit == e.event);
        }
        assert_eq!(p.hit(-50.0, -50.0, 4.0), None);
    }
}

#[test]
fn deep_zoom_keeps_ticks_bounded() {
    let d = model::bundled().unwrap();
    let t = model::Day::from_ymd(1999, 12, 1).as_f64();
    let w = Window {
        t0: t,
        t1: t + 120.0,
    };
    let p = place(d, 1920.0, 1080.0, w);
    assert!(p.ticks.len() <= 12, "{} ticks", p.ticks.len());
    assert!(p.ticks.iter().any(|t| t.label == "Jan 2000"));
    // Culling: only events near the window are laid out.
    assert!(p.events.len() < d.events.len());
}

#[test]
fn coordinates_are_written_with_one_decimal_as_the_formatter_writes_them() {
    use union_state::layout::tenths::Tenths;
    // Points of a chart in CSS px at several scales, both signs, and far past any screen.
    let mut checked = 0;
    for i in -20_000..20_000 {
        for k in [1.0, 1.25, 2.0, 3.0, 0.37, 1234.567] {
            let v = f64::from(i) * 0.0137 * k;
            // Within a rounding error of halfway between two tenths the two may differ (documented).
            let frac = (v * 10.0).abs().fract();
            if (frac - 0.5).abs() < 1e-6 {
                continue;
            }
            let expected = format!("{v:.1}");
            let expected = if expected == "-0.0" {
                "0.0".to_owned()
            } else {
                expected
            };
            assert_eq!(Tenths(v).to_string(), expected, "{v}");
            checked += 1;
        }
    }
    assert!(checked > 230_000, "{checked}");
    assert_eq!(Tenths(12.34).to_string(), "12.3");
    assert_eq!(Tenths(-0.26).to_string(), "-0.3");
    assert_eq!(Tenths(-0.04).to_string(), "0.0");
    assert_eq!(Tenths(0.96).to_string(), "1.0");
    assert_eq!(Tenths(1e15).to_string(), format!("{:.1}", 1e15));
    assert_eq!(Tenths(f64::NAN).to_string(), "NaN");
    assert_eq!(Tenths(f64::NEG_INFINITY).to_string(), "-inf");
}

#[test]
fn a_span_running_to_the_plots_edge_has_its_label_on_its_bar() {
    // The Union Parliament never elected (2000 to this day) and the Court never formed: their bars
    // reach the plot's right edge, so no label has room after them.
    let d = model::bundled().unwrap();
    for (w, h) in [(1280.0, 600.0), (1700.0, 760.0)] {
        let p = place(d, w, h, full_window());
        for id in ["union-parliament-never-elected", "union-court-never-formed"] {
            let i = d.events.iter().position(|e| e.id == id).unwrap();
            let e = p.events.iter().find(|e| e.event == i).unwrap();
            let end = e.x_end_px.unwrap();
            let label = e
                .label
                .as_ref()
                .unwrap_or_else(|| panic!("{id} at {w}: no label"));
            assert!(
                e.label_x_px > e.x_px && e.label_x_px < end,
                "{id}: on its bar"
            );
            let right = e.label_x_px + text::width_px(label, p.metrics.label_font_px);
            assert!(right <= end.min(p.plot.right()), "{id}: within its bar");
            // Nothing else in its row starts before its bar ends.
            for o in p.events.iter().filter(|o| o.y_px == e.y_px && o.event != i) {
                assert!(
                    o.x_px + p.metrics.marker_r_px <= e.x_px || o.x_px >= end,
                    "{id}: {} on its bar",
                    d.events[o.event].id
                );
            }
        }
    }
}

#[test]
fn in_a_chart_too_short_for_its_lanes_every_event_stays_in_its_own_lane() {
    let d = model::bundled().unwrap();
    // An embedded chart with its key shown, in the projector's type: 492 layout px wide, and from
    // lanes with room for a name and a row down to lanes a marker tall.
    for (w, h) in [
        (492.0, 200.0),
        (492.0, 150.0),
        (492.0, 110.0),
        (492.0, 90.0),
        (900.0, 110.0),
    ] {
        let p = place(d, w, h, full_window());
        assert!(!p.events.is_empty());
        for e in &p.events {
            let track = d.events[e.event].track;
            let lane = p.lanes.iter().find(|l| l.track == track).unwrap();
            assert!(
                e.y_px > lane.rect.y && e.y_px < lane.rect.bottom(),
                "{w} x {h}: an event of lane {track} at y {} outside it ({:?})",
                e.y_px,
                lane.rect
            );
        }
        for lane in &p.lanes {
            // A name drawn on top of the rows leaves a whole row of markers under it.
            if lane.named {
                let r = p.metrics.marker_r_px;
                assert!(
                    lane.rows_top + 2.0 * r <= lane.rect.bottom(),
                    "{w} x {h}: a named lane's row cut"
                );
            }
            assert!(lane.rows_top + lane.row_h * lane.rows as f64 <= lane.rect.bottom() + 1e-9);
        }
    }
}

#[test]
fn a_compact_timelines_label_runs_on_where_its_row_has_room() {
    let d = model::bundled().unwrap();
    // The projector theme's chart at 1280 x 720: 573 layout px wide, the compact layout.
    let p = place(d, 573.0, 400.0, full_window());
    assert!(p.metrics.narrow);
    let longest = p
        .events
        .iter()
        .filter_map(|e| e.label.as_deref())
        .map(|l| text::width_px(l, p.metrics.label_font_px))
        .fold(0.0, f64::max);
    // Labels were cut at 120 px however much room their rows had.
    assert!(longest > 130.0, "the longest label is {longest} px");
    assert!(longest <= p.metrics.label_max_px + 1e-9);
}

#[test]
fn a_selected_events_title_covers_none_of_its_neighbours_and_a_pointed_ones_is_whole() {
    use union_state::i18n::Locale;
    use union_state::model::Day;
    let day = |y, m, d| Day::from_ymd(y, m, d).as_f64();
    // The story's steps at 1280 x 720 whose selected event has no label of its own: the security
    // treaty of 2024 in a dense row near the right edge (its title beside it on the left covered the
    // markers of 2022 and 2023 in its row), and the Supreme State Council of December 2007 (covering
    // the label of the Council's first session).
    let steps = [
        (
            "security-guarantees-treaty-2024",
            day(2020, 1, 1),
            day(2026, 6, 30),
        ),
        ("ssc-2007-12", day(1999, 6, 1), day(2010, 12, 31)),
    ];
    let mut seen = 0;
    for locale in [Locale::en, Locale::ru] {
        let d = model::bundled_in(locale).unwrap();
        for (id, t0, t1) in steps {
            let p = place(d, 850.0, 470.0, Window { t0, t1 });
            let i = d.event_index(id).unwrap();
            let e = p.events.iter().find(|e| e.event == i).unwrap();
            let font = p.metrics.label_font_px;
            let r = p.metrics.marker_r_px;
            let w = text::width_px(&d.events[i].title, font) * text::BOLD_WIDER + font + 6.0;
            let h = font * 1.5 + 2.0;
            // Selected: as much as fits before the next marker or label, covering none (or not
            // shown, where that is too little).
            let spot = p.callout_spot(e, w, h, true);
            seen += usize::from(spot.is_some());
            if let Some(spot) = spot {
                let covered: Vec<&str> = p
                    .events
                    .iter()
                    .filter(|o| o.event != i && (o.y_px - spot.y).abs() < r + h / 2.0)
                    .filter(|o| {
                        let end = o
                            .label
                            .as_deref()
                            .map_or(o.x_px + r, |l| o.label_x_px + text::width_px(l, font));
                        o.x_px - r < spot.x1 && end > spot.x0
                    })
                    .map(|o| d.events[o.event].id.as_str())
                    .collect();
                assert!(
                    covered.is_empty(),
                    "{locale:?} {id}: the title covers {covered:?}"
                );
                assert!(spot.x1 - spot.x0 >= 3.0 * font && spot.x0 >= 0.0 && spot.x1 <= 850.0);
            }
            // Pointed at: whole, within the chart.
            let spot = p.callout_spot(e, w, h, false).unwrap();
            assert!(
                spot.x1 - spot.x0 >= w - 0.5 && spot.x0 >= 0.0 && spot.x1 <= 850.0,
                "{spot:?}"
            );
        }
    }
    assert!(seen > 0, "no selected title shown at all");
    // Pointed at in a chart too narrow for it either side (a 1024 x 768 projector's): the side
    // with more room, not the one covering fewer markers with a few letters ("Treaty on S…").
    for locale in [Locale::en, Locale::ru] {
        let d = model::bundled_in(locale).unwrap();
        let (id, t0, t1) = steps[0];
        let p = place(d, 420.0, 340.0, Window { t0, t1 });
        let i = d.event_index(id).unwrap();
        let e = p.events.iter().find(|e| e.event == i).unwrap();
        let font = p.metrics.label_font_px;
        let w = text::width_px(&d.events[i].title, font) * text::BOLD_WIDER + font + 6.0;
        let spot = p.callout_spot(e, w, font * 1.5 + 2.0, false).unwrap();
        let room_left = e.x_px - 4.0;
        let room_right = 420.0 - 4.0 - e.x_px;
        assert!(
            room_left > room_right && w > room_left,
            "{locale:?}: a case for the test"
        );
        assert!(
            !spot.rightwards && spot.x1 - spot.x0 > room_left - 3.0 * font,
            "{locale:?}: {spot:?} (room {room_left} left, {room_right} right)"
        );
    }
}
