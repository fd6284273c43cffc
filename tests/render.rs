//! Drawing the timeline into plotters' SVG backend and checking what was drawn.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use plotters::prelude::*;
use union_state::i18n::{td_string, Locale};
use union_state::layout::anim::appearance;
use union_state::layout::lanes::{place, Placement};
use union_state::layout::scale::Window;
use union_state::layout::text;
use union_state::model::{self, Day, Status};
use union_state::render::theme::{Theme, LIGHT};
use union_state::render::timeline::{
    appearing, bar_bounds, bar_extent, bar_rect, draw_bar_patches, draw_bars, draw_event,
    draw_playhead, draw_rings, draw_scene, draw_timeline, event_bounds, is_undelivered,
    label_patches, playhead_mark, settled_count, Bounds, FrameState,
};

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
        draw_timeline(&root, d, p, &frame, |e| frame.emphasises(e), &LIGHT).unwrap();
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
    for line in p.eras.iter().flat_map(|e| &e.lines) {
        assert!(has_text(&s, line), "era {line}");
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
    common::svg_words(svg).contains(&escape(text).as_str())
}

/// What the canvas's layers draw at `frame`: the scene (base, settled events, ghosts of the rest) drawn
/// afresh, and what goes over it (appearing events, rings and the playhead), with the appearing events'
/// boxes.
fn layers(p: &Placement, frame: &FrameState) -> (String, String, Vec<Bounds>) {
    let d = model::bundled().unwrap();
    let size = (p.width as u32, p.height as u32);
    let settled = settled_count(p, frame);
    let mut scene = String::new();
    {
        let root = SVGBackend::with_string(&mut scene, size).into_drawing_area();
        draw_scene(&root, d, p, settled, None, |e| frame.emphasises(e), &LIGHT).unwrap();
        root.present().unwrap();
    }
    let mut overlay = String::new();
    let mut boxes = Vec::new();
    {
        let root = SVGBackend::with_string(&mut overlay, size).into_drawing_area();
        for e in &p.events[appearing(p, frame)] {
            let shown = appearance(e.anchor_day, frame.playhead_day, frame.appear_days);
            draw_event(&root, d, p, e, shown, frame.emphasises(e.event), &LIGHT).unwrap();
            boxes.push(event_bounds(p, e));
        }
        draw_rings(&root, p, frame, &LIGHT).unwrap();
        draw_playhead(&root, p, frame, &LIGHT).unwrap();
        root.present().unwrap();
    }
    (scene, overlay, boxes)
}

/// The texts drawn, sorted.
fn texts(svg: &str) -> Vec<String> {
    let mut out: Vec<String> = common::svg_words(svg)
        .into_iter()
        .map(str::to_owned)
        .collect();
    out.sort();
    out
}

#[test]
fn the_two_layers_draw_what_the_whole_timeline_draws() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    // Half a year's appearance, so that at a busy moment several events are part way in.
    let appear_days = 180.0;
    let mut seen_appearing = 0;
    for k in (0..p.events.len()).step_by(7) {
        let frame = FrameState {
            playhead_day: p.events[k].anchor_day + 30.0,
            appear_days,
            selected: Some(p.events[k / 2].event),
            hovered: None,
        };
        let settled = settled_count(&p, &frame);
        let moving = appearing(&p, &frame);
        assert_eq!(moving.start, settled);
        for (i, e) in p.events.iter().enumerate() {
            let a = appearance(e.anchor_day, frame.playhead_day, appear_days);
            if i < settled {
                assert_eq!(a, 1.0, "event {i} is settled");
            } else if moving.contains(&i) {
                assert!(a > 0.0 && a < 1.0, "event {i} is appearing ({a})");
            } else {
                assert_eq!(a, 0.0, "event {i} has not appeared");
            }
        }
        seen_appearing += moving.len();

        let (scene, overlay, boxes) = layers(&p, &frame);
        // Every word of the whole drawing is on one layer or the other, once.
        let mut both = texts(&scene);
        both.extend(texts(&overlay));
        both.sort();
        assert_eq!(both, texts(&svg(&p, frame)), "texts at event {k}");
        // The boxes hold the marks and labels drawn, so a layer sized to them shows all of them.
        for e in &p.events[moving] {
            let inside = |x: f64, y: f64| {
                boxes
                    .iter()
                    .any(|&(l, t, r, b)| x >= l && x <= r && y >= t && y <= b)
            };
            let r = p.metrics.marker_r_px;
            assert!(inside(e.x_px - r, e.y_px - r) && inside(e.x_px + r, e.y_px + r));
            if let Some(label) = &e.label {
                let w = union_state::layout::text::width_px(label, p.metrics.label_font_px);
                assert!(
                    inside(e.label_x_px + w, e.y_px),
                    "label of event {}",
                    e.event
                );
            }
        }
    }
    assert!(seen_appearing > 0, "some frames had events part way in");
}

#[test]
fn adding_settled_events_to_the_scene_matches_drawing_it_afresh() {
    let d = model::bundled().unwrap();
    let p = place(d, 1280.0, 720.0, full_window());
    let at = |t: f64| FrameState {
        playhead_day: t,
        appear_days: 60.0,
        selected: None,
        hovered: None,
    };
    let (early, late) = (at(p.events[10].anchor_day), at(p.events[40].anchor_day));
    let (from, to) = (settled_count(&p, &early), settled_count(&p, &late));
    assert!(to > from);
    // The scene at `early`, then the events settled since drawn on top of it.
    let (mut grown, _, _) = layers(&p, &early);
    let mut added = String::new();
    {
        let size = (p.width as u32, p.height as u32);
        let root = SVGBackend::with_string(&mut added, size).into_drawing_area();
        for e in &p.events[from..to] {
            draw_event(&root, d, &p, e, 1.0, false, &LIGHT).unwrap();
        }
        root.present().unwrap();
    }
    grown.push_str(&added);
    let (fresh, _, _) = layers(&p, &late);
    assert_eq!(texts(&grown), texts(&fresh));
    // The same filled marks; the grown scene also keeps the ghosts now covered by the new marks.
    let filled = |s: &str| circles(s, |c| !c.contains("fill=\"none\""));
    assert_eq!(filled(&grown), filled(&fresh));
    let ghosts = |s: &str| circles(s, |c| c.contains("fill=\"none\""));
    assert_eq!(ghosts(&grown), ghosts(&fresh) + (to - from));
}

/// Four years from the middle of the bundled data's longest range, so that it begins before the window.
fn inside_the_longest_range() -> Window {
    let longest = model::bundled()
        .unwrap()
        .events
        .iter()
        .filter(|e| e.date.is_range())
        .max_by_key(|e| e.date.last_day().0 - e.date.first_day().0)
        .unwrap();
    let t0 = f64::from(longest.date.first_day().0 + longest.date.last_day().0) / 2.0;
    Window {
        t0,
        t1: t0 + 4.0 * 365.0,
    }
}

#[test]
fn nothing_is_drawn_over_the_lane_names_or_past_the_plot() {
    let d = model::bundled().unwrap();
    let zoomed = inside_the_longest_range();
    let p = place(d, 1280.0, 720.0, zoomed);
    let s = svg(&p, frame_at(zoomed.t1 + 1.0));
    let centres: Vec<f64> = s
        .split("<circle")
        .skip(1)
        .filter_map(|c| {
            let at = c.find("cx=\"")? + 4;
            c[at..].split('"').next()?.parse().ok()
        })
        .collect();
    assert!(!centres.is_empty(), "events are drawn in this window");
    for cx in centres {
        assert!(
            cx >= p.plot.x - 0.5 && cx <= p.plot.right() + 0.5,
            "a marker at x = {cx}, outside the plot [{}, {}]",
            p.plot.x,
            p.plot.right()
        );
    }
    // Ranges begun before the window are drawn from its edge: every bar (a rectangle in a track's
    // colour, see through) is inside the plot.
    assert!(
        p.events.iter().any(|e| e.x_px < p.plot.x),
        "a range began before the window"
    );
    let colours = track_colours(&LIGHT);
    let mut bars = 0;
    for r in s.split("<rect").skip(1) {
        let r = &r[..r.find("/>").unwrap_or(r.len())];
        let attr = |name: &str| -> Option<f64> {
            let at = r.find(&format!(" {name}=\""))? + name.len() + 3;
            r[at..].split('"').next()?.parse().ok()
        };
        let see_through = attr("opacity").is_some_and(|o| o < 1.0);
        if !see_through || !colours.iter().any(|c| r.contains(&format!("fill=\"{c}\""))) {
            continue;
        }
        let (x, w) = (attr("x").unwrap(), attr("width").unwrap());
        assert!(
            x >= p.plot.x - 0.5 && x + w <= p.plot.right() + 1.5,
            "a bar from {x} to {}, outside the plot [{}, {}]",
            x + w,
            p.plot.x,
            p.plot.right()
        );
        bars += 1;
    }
    assert!(bars > 0, "bars are drawn");
    // A span begun before the window and labelled on its bar has that label drawn, inside the plot.
    let words = common::svg_words(&s);
    let on_bars: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.x_px < p.plot.x)
        .filter_map(|e| e.label.as_ref())
        .collect();
    assert!(
        !on_bars.is_empty(),
        "a span begun before the window is labelled"
    );
    for label in on_bars {
        assert!(words.contains(&escape(label).as_str()), "{label} not drawn");
    }
}

/// The see-through rectangles drawn in a track's colour: (left, top, right, bottom). A filled bar is
/// as tall as a bar; an outline is drawn as lines one px wide.
fn bar_rects(svg: &str) -> Vec<Bounds> {
    let colours = track_colours(&LIGHT);
    svg.split("<rect")
        .skip(1)
        .map(|r| &r[..r.find("/>").unwrap_or(r.len())])
        .filter(|r| {
            common::number_attr(r, "opacity").is_some_and(|o| o < 1.0)
                && colours.iter().any(|c| r.contains(&format!("fill=\"{c}\"")))
        })
        .map(|r| {
            let attr = |name: &str| common::number_attr(r, name).unwrap();
            let (x, y) = (attr("x"), attr("y"));
            (x, y, x + attr("width"), y + attr("height"))
        })
        .collect()
}

/// Whether `r` is a filled bar, not a line of an outline.
fn is_bar(r: &Bounds) -> bool {
    r.2 - r.0 > 1.5 && r.3 - r.1 > 1.5
}

/// A span is drawn lasting as far as the playhead's date: its bar filled up to the playhead, and after
/// it only outlined, faint, as what the playhead has not reached yet, not filled to its end as if
/// known then; and the layer the canvas fills the bars on, cut at the playhead, shows the same. An
/// outline is closed only where its span starts or ends, not where the plot's edge cuts it.
#[test]
fn a_span_is_filled_up_to_the_playhead_and_outlined_after_it() {
    let d = model::bundled().unwrap();
    let p = place(d, 1920.0, 900.0, full_window());
    let day = f64::from(Day::from_ymd(2011, 7, 1).0);
    let at = p.scale.x_px_from_day(day).round();
    let s = svg(&p, frame_at(day));
    let rects = bar_rects(&s);
    let near = |a: f64, b: f64| (a - b).abs() <= 1.0;
    let (mut through, mut spans) = (0, 0);
    for e in &p.events {
        let Some((l, t, r, b)) = bar_rect(&p, e) else {
            continue;
        };
        spans += 1;
        let here: Vec<&Bounds> = rects
            .iter()
            .filter(|q| q.0 >= l - 1.5 && q.2 <= r + 1.5 && q.1 >= t - 1.5 && q.3 <= b + 1.5)
            .collect();
        let filled: Vec<_> = here.iter().filter(|q| is_bar(q)).collect();
        if at <= l {
            assert!(
                filled.is_empty(),
                "event {}: not reached, not filled",
                e.event
            );
        } else {
            assert!(
                filled.len() == 1 && near(filled[0].0, l) && near(filled[0].2, r.min(at)),
                "event {}: filled from {l} to {}: {here:?}",
                e.event,
                r.min(at)
            );
        }
        // The outline: one px outside the bar, its top and bottom along the span's whole length,
        // reached or not (so that no fill lies over it), and its ends where the span starts and ends.
        let lines: Vec<_> = here.iter().filter(|q| !is_bar(q)).collect();
        for y in [t - 1.0, b] {
            let side = lines
                .iter()
                .find(|q| near(q.1, y) && q.2 - q.0 > 1.5)
                .unwrap_or_else(|| panic!("event {}: an outline at {y}: {here:?}", e.event));
            assert!(
                near(side.0, l) && near(side.2, r) && side.3 - side.1 <= 1.0,
                "event {}: {side:?}",
                e.event
            );
        }
        for x in [l - 1.0, r] {
            assert!(
                lines
                    .iter()
                    .any(|q| near(q.0, x) && q.2 - q.0 <= 1.0 && near(q.1, t - 1.0)),
                "event {}: closed at {x}: {here:?}",
                e.event
            );
        }
        through += usize::from(l < at && at < r);
    }
    assert!(
        through >= 2,
        "{through} of {spans} spans run on past the playhead (the Union Parliament never elected, its Court never formed)"
    );
    // Zoomed into four years in the middle of the longest span: the spans running on past the
    // plot's edges are drawn open there.
    let window = inside_the_longest_range();
    let zoomed = place(d, 1280.0, 720.0, window);
    let lines: Vec<Bounds> = bar_rects(&svg(&zoomed, frame_at(window.t0)))
        .into_iter()
        .filter(|q| !is_bar(q))
        .collect();
    let plot = zoomed.plot;
    let open = zoomed
        .events
        .iter()
        .filter(|e| e.x_px < plot.x && e.x_end_px.is_some_and(|end| end > plot.right()))
        .count();
    assert!(open >= 1, "a span runs across the whole window");
    assert!(
        lines
            .iter()
            .all(|q| q.0 >= plot.x - 0.5 && q.2 <= plot.right() + 0.5),
        "an outline past the plot's edges"
    );
    assert!(
        !lines
            .iter()
            .any(|q| q.2 - q.0 < 1.5
                && (near(q.0, plot.x.round()) || near(q.2, plot.right().round()))),
        "an outline closed at the plot's edge: {lines:?}"
    );
    // The layer: every span's bar filled whole, each inside its box; cut at the playhead, the bars
    // the whole drawing fills.
    let spans: Vec<_> = p.events.iter().collect();
    let mut layer = String::new();
    {
        let root = SVGBackend::with_string(&mut layer, (p.width as u32, p.height as u32))
            .into_drawing_area();
        draw_bars(&root, d, &p, spans.iter().copied(), f64::INFINITY, &LIGHT).unwrap();
        root.present().unwrap();
    }
    let whole: Vec<_> = bar_rects(&layer);
    let cut: Vec<_> = whole
        .iter()
        .filter(|r| r.0 < at)
        .map(|r| (r.0, r.1, r.2.min(at), r.3))
        .collect();
    let drawn: Vec<_> = rects.into_iter().filter(is_bar).collect();
    assert_eq!(cut.len(), drawn.len());
    for (a, b) in cut.iter().zip(&drawn) {
        assert!(
            near(a.0, b.0) && near(a.1, b.1) && near(a.2, b.2),
            "{a:?} against {b:?}"
        );
    }
    for e in &p.events {
        if let (Some(b), Some((from, to))) = (bar_bounds(&p, e), bar_extent(&p, e)) {
            assert!(
                b.0 <= from - 1.0 && b.2 >= to + 1.0,
                "event {}'s box",
                e.event
            );
        }
    }
    // Labels go over the bars: where one crosses a bar (those of the spans running to this day, on
    // their own bars), the layer draws the whole drawing again, in a patch of the bar under the
    // label; of the events the playhead has reached, words the scene under it has too (the others
    // are cut off with the bars after the playhead).
    let patches = label_patches(&p, &spans);
    let mut again = String::new();
    {
        let root = SVGBackend::with_string(&mut again, (p.width as u32, p.height as u32))
            .into_drawing_area();
        draw_bar_patches(&root, d, &p, &spans, &patches, |_| false, &LIGHT).unwrap();
        root.present().unwrap();
    }
    let (on_layer, all) = (texts(&again), texts(&s));
    let on_bars: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.x_end_px.is_some_and(|end| e.label_x_px < end))
        .collect();
    assert!(
        on_bars.len() >= 2,
        "spans labelled on their bars: {:?}",
        on_bars.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    for e in &on_bars {
        let (Some(label), Some((l, t, r, b))) = (&e.label, bar_rect(&p, e)) else {
            continue;
        };
        assert!(on_layer.contains(&escape(label)), "{label} over its bar");
        assert!(
            patches.iter().any(|q| q.0 <= e.label_x_px.max(l)
                && q.2 > e.label_x_px + 10.0
                && (q.1, q.3) == (t, b)
                && q.0 >= l
                && q.2 <= r),
            "{label}: a patch of its bar under it, inside the bar: {patches:?}"
        );
    }
    for e in p.events.iter().filter(|e| e.x_px <= at) {
        if let Some(label) = e.label.as_ref().map(|l| escape(l)) {
            assert!(
                !on_layer.contains(&label) || all.contains(&label),
                "{label}"
            );
        }
    }
}

/// The legend beside the timeline names the statuses drawn as rings: exactly those, in the order the
/// vocabulary has them; the Russian legend names as many.
#[test]
fn the_legend_names_exactly_the_statuses_drawn_as_rings() {
    fn listed(text: &str, or: &str) -> Vec<String> {
        let list = text.split(" (").next().unwrap();
        list.split(", ")
            .flat_map(|s| s.split(or))
            .map(str::to_lowercase)
            .collect()
    }
    let ringed: Vec<String> = Status::ALL
        .iter()
        .filter(|s| is_undelivered(Some(**s)))
        .map(|s| s.label(Locale::en).to_lowercase())
        .collect();
    assert!(!is_undelivered(None), "an event without a status is a disc");
    let en = listed(td_string!(Locale::en, legend.timeline_undelivered), " or ");
    assert_eq!(en, ringed);
    let ru = listed(td_string!(Locale::ru, legend.timeline_undelivered), " или ");
    assert_eq!(ru.len(), ringed.len(), "{ru:?}");
}

#[test]
fn a_lane_name_too_long_for_the_gutter_is_drawn_whole_on_two_lines() {
    // "Безопасность и военная сфера" does not fit the 150 px gutter on one line.
    let d = model::bundled_in(Locale::ru).unwrap();
    let (a, b) = d.span();
    let window = Window {
        t0: a.as_f64() - 120.0,
        t1: b.as_f64() + 120.0,
    };
    for (w, h) in [(1280.0, 560.0), (1700.0, 760.0)] {
        let p = place(d, w, h, window);
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (w as u32, h as u32)).into_drawing_area();
            let theme = Theme {
                locale: Locale::ru,
                ..LIGHT
            };
            draw_timeline(&root, d, &p, &frame_at(b.as_f64()), |_| false, &theme).unwrap();
            root.present().unwrap();
        }
        let texts = common::svg_words(&out);
        for track in &d.tracks {
            let whole = texts.contains(&track.label.as_str());
            let split = texts
                .windows(2)
                .any(|pair| format!("{} {}", pair[0], pair[1]) == track.label);
            assert!(
                whole || split,
                "{w} x {h}: {} not drawn whole: {texts:?}",
                track.label
            );
        }
    }
}

#[test]
fn the_playheads_date_tab_sits_on_the_axis_and_leaves_the_era_names_in_view() {
    let d = model::bundled().unwrap();
    for (w, h) in [(1920.0, 1080.0), (1280.0, 720.0), (390.0, 600.0)] {
        let p = place(d, w, h, full_window());
        let strip_bottom = p.plot.y;
        assert!(p.eras.iter().any(|e| !e.lines.is_empty()));
        // The playhead a little way into each era, where the tab stood over the era's name.
        for era in &p.eras {
            let frame = frame_at(p.scale.day_from_x_px(era.x0 + 20.0));
            let mark = playhead_mark(&p, &frame, &LIGHT).unwrap();
            assert!(
                mark.tab_top >= p.plot.bottom() && mark.tab_top > strip_bottom,
                "{w}x{h}: the tab (top {}) is over the era strip or the lanes (plot {:?})",
                mark.tab_top,
                p.plot
            );
            assert!(
                mark.tab_top + mark.tab_height <= p.height,
                "{w}x{h}: the tab runs past the canvas's foot"
            );
            assert!(mark.tab_left >= 0.0 && mark.tab_left + mark.tab_width <= p.width);
            // Drawn where it was placed: its date's text in the axis band, under the plot.
            let out = svg(&p, frame);
            let label = escape(&mark.label);
            let (tag, _) = common::svg_texts(&out)
                .into_iter()
                .find(|(_, text)| *text == label)
                .expect("the tab's date drawn");
            let y = common::number_attr(tag, "y").unwrap();
            assert!(
                y > p.plot.bottom() && y < p.height,
                "{w}x{h}: the tab's date drawn at y {y}, not on the axis"
            );
        }
    }
}

#[test]
fn a_tick_at_the_canvas_edge_has_its_label_whole() {
    let d = model::bundled().unwrap();
    // A window starting on 1 January, in the compact layout, whose narrow gutter puts that year's
    // tick a few px from the canvas's left edge.
    let window = Window {
        t0: Day::from_ymd(2020, 1, 1).as_f64(),
        t1: Day::from_ymd(2026, 6, 1).as_f64(),
    };
    for w in [492.0, 390.0] {
        let p = place(d, w, 420.0, window);
        let first = p.ticks.first().expect("ticks");
        assert!(first.x_px < 30.0, "{w}: the first tick at {}", first.x_px);
        let out = svg(&p, frame_at(window.t1));
        for t in &p.ticks {
            let label = t.text(LIGHT.locale);
            let (tag, _) = common::svg_texts(&out)
                .into_iter()
                .find(|(tag, text)| *text == label && tag.contains("text-anchor=\"middle\""))
                .unwrap_or_else(|| panic!("{w}: {label} drawn"));
            let x = common::number_attr(tag, "x").unwrap();
            let half = union_state::layout::text::width_px(&label, p.metrics.axis_font_px) / 2.0;
            assert!(
                x - half >= 0.0 && x + half <= w,
                "{w}: {label} centred at {x}, {half} px each side, runs past the canvas"
            );
        }
    }
}

#[test]
fn the_date_tab_covers_every_tick_label_it_touches_whole() {
    use union_state::layout::ticks::label_extent;
    let d = model::bundled().unwrap();
    for (w, h) in [(1920.0, 1080.0), (1280.0, 720.0), (390.0, 600.0)] {
        let p = place(d, w, h, full_window());
        let mut covered = 0;
        // The playhead every 40 days across the window.
        let (t0, t1) = (full_window().t0, full_window().t1);
        let mut t = t0 + 1.0;
        while t < t1 {
            let mark = playhead_mark(&p, &frame_at(t), &LIGHT).unwrap();
            let (from, to) = mark.cover.unwrap_or((mark.tab_left, mark.tab_left));
            assert!(from >= 0.0 && to <= p.width + 1e-9);
            for tick in &p.ticks {
                let label = tick.text(LIGHT.locale);
                let (c, half) = label_extent(tick.x_px, &label, p.metrics.axis_font_px, (0.0, w));
                let touched = c + half > mark.tab_left && c - half < mark.tab_left + mark.tab_width;
                if touched {
                    covered += 1;
                    assert!(
                        c - half >= from - 1e-9 && c + half <= to + 1e-9,
                        "{w} x {h}, day {t}: {label} ({}..{}) only partly covered by {from}..{to}",
                        c - half,
                        c + half
                    );
                }
            }
            t += 40.0;
        }
        assert!(covered > 10, "{w} x {h}: the tab met {covered} tick labels");
    }
}

#[test]
fn on_a_phone_the_date_tab_names_the_year_and_hides_one_years_label_at_the_end() {
    // With its month on a phone's axis it hid 2020 and 2025 there; wider, it keeps the month.
    use union_state::layout::ticks::label_extent;
    let d = model::bundled().unwrap();
    for (w, h, whole) in [
        (390.0, 600.0, false),
        (1280.0, 720.0, true),
        (1920.0, 1080.0, true),
    ] {
        let p = place(d, w, h, full_window());
        let mark = playhead_mark(&p, &frame_at(full_window().t1), &LIGHT).unwrap();
        let year = Day(full_window().t1 as i32).ymd().0.to_string();
        if whole {
            assert!(
                mark.label.len() > year.len() && mark.label.ends_with(&year),
                "{w} x {h}: {}",
                mark.label
            );
        } else {
            assert_eq!(mark.label, year, "{w} x {h}");
        }
        let (from, to) = mark.cover.unwrap_or((mark.tab_left, mark.tab_left));
        let hidden: Vec<String> = p
            .ticks
            .iter()
            .filter(|t| {
                let (c, half) = label_extent(t.x_px, &t.label, p.metrics.axis_font_px, (0.0, w));
                c + half > from && c - half < to
            })
            .map(|t| t.label.clone())
            .collect();
        if !whole {
            assert!(
                hidden.len() <= 1,
                "{w} x {h}: the tab at the end hides {hidden:?}"
            );
        }
    }
    // Every phone's width: the tab at the end hides one year's label at most.
    for w in (320..640).step_by(20).map(f64::from) {
        let p = place(d, w, 560.0, full_window());
        let mark = playhead_mark(&p, &frame_at(full_window().t1 - 1.0), &LIGHT).unwrap();
        let (from, to) = mark.cover.unwrap_or((mark.tab_left, mark.tab_left));
        let hidden = p
            .ticks
            .iter()
            .filter(|t| {
                let (c, half) = label_extent(t.x_px, &t.label, p.metrics.axis_font_px, (0.0, w));
                c + half > from && c - half < to
            })
            .count();
        assert!(hidden <= 1, "{w}: the tab ({}) hides {hidden}", mark.label);
    }
}

#[test]
fn the_depth_ladders_date_patch_leaves_out_the_tick_labels_under_it() {
    // Drawn at 1 July 2020, where the patch stands on the year 2020's label in the compact layout.
    let d = union_state::model::bundled()
        .unwrap()
        .depth
        .clone()
        .unwrap();
    let span = (
        Day::from_ymd(1990, 1, 1).as_f64(),
        Day::from_ymd(2026, 6, 1).as_f64(),
    );
    let t = Day::from_ymd(2020, 7, 1).as_f64();
    for (w, h) in [(330.0, 900.0), (850.0, 560.0)] {
        let g = union_state::layout::ladder::layout(&d, Locale::en, w, h, span);
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (w as u32, h as u32)).into_drawing_area();
            let frame = union_state::render::ladder::LadderFrame {
                playhead_day: t,
                sector: None,
                provision: None,
            };
            union_state::render::ladder::draw_ladder(&root, &d, &g, &frame, &LIGHT).unwrap();
            root.present().unwrap();
        }
        let words = common::svg_words(&out);
        assert!(words.contains(&"Jul 2020"), "{w}: the date drawn");
        let x_of = |tag: &str| common::number_attr(tag, "x").unwrap();
        let texts = common::svg_texts(&out);
        let (tab_tag, _) = texts.iter().find(|(_, t)| *t == "Jul 2020").unwrap();
        let tab_x = x_of(tab_tag);
        for (tag, text) in &texts {
            if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) {
                let x = x_of(tag);
                assert!(
                    (x - tab_x).abs() > 30.0,
                    "{w}: the year {text} at {x} drawn under the date at {tab_x}"
                );
            }
        }
    }
}

#[test]
fn an_eras_name_cut_on_one_line_goes_on_two_where_the_strip_has_room_for_them_at_no_rows_cost() {
    let d = model::bundled().unwrap();
    let rows = |p: &Placement| {
        p.lanes
            .iter()
            .map(|l| (l.rows, l.named))
            .collect::<Vec<_>>()
    };
    let two_lines = |p: &Placement| p.metrics.era_strip_px > p.metrics.era_line_px;
    // On a full HD screen and a projector's 1280 x 720 the strip has two lines; the names cut on one
    // ("Post-Soviet be…", "Union programmes an…") show more on them, each line within its band.
    for (w, h) in [
        (1490.0, 760.0),
        (1920.0, 1080.0),
        (850.0, 560.0),
        (390.0, 800.0),
    ] {
        let p = place(d, w, h, full_window());
        assert!(two_lines(&p), "{w} x {h}: one line");
        let pitch = union_state::layout::lanes::era_name_pitch(&p.metrics);
        let s = svg(&p, frame_at(d.span().1.as_f64()));
        for era in &p.eras {
            let name = &d.eras[era.era].label;
            let one = text::truncate(
                name,
                p.metrics.axis_font_px,
                era.x1 - era.x0 - 2.0 * p.metrics.gap_px,
            );
            let letters = |l: &str| l.trim_end_matches('…').chars().count();
            // No name cut to a stub of one or two letters ("P… be…" on a phone): none then, and
            // only where one line would be such a stub too.
            if era.lines.is_empty() {
                assert!(
                    letters(&one) < 3,
                    "{w}: {name:?} left out, but {one:?} fits"
                );
                continue;
            }
            assert!(era.lines.len() <= 2, "{w}: {:?}", era.lines);
            for line in &era.lines {
                assert!(
                    !line.ends_with('…') || letters(line) >= 3,
                    "{w}: {:?} cut to a stub",
                    era.lines
                );
            }
            for line in &era.lines {
                assert!(
                    text::width_px(line, p.metrics.axis_font_px)
                        <= era.x1 - era.x0 - 2.0 * p.metrics.gap_px + 1e-6,
                    "{w}: {line:?} wider than its band"
                );
                assert!(has_text(&s, line), "{w}: {line:?} not drawn");
            }
            let shown: String = era
                .lines
                .iter()
                .map(|l| l.trim_end_matches('…'))
                .collect::<Vec<_>>()
                .join(" ");
            for line in &era.lines {
                assert!(
                    name.contains(line.trim_end_matches('…')),
                    "{w}: {line:?} of {name:?}"
                );
            }
            assert!(
                shown.len() >= one.trim_end_matches('…').len(),
                "{w}: {:?} shows less than {one:?}",
                era.lines
            );
        }
        // Both lines in the strip, above the lanes.
        assert!(p.metrics.era_strip_px >= p.metrics.era_line_px + pitch - 1e-9);
        assert_eq!(p.plot.y, p.metrics.era_strip_px);
    }
    let p = place(d, 1490.0, 760.0, full_window());
    let whole: Vec<Vec<&str>> = p
        .eras
        .iter()
        .map(|e| e.lines.iter().map(String::as_str).collect())
        .collect();
    assert!(
        whole.contains(&vec!["Post-Soviet", "beginnings"]),
        "{whole:?}"
    );
    assert!(
        whole.contains(&vec!["Union programmes and", "the security track"]),
        "{whole:?}"
    );
    // The strip depends on the canvas, not on the window: zoomed in, no lane moves.
    let zoomed = place(
        d,
        1490.0,
        760.0,
        full_window().zoom(3.0, 12000.0, full_window()),
    );
    assert_eq!(zoomed.metrics.era_strip_px, p.metrics.era_strip_px);
    assert_eq!(
        zoomed.lanes.iter().map(|l| l.rect).collect::<Vec<_>>(),
        p.lanes.iter().map(|l| l.rect).collect::<Vec<_>>()
    );
    // The taller strip costs no row: a chart with it has the rows the same chart has with one line
    // (its plot as tall as that of a chart a line taller with two), and where it would cost one, the
    // strip has one line.
    let mut one_line = 0;
    for w in [1490.0, 390.0] {
        for h in (200..900).map(f64::from) {
            let p = place(d, w, h, full_window());
            if !two_lines(&p) {
                one_line += 1;
                continue;
            }
            let pitch = p.metrics.era_strip_px - p.metrics.era_line_px;
            let taller = place(d, w, h + pitch, full_window());
            if two_lines(&taller) {
                assert_eq!(
                    rows(&p),
                    rows(&taller),
                    "{w} x {h}: a row lost to the strip"
                );
            }
        }
    }
    assert!(one_line > 0, "some heights keep one line");
}
