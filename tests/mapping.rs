//! The road-map to programme mapping: its data, its layout at the sizes we support, and its drawing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use plotters::prelude::*;
use union_state::layout::bipartite::{
    caption_line_px, label_line_px, layout, min_height, path_of, programme_progress,
    road_map_phase, Band, Caption, MappingLayout, Node, RoadMapPhase, Target,
};
use union_state::layout::text;
use union_state::model::{self, Day, Evidence, Mapping, RoadMapStatus};
use union_state::render::mapping::{draw_claims, draw_mapping, MappingFrame};
use union_state::render::theme::LIGHT;

/// Diagram canvas sizes (CSS px): projector, laptop, full HD, tablet, phone.
const SIZES: [(f64, f64); 5] = [
    (850.0, 560.0),
    (1000.0, 660.0),
    (1400.0, 900.0),
    (800.0, 600.0),
    (360.0, 560.0),
];

fn mapping() -> &'static Mapping {
    model::bundled()
        .unwrap()
        .mapping
        .as_ref()
        .expect("the bundled dataset has a mapping")
}

fn end_of_time() -> f64 {
    Day::from_ymd(2026, 6, 1).as_f64()
}

#[test]
fn the_documented_story_is_in_the_data() {
    let m = mapping();
    assert_eq!(m.road_map_total(), 31, "31 road maps in all");
    assert_eq!(m.programmes.len(), 28, "28 union programmes");
    assert!(
        m.road_maps.iter().any(|r| r.unpublished && r.count > 1),
        "the unpublished remainder is one honest node"
    );
    for status in RoadMapStatus::ALL {
        assert!(
            m.road_maps.iter().any(|r| r.status == *status),
            "a road map is {status:?}"
        );
    }
    // Dead ends: excluded and shelved road maps lead to no programme.
    for (i, r) in m.road_maps.iter().enumerate() {
        let out = m.links_from(i).count();
        if matches!(r.status, RoadMapStatus::Excluded | RoadMapStatus::Shelved) {
            assert_eq!(out, 0, "{} should be a dead end", r.id);
        } else {
            assert!(out > 0, "{} leads nowhere", r.id);
        }
    }
    for (i, p) in m.programmes.iter().enumerate() {
        assert!(m.links_to(i).count() > 0, "{} has no road map", p.id);
        assert!(!p.sources.is_empty());
    }
    assert!(m.links.iter().any(|l| l.evidence == Evidence::Inferred));
    assert!(m
        .links
        .iter()
        .all(|l| !l.sources.is_empty() && !l.note.is_empty()));
    assert!(m.claims.len() >= 8);
    assert!(m
        .claims
        .windows(2)
        .all(|w| w[0].date.first_day() <= w[1].date.first_day()));
}

fn check_no_overlap(g: &MappingLayout) {
    assert!(g.fits, "does not fit at {}x{}", g.width, g.height);
    for column in [&g.left, &g.right] {
        for w in column.windows(2) {
            assert!(
                w[0].rect.bottom() <= w[1].rect.y + 1e-9,
                "nodes overlap at {}x{}",
                g.width,
                g.height
            );
            // A label is one line centred on its node, and a node is at least one line tall.
            assert!(w[0].rect.h >= g.metrics.font_px);
        }
        for b in column.iter() {
            assert!(
                b.rect.bottom() <= g.height + 1e-9 && b.rect.y >= 0.0,
                "node off the canvas"
            );
        }
    }
    // Labels stay in their own columns.
    for b in &g.left {
        assert!(b.label_x - b.label_px(g.metrics.font_px) >= g.metrics.caption_px - 1e-9);
    }
    for b in &g.right {
        assert!(b.label_x + b.label_px(g.metrics.font_px) <= g.width + 1e-9);
    }
    assert!(g.left_x + g.metrics.node_w_px < g.right_x);
}

#[test]
fn layout_fits_without_overlap_at_every_supported_size() {
    let m = mapping();
    for (w, h) in SIZES {
        let g = layout(m, w, h, None);
        check_no_overlap(&g);
        assert_eq!(g.left.len(), m.road_maps.len());
        assert_eq!(g.right.len(), m.programmes.len());
        assert_eq!(g.links.len(), m.links.len());
        for s in 0..m.sectors.len() {
            check_no_overlap(&layout(m, w, h, Some(s)));
        }
    }
}

#[test]
fn order_is_stable_and_grouped_by_sector() {
    let m = mapping();
    let a = layout(m, 850.0, 560.0, None);
    let b = layout(m, 1400.0, 900.0, None);
    let order = |g: &MappingLayout| {
        g.left
            .iter()
            .chain(&g.right)
            .map(|n| n.node)
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&a), order(&b), "the same order at every size");
    for column in [&a.left, &a.right] {
        assert!(
            column.windows(2).all(|w| w[0].sector <= w[1].sector),
            "grouped by sector in the sectors' order"
        );
    }
}

#[test]
fn every_link_connects_shown_nodes() {
    let m = mapping();
    let g = layout(m, 850.0, 560.0, None);
    for l in &g.links {
        let link = &m.links[l.link];
        let a = g.node(Node::RoadMap(link.from)).unwrap();
        let b = g.node(Node::Programme(link.to)).unwrap();
        let (first, last) = (l.points[0], *l.points.last().unwrap());
        assert!(
            (first.0 - a.rect.right()).abs() < 1e-9
                && first.1 >= a.rect.y
                && first.1 <= a.rect.bottom()
        );
        assert!(
            (last.0 - b.rect.x).abs() < 1e-9 && last.1 >= b.rect.y && last.1 <= b.rect.bottom()
        );
    }
}

#[test]
fn a_sector_filter_keeps_its_paths_whole() {
    let m = mapping();
    let finance = m.sectors.iter().position(|s| s.id == "finance").unwrap();
    let g = layout(m, 850.0, 560.0, Some(finance));
    assert!(g.right.iter().any(|b| b.sector == finance));
    assert!(g.right.len() < m.programmes.len());
    for l in &g.links {
        let link = &m.links[l.link];
        let touches =
            m.road_maps[link.from].sector == finance || m.programmes[link.to].sector == finance;
        assert!(touches, "a shown link touches the sector");
    }
}

#[test]
fn every_node_and_link_has_a_vertical_span_within_the_diagram() {
    let m = mapping();
    for (w, h) in SIZES {
        let g = layout(m, w, h, None);
        let targets = g
            .left
            .iter()
            .chain(&g.right)
            .map(|b| Target::Node(b.node))
            .chain(g.links.iter().map(|l| Target::Link(l.link)));
        for t in targets {
            let (top, bottom) = g.vertical_span(t).expect("a shown target has a span");
            assert!(
                top <= bottom && top >= 0.0 && bottom <= g.height,
                "{t:?} at {w} x {h}: {top}..{bottom}"
            );
        }
        // The last road map is near the bottom: a short view has to scroll to show it.
        let last = g.left.last().map(|b| Target::Node(b.node)).unwrap();
        let (top, _) = g.vertical_span(last).unwrap();
        assert!(
            top > g.height / 2.0,
            "the last road map is in the lower half"
        );
    }
    // A target that is not shown (filtered out) has none.
    let finance = layout(m, 1000.0, 660.0, Some(0));
    let hidden = (0..m.road_maps.len())
        .map(|i| Target::Node(Node::RoadMap(i)))
        .find(|&t| finance.vertical_span(t).is_none());
    assert!(hidden.is_some(), "a sector filter hides some road maps");
}

#[test]
fn hit_testing_and_paths() {
    let m = mapping();
    let g = layout(m, 850.0, 560.0, None);
    for b in g.left.iter().chain(&g.right) {
        assert_eq!(
            g.hit(b.rect.x + b.rect.w / 2.0, b.rect.y + b.rect.h / 2.0, 0.0),
            Some(Target::Node(b.node))
        );
    }
    let l = &g.links[0];
    let mid = l.points[l.points.len() / 2];
    assert_eq!(g.hit(mid.0, mid.1, 1.0), Some(Target::Link(l.link)));
    let (nodes, links) = path_of(m, Target::Link(l.link));
    assert_eq!((nodes.len(), links.len()), (2, 1));
    let prog = m.links[l.link].to;
    let (nodes, links) = path_of(m, Target::Node(Node::Programme(prog)));
    assert_eq!(links.len(), m.links_to(prog).count());
    assert_eq!(nodes.len(), links.len() + 1);
}

#[test]
fn the_remodelling_animation_runs_from_road_maps_to_programmes() {
    let m = mapping();
    let before = Day::from_ymd(2019, 1, 1).as_f64();
    assert!((0..m.road_maps.len()).all(|i| road_map_phase(m, i, before) == RoadMapPhase::Hidden));
    assert!((0..m.programmes.len()).all(|i| programme_progress(m, i, before) == 0.0));
    let dec_2019 = Day::from_ymd(2019, 12, 31).as_f64();
    assert!((0..m.road_maps.len())
        .any(|i| road_map_phase(m, i, dec_2019) == RoadMapPhase::Settled(RoadMapStatus::Agreed)));
    assert!((0..m.programmes.len()).all(|i| programme_progress(m, i, dec_2019) == 0.0));
    let end = end_of_time();
    assert!((0..m.programmes.len()).all(|i| programme_progress(m, i, end) == 1.0));
    for (i, r) in m.road_maps.iter().enumerate() {
        assert_eq!(
            road_map_phase(m, i, end),
            RoadMapPhase::Settled(r.status),
            "{}",
            r.id
        );
    }
}

/// `m` laid out as `g` drawn at `frame` in `theme`, as SVG.
fn drawn(
    m: &Mapping,
    g: &MappingLayout,
    frame: &MappingFrame,
    theme: &union_state::render::theme::Theme,
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (g.width as u32, g.height as u32))
            .into_drawing_area();
        draw_mapping(&root, m, g, frame, theme).unwrap();
        root.present().unwrap();
    }
    out
}

fn svg_of(g: &MappingLayout, frame: MappingFrame) -> String {
    drawn(mapping(), g, &frame, &LIGHT)
}

/// `g` drawn with the playhead at the end and `node` selected, as SVG.
fn svg_selecting(g: &MappingLayout, node: Node) -> String {
    svg_of(
        g,
        MappingFrame {
            playhead_day: end_of_time(),
            highlight: None,
            selected: Some(Target::Node(node)),
        },
    )
}

/// `m` laid out as `g` drawn in `locale` with the playhead at the end and nothing lit, as SVG.
fn drawn_at_the_end(m: &Mapping, g: &MappingLayout, locale: union_state::i18n::Locale) -> String {
    let frame = MappingFrame {
        playhead_day: end_of_time(),
        highlight: None,
        selected: None,
    };
    drawn(
        m,
        g,
        &frame,
        &union_state::render::theme::Theme { locale, ..LIGHT },
    )
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn drawing_shows_nodes_links_and_status_colours() {
    let m = mapping();
    let g = layout(m, 850.0, 560.0, None);
    let s = svg_of(
        &g,
        MappingFrame {
            playhead_day: end_of_time(),
            highlight: None,
            selected: None,
        },
    );
    for colour in [
        LIGHT.agreed,
        LIGHT.contentious,
        LIGHT.excluded,
        LIGHT.shelved,
        LIGHT.programme,
    ] {
        assert!(s.contains(&hex(colour)), "colour {} is drawn", hex(colour));
    }
    let programme_bars = s
        .matches(&format!("fill=\"{}\"", hex(LIGHT.programme)))
        .count();
    assert_eq!(programme_bars, m.programmes.len());
    // One polyline per documented link, and dashes (many short polylines) for the inferred ones.
    let polylines = s.matches("<polyline").count();
    let documented = m
        .links
        .iter()
        .filter(|l| l.evidence == Evidence::Documented)
        .count();
    let inferred = m.links.len() - documented;
    assert!(
        polylines >= documented + inferred * 3,
        "{polylines} polylines for {documented} + {inferred} links"
    );
    assert!(s.contains("Union programmes 2021 (28)"));
    assert!(s.contains("Road maps 2019–2020 (31)"));

    let early = svg_of(
        &g,
        MappingFrame {
            playhead_day: Day::from_ymd(2018, 1, 1).as_f64(),
            highlight: None,
            selected: None,
        },
    );
    assert!(
        !early.contains(&hex(LIGHT.programme)),
        "no programme before 2021"
    );
    assert!(early.contains("No road maps yet"));
}

#[test]
fn highlighting_dims_everything_off_the_path() {
    let m = mapping();
    let g = layout(m, 850.0, 560.0, None);
    let t = end_of_time();
    let plain = svg_of(
        &g,
        MappingFrame {
            playhead_day: t,
            highlight: None,
            selected: None,
        },
    );
    let target = Target::Node(g.right[0].node);
    let lit = svg_of(
        &g,
        MappingFrame {
            playhead_day: t,
            highlight: Some(target),
            selected: Some(target),
        },
    );
    let dimmed = |s: &str| s.matches("opacity=\"0.14\"").count();
    assert_eq!(dimmed(&plain), 0);
    assert!(dimmed(&lit) > m.programmes.len() / 2);
}

#[test]
fn claims_chart_is_labelled_as_official_claims() {
    let m = mapping();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (380, 190)).into_drawing_area();
        draw_claims(&root, m, (380.0, 190.0), end_of_time(), &LIGHT).unwrap();
        root.present().unwrap();
    }
    // All of it, on more lines in a side column's width: the figures are the officials' own.
    assert!(out.contains("self-reported"));
    assert!(
        out.contains("not independently verified"),
        "the title is cut short"
    );
    // In Russian too, in the side column of a 1024 px projector (288 layout px), on four lines.
    let mut ru = String::new();
    {
        let root = SVGBackend::with_string(&mut ru, (288, 210)).into_drawing_area();
        let theme = union_state::render::theme::Theme {
            locale: union_state::i18n::Locale::ru,
            ..LIGHT
        };
        draw_claims(&root, m, (288.0, 210.0), end_of_time(), &theme).unwrap();
        root.present().unwrap();
    }
    let words = common::svg_words(&ru).join(" ");
    assert!(
        words.contains("не проверено независимо)"),
        "the Russian title is cut short: {words}"
    );
    let filled = out.matches("<circle").filter(|_| true).count();
    assert!(
        filled >= m.claims.len(),
        "{filled} marks for {} claims",
        m.claims.len()
    );
}

#[test]
fn the_claims_chart_names_each_series_plan_in_a_key_within_its_width() {
    use union_state::i18n::Locale;
    use union_state::model::Plan;
    use union_state::render::mapping::claims_key;
    let m = mapping();
    for locale in [Locale::en, Locale::ru] {
        let series = [
            (Plan::First, LIGHT.programme),
            (Plan::Second, LIGHT.contentious),
        ];
        for width in [240.0, 260.0, 300.0, 380.0, 640.0, 1200.0] {
            let key = claims_key(&series, locale, 11.0, width);
            assert_eq!(key.len(), 2);
            for (k, (plan, _)) in key.iter().zip(&series) {
                let right = k.x + 20.0 + text::width_px(&k.label, 11.0);
                assert!(
                    k.x >= 4.0 && right <= width,
                    "{width}: {k:?} ends at {right}"
                );
                if width >= 260.0 {
                    assert_eq!(k.label, plan.label(locale), "{width}: the whole name");
                }
            }
            // Side by side where they fit, else one under the other, never over each other.
            let (a, b) = (&key[0], &key[1]);
            assert!(
                b.row > a.row || b.x >= a.x + 20.0 + text::width_px(&a.label, 11.0),
                "{width}: {key:?}"
            );
            if width >= 640.0 {
                assert_eq!(b.row, 0, "{width}: one row is enough");
            }
        }
        // Drawn, the key's words are in the picture.
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (380, 220)).into_drawing_area();
            let theme = union_state::render::theme::Theme { locale, ..LIGHT };
            draw_claims(&root, m, (380.0, 220.0), end_of_time(), &theme).unwrap();
            root.present().unwrap();
        }
        for plan in [Plan::First, Plan::Second] {
            assert!(out.contains(plan.label(locale)), "{}", plan.label(locale));
        }
    }
}

#[test]
fn a_selected_nodes_bold_label_is_cut_to_its_room() {
    let m = mapping();
    for (w, h) in [(640.0, 560.0), (850.0, 560.0), (1280.0, 900.0)] {
        let g = layout(m, w, h, None);
        for b in g.left.iter().chain(&g.right) {
            let s = svg_selecting(&g, b.node);
            let bold: Vec<&str> = common::svg_texts(&s)
                .into_iter()
                .filter(|(tag, _)| tag.contains("font-weight=\"bold\""))
                .map(|(_, text)| text)
                .filter(|t| {
                    let stem = t.trim_end_matches('…');
                    !stem.is_empty()
                        && b.lines()
                            .iter()
                            .any(|line| line.trim_end_matches('…').starts_with(stem))
                })
                .collect();
            assert!(
                b.label.is_empty() || bold.len() == b.lines().len(),
                "{w} x {h}: {:?} drawn in bold as {bold:?}",
                b.lines()
            );
            let font_px = g.metrics.font_px;
            for label in bold {
                let needs = text::width_px(label, font_px) * text::SLACK;
                assert!(
                    needs <= b.label_w + 0.5,
                    "{w} x {h}: {label:?} takes {needs} px in bold, of {}",
                    b.label_w
                );
            }
        }
    }
}

#[test]
fn the_claims_chart_names_a_claimant_without_the_office() {
    let m = mapping();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (380, 220)).into_drawing_area();
        let t = Day::from_ymd(2026, 1, 1).as_f64();
        draw_claims(&root, m, (380.0, 220.0), t, &LIGHT).unwrap();
        root.present().unwrap();
    }
    assert!(out.contains("(Krutoy, 4 Dec 2025)"), "{out}");
    assert!(!out.contains("Presidential Administration"));
}

#[test]
fn a_claim_dated_by_its_year_alone_stands_mid_year() {
    let m = mapping();
    let c = m
        .claims
        .iter()
        .find(|c| c.id == "claim-2023-abramenko")
        .expect("the claim made in mid-2023");
    assert_eq!(c.date.month, None);
    let (y, mo, _) = Day(c.day().floor() as i32).ymd();
    assert_eq!((y, mo), (2023, 7), "2 July, the middle of 2023");
    // A claim with its day is placed on that day.
    let exact = m.claims.iter().find(|c| c.date.day.is_some()).unwrap();
    assert_eq!(exact.day(), exact.date.first_day().as_f64());
}

#[test]
fn a_claims_label_short_of_room_drops_the_claimant_then_the_date_never_the_figure() {
    let m = mapping();
    for width in [200u32, 240, 280, 320, 380, 480, 640] {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (width, 220)).into_drawing_area();
            draw_claims(&root, m, (f64::from(width), 220.0), end_of_time(), &LIGHT).unwrap();
            root.present().unwrap();
        }
        let labels: Vec<&str> = common::svg_words(&out)
            .into_iter()
            // The two plans' latest claims, 80 % and 40.3 % (the axis says 0% to 100% by quarters).
            .filter(|t| t.starts_with("80%") || t.starts_with("40.3%"))
            .collect();
        assert_eq!(labels.len(), 2, "{width}: {labels:?}");
        for l in labels {
            assert!(!l.contains('…'), "{width}: {l:?} cut short");
        }
    }
}

#[test]
fn the_column_headings_keep_their_counts_however_narrow() {
    use union_state::i18n::Locale;
    for locale in [Locale::en, Locale::ru] {
        let d = model::bundled_in(locale).unwrap();
        let m = d.mapping.as_ref().unwrap();
        // (On a phone's 330 to 360 px the Russian headings have no room even without their years:
        // their words are cut, not their counts.)
        for (w, h) in [
            (330.0, 700.0),
            (360.0, 700.0),
            (640.0, 560.0),
            (850.0, 560.0),
            (1400.0, 900.0),
        ] {
            let g = layout(m, w, h, None);
            let out = drawn_at_the_end(m, &g, locale);
            assert!(
                out.contains("(31)"),
                "{locale:?} at {w}: the road maps' count"
            );
            assert!(
                out.contains("(28)"),
                "{locale:?} at {w}: the programmes' count"
            );
        }
    }
}

#[test]
fn at_its_least_height_the_diagram_fits_its_canvas_and_a_little_less_does_not() {
    let m = mapping();
    for width in [360.0, 600.0, 760.0, 1100.0] {
        for filter in std::iter::once(None).chain((0..m.sectors.len()).map(Some)) {
            let least = min_height(m, width, filter, 1.0);
            let g = layout(m, width, least, filter);
            assert!(
                g.fits,
                "{width} px, sector {filter:?}: not fitted at {least} px"
            );
            for b in g.left.iter().chain(&g.right) {
                assert!(
                    b.rect.bottom() <= least + 1e-6,
                    "{width} px, sector {filter:?}: a node ends at {} in {least} px",
                    b.rect.bottom()
                );
            }
            if filter.is_none() {
                // The page keeps the canvas this tall: shorter, the diagram would be cut off.
                assert!(!layout(m, width, least - 8.0, filter).fits);
            }
        }
    }
}

#[test]
fn the_latest_claims_label_is_drawn_over_the_playhead_on_a_patch() {
    let m = mapping();
    // Between two claims, where the playhead's line runs through the label's place.
    let t = Day::from_ymd(2023, 4, 6).as_f64();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (560, 280)).into_drawing_area();
        draw_claims(&root, m, (560.0, 280.0), t, &LIGHT).unwrap();
        root.present().unwrap();
    }
    let label = out
        .find("60%")
        .expect("the latest claim of the first plan labelled");
    let playhead = out
        .find(&format!(
            "stroke=\"#{:02X}{:02X}{:02X}\"",
            LIGHT.playhead.0, LIGHT.playhead.1, LIGHT.playhead.2
        ))
        .expect("the playhead drawn");
    assert!(
        playhead < label,
        "the label is drawn before the playhead's line, under it"
    );
    // A patch of the background just before the label's text.
    let before = &out[..label];
    let patch = before.rfind("<rect").expect("a patch");
    assert!(before[patch..].contains(&format!(
        "fill=\"#{:02X}{:02X}{:02X}\"",
        LIGHT.background.0, LIGHT.background.1, LIGHT.background.2
    )));
}

#[test]
fn in_a_theme_drawn_larger_the_diagram_shrinks_to_the_same_type_on_screen() {
    use union_state::layout::bipartite::{layout_at, LEAST_FONT_PX};
    let m = mapping();
    // The projector theme draws at 1.3: its 1280 x 720 chart is about 573 layout px wide.
    for (css_w, scale) in [(745.0, 1.3), (745.0, 1.0), (1100.0, 1.3)] {
        let w = css_w / scale;
        let least = min_height(m, w, None, scale);
        let g = layout_at(m, w, least, None, scale);
        assert!(g.fits, "{css_w} at {scale}: not fitted at its least height");
        let on_screen = g.metrics.font_px * scale;
        assert!(
            on_screen >= LEAST_FONT_PX - 1e-9 && on_screen <= LEAST_FONT_PX + scale,
            "{css_w} at {scale}: type {on_screen} px on screen"
        );
        // The sector names no smaller on screen than the labels' least (they were four fifths of it).
        let caption = g.metrics.caption_font_px * scale;
        assert!(
            caption >= LEAST_FONT_PX - 1e-9 && g.metrics.caption_font_px <= g.metrics.font_px,
            "{css_w} at {scale}: sector names {caption} px on screen"
        );
        for band in &g.bands {
            assert_caption_fits(&g, band, &format!("{css_w} at {scale}"));
        }
    }
    // On screen, the larger theme's diagram needs about as much height as the default's, and less
    // than the 520 px its frame has at 1280 x 720 (it needed 608, with type no smaller than 9 layout
    // px, and scrolled).
    let css = |scale: f64| min_height(m, 745.0 / scale, None, scale) * scale;
    assert!(
        css(1.3) <= css(1.0) * 1.12,
        "{} against {}",
        css(1.3),
        css(1.0)
    );
    assert!(css(1.3) <= 510.0, "{} px", css(1.3));
}

#[test]
fn a_sector_name_cut_along_its_band_goes_on_two_lines() {
    use union_state::i18n::Locale;
    for locale in [Locale::en, Locale::ru] {
        let m = model::bundled_in(locale).unwrap().mapping.as_ref().unwrap();
        let tax = m
            .sectors
            .iter()
            .position(|s| s.id == "tax-customs")
            .unwrap();
        let name = m.sectors[tax].label.to_uppercase();
        // The diagram's frame on a 1366 x 768 laptop: four rows were too short for "TAX AND CUS…".
        let g = layout(m, 936.0, 640.0, None);
        let mt = &g.metrics;
        let band = g.bands.iter().find(|b| b.sector == tax).unwrap();
        let along = band.y1 - band.y0;
        assert!(
            text::width_px(&name, mt.caption_font_px) > along - 4.0,
            "{name}: one line would be cut"
        );
        assert!(
            matches!(&band.caption, Caption::Along(lines) if lines.len() == 2),
            "{locale:?}: {:?}",
            band.caption
        );
        assert_eq!(band.caption.lines().join(" "), name, "{locale:?}: whole");
        for line in band.caption.lines() {
            let drawn = text::width_px(line, mt.caption_font_px) * text::BOLD_WIDER;
            assert!(drawn <= along, "{line}: {drawn} px along {along}");
        }
        // The strip holds both lines, and the road maps' labels start right of it.
        assert!(
            mt.caption_px >= 2.0 * caption_line_px(mt),
            "{locale:?}: strip {}",
            mt.caption_px
        );
        for b in &g.left {
            assert!(
                b.label_x - b.label_w >= mt.caption_px,
                "{locale:?}: {} over the strip",
                b.label
            );
        }
        // Both lines drawn, as text.
        let out = drawn_at_the_end(m, &g, locale);
        let words = common::svg_words(&out);
        for line in band.caption.lines() {
            assert!(words.contains(&line.as_str()), "{line} drawn: {words:?}");
        }
    }
}

/// Asserts that `band`'s sector name lies in its room in `g`: along the band, each line no longer
/// than the band (measured in bold where there are two); across it, each line in bold within the
/// road maps' column, left of their bars, the lines within the band and clear of its road maps' rows.
fn assert_caption_fits(g: &MappingLayout, band: &Band, what: &str) {
    let mt = &g.metrics;
    match &band.caption {
        Caption::Along(lines) => {
            let bold = if lines.len() > 1 {
                text::BOLD_WIDER
            } else {
                1.0
            };
            for line in lines {
                let drawn = text::width_px(line, mt.caption_font_px) * bold;
                let along = band.y1 - band.y0;
                assert!(drawn <= along, "{what}: {line}: {drawn} px along {along}");
            }
        }
        Caption::Across { lines, x, y } => {
            let line_px = caption_line_px(mt);
            for line in lines {
                let drawn = text::width_px(line, mt.caption_font_px) * text::BOLD_WIDER;
                assert!(
                    *x >= 0.0 && x + drawn <= g.left_x - mt.label_gap_px + 1e-9,
                    "{what}: {line}: {drawn} px from {x}, the bars at {}",
                    g.left_x
                );
            }
            let half = line_px * lines.len() as f64 / 2.0;
            let (top, foot) = (y - half, y + half);
            assert!(
                top >= band.y0 - 1e-9 && foot <= band.y1 + 1e-9,
                "{what}: {lines:?} ({top} to {foot}) outside its band ({} to {})",
                band.y0,
                band.y1
            );
            for b in g.left.iter().filter(|b| b.sector == band.sector) {
                assert!(
                    foot <= b.rect.y + 1e-9 || top >= b.rect.bottom() - 1e-9,
                    "{what}: {lines:?} over the road map {}",
                    b.label
                );
            }
        }
    }
}

#[test]
fn a_band_is_made_as_long_as_its_sectors_name_where_the_diagram_has_the_room() {
    use union_state::i18n::Locale;
    let whole = |g: &MappingLayout, m: &Mapping| -> Vec<(String, bool)> {
        g.bands
            .iter()
            .map(|b| {
                let name = m.sectors[b.sector].label.to_uppercase();
                (name.clone(), b.caption.lines().join(" ") == name)
            })
            .collect()
    };
    for (locale, (w, h), all) in [
        // The diagram's frame on a 1366 x 768 laptop: "INDUSTRY AND AGRICULTURE" was cut along its
        // four rows, "SOCIAL AND CONSUMER" along its two; in Russian, "ЭНЕРГЕТИКА" along its three.
        (Locale::en, (936.0, 640.0), true),
        (Locale::ru, (936.0, 640.0), false),
        (Locale::ru, (1100.0, 800.0), true),
    ] {
        let m = model::bundled_in(locale).unwrap().mapping.as_ref().unwrap();
        let g = layout(m, w, h, None);
        let mt = &g.metrics;
        assert!(g.fits, "{locale:?} {w} x {h}");
        // The labels' type is not made smaller for the names: the largest, as before.
        assert_eq!(mt.font_px, 13.0, "{locale:?} {w} x {h}");
        let names = whole(&g, m);
        if all {
            assert!(
                names.iter().all(|(_, w)| *w),
                "{locale:?} {w} x {h}: {names:?}"
            );
        } else {
            assert!(
                names.iter().any(|(n, w)| n == "ЭНЕРГЕТИКА" && *w),
                "{names:?}"
            );
        }
        for band in &g.bands {
            assert_caption_fits(&g, band, &format!("{locale:?} {w} x {h}"));
        }
        // Every node within its band, and the bands one after another within the canvas.
        for b in g.left.iter().chain(&g.right) {
            let band = g.bands.iter().find(|x| x.sector == b.sector).unwrap();
            assert!(
                b.rect.y >= band.y0 - 1e-9 && b.rect.y + b.rect.h <= band.y1 + 1e-9,
                "{}",
                b.label
            );
        }
        for pair in g.bands.windows(2) {
            assert!(pair[0].y1 < pair[1].y0);
        }
        assert!(g.bands.last().unwrap().y1 <= h + 1e-9);
    }
}

#[test]
fn a_sector_name_cut_along_its_band_runs_across_the_rows_its_road_maps_leave_free() {
    use union_state::i18n::Locale;
    use union_state::layout::bipartite::layout_at;
    // The diagram's canvas (CSS px) and the theme's scale: the projector theme at 1024 x 768, where
    // "SOC…" was cut along two programmes' rows beside no road map, and at 1280 x 720; a 1366 x 768
    // laptop, where the Russian names of both were cut ("ПРОМЫШЛ…", "СОЦ…"). The sectors whose names
    // are whole across their bands there, on one line or on two.
    for (locale, (css_w, css_h), scale, across) in [
        (Locale::en, (593.0, 568.0), 1.3, &["social"][..]),
        (
            Locale::ru,
            (593.0, 568.0),
            1.3,
            &["industry-agriculture", "social"],
        ),
        (
            Locale::en,
            (752.0, 518.0),
            1.3,
            &["industry-agriculture", "social"],
        ),
        (
            Locale::ru,
            (752.0, 518.0),
            1.3,
            &["industry-agriculture", "social"],
        ),
        (
            Locale::ru,
            (936.0, 641.0),
            1.0,
            &["industry-agriculture", "social"],
        ),
    ] {
        let what = format!("{locale:?} {css_w} x {css_h} at {scale}");
        let m = model::bundled_in(locale).unwrap().mapping.as_ref().unwrap();
        let g = layout_at(m, css_w / scale, css_h / scale, None, scale);
        assert!(g.fits, "{what}");
        let svg = drawn_at_the_end(m, &g, locale);
        let texts = common::svg_texts(&svg);
        for band in &g.bands {
            assert_caption_fits(&g, band, &what);
            let sector = &m.sectors[band.sector];
            let name = sector.label.to_uppercase();
            if across.contains(&sector.id.as_str()) {
                assert!(
                    matches!(band.caption, Caption::Across { .. }),
                    "{what}: {:?}",
                    band.caption
                );
                assert_eq!(band.caption.lines().join(" "), name, "{what}: whole");
                // Drawn as text, each line across (text along a band is drawn rotated).
                for line in band.caption.lines() {
                    let drawn = texts.iter().find(|(_, t)| t == line);
                    assert!(
                        drawn.is_some_and(|(tag, _)| !tag.contains("rotate")),
                        "{what}: {line} drawn across: {drawn:?}"
                    );
                }
            } else if band.caption.lines().join(" ") == name {
                // A name whole along its band stays there.
                assert!(matches!(band.caption, Caption::Along(_)), "{what}: {name}");
            }
        }
    }
    // Where its band's rows all hold road maps, a name is cut along it as before ("ЭНЕРГ…" beside
    // three road maps and three programmes on the projector at 1280 x 720).
    let m = model::bundled_in(Locale::ru)
        .unwrap()
        .mapping
        .as_ref()
        .unwrap();
    let g = layout_at(m, 752.0 / 1.3, 518.0 / 1.3, None, 1.3);
    let energy = m.sectors.iter().position(|s| s.id == "energy").unwrap();
    let band = g.bands.iter().find(|b| b.sector == energy).unwrap();
    assert!(
        matches!(&band.caption, Caption::Along(lines) if lines.len() == 1 && lines[0].ends_with('…')),
        "{:?}",
        band.caption
    );
}

#[test]
fn on_a_wide_canvas_the_label_columns_grow_toward_their_labels_and_the_links_keep_their_share() {
    let m = mapping();
    let links = |g: &MappingLayout| g.right_x - (g.left_x + g.metrics.node_w_px);
    // The diagram's canvas on a full HD screen: the columns were held to 250 and 300 px, which cut
    // "Single currency and single emissio…" and "19 × Other road maps (titles never…" beside 650 px
    // of links.
    let (w, h) = (1490.0, 962.0);
    let g = layout(m, w, h, None);
    let left = |name: &str| {
        g.left
            .iter()
            .find(|b| b.label.contains(name))
            .unwrap_or_else(|| panic!("{name}: {:?}", g.left))
            .label
            .clone()
    };
    assert_eq!(
        left("Single currency"),
        "Single currency and single emission centre"
    );
    assert_eq!(
        left("Other road maps"),
        "19 × Other road maps (titles never published)"
    );
    assert!(
        g.left[0].label_w > 250.0 && g.right[0].label_w > 300.0,
        "{} / {}",
        g.left[0].label_w,
        g.right[0].label_w
    );
    assert!(links(&g) >= 0.35 * w - 1e-6, "links {} of {w}", links(&g));
    // Every label within its column, and nothing wider than the columns hold.
    for b in g.left.iter().chain(&g.right) {
        assert!(
            text::width_px(&b.label, g.metrics.font_px) <= b.label_w + 1e-6,
            "{}",
            b.label
        );
    }
    assert!(g
        .left
        .iter()
        .all(|b| b.label_x - b.label_w >= g.metrics.caption_px - 1e-6));
    assert!(g.right.iter().all(|b| b.label_x + b.label_w <= w + 1e-6));
    // On a laptop and a projector the links keep their share too; on a phone the columns are their
    // shares, as before.
    for (w, h) in SIZES.into_iter().filter(|&(w, _)| w >= 640.0) {
        let g = layout(m, w, h, None);
        assert!(links(&g) >= 0.35 * w - 1e-6, "{w}: links {}", links(&g));
    }
    let g = layout(m, 358.0, 560.0, None);
    assert!((g.left[0].label_w + g.metrics.label_gap_px - 0.27 * 358.0).abs() < 1e-6);
}

#[test]
fn a_claims_label_covers_no_claims_point() {
    use union_state::i18n::Locale;
    for locale in [Locale::en, Locale::ru] {
        let m = model::bundled_in(locale).unwrap().mapping.as_ref().unwrap();
        let theme = union_state::render::theme::Theme { locale, ..LIGHT };
        // A side column's widths, a phone's, a wide one.
        for (w, h) in [
            (380.0, 218.0),
            (330.0, 200.0),
            (460.0, 240.0),
            (700.0, 300.0),
        ] {
            let mut out = String::new();
            {
                let root =
                    SVGBackend::with_string(&mut out, (w as u32, h as u32)).into_drawing_area();
                draw_claims(&root, m, (w, h), end_of_time(), &theme).unwrap();
                root.present().unwrap();
            }
            let tags = |name: &str| -> Vec<&str> {
                out.match_indices(&format!("<{name} "))
                    .map(|(i, _)| &out[i..i + out[i..].find('>').unwrap()])
                    .collect()
            };
            let n = |tag: &str, a: &str| common::number_attr(tag, a).unwrap();
            let patches: Vec<(f64, f64, f64, f64)> = tags("rect")
                .into_iter()
                .filter(|t| t.contains("opacity=\"0.85\""))
                .map(|t| {
                    (
                        n(t, "x"),
                        n(t, "y"),
                        n(t, "x") + n(t, "width"),
                        n(t, "y") + n(t, "height"),
                    )
                })
                .collect();
            assert_eq!(patches.len(), 2, "{locale:?} {w}: a label for each plan");
            for c in tags("circle") {
                let (cx, cy, r) = (n(c, "cx"), n(c, "cy"), n(c, "r"));
                for &(x0, y0, x1, y1) in &patches {
                    let covered = cx + r > x0 && cx - r < x1 && cy + r > y0 && cy - r < y1;
                    assert!(!covered, "{locale:?} {w}: the point at ({cx}, {cy}) under a label's patch {x0}..{x1}, {y0}..{y1}");
                }
            }
        }
    }
}

#[test]
fn on_a_phone_labels_cut_alike_are_told_apart() {
    use union_state::i18n::Locale;
    for locale in [Locale::en, Locale::ru] {
        let m = model::bundled_in(locale).unwrap().mapping.as_ref().unwrap();
        for w in [330.0, 360.0, 420.0] {
            let g = layout(m, w, 1100.0, None);
            for column in [&g.left, &g.right] {
                let labels: Vec<&str> = column.iter().map(|b| b.label.as_str()).collect();
                for (i, a) in labels.iter().enumerate() {
                    assert!(
                        !labels[i + 1..].contains(a),
                        "{locale:?} at {w}: {a:?} twice in {labels:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_tall_nodes_label_cut_on_one_line_goes_on_the_lines_the_node_holds() {
    let m = mapping();
    let full = "19 × Other road maps (titles never published)";
    // On a laptop, a projector, a tablet and a phone the label was cut on one line beside a node
    // three to five lines tall ("19 × Other road maps (titles neve…", on a phone "19 × Other roa…").
    for (w, h) in SIZES.into_iter().filter(|&(w, _)| w < 1400.0) {
        let g = layout(m, w, h, None);
        let mt = &g.metrics;
        let b = g
            .left
            .iter()
            .find(|b| b.label.starts_with("19 × Other"))
            .expect("the unpublished road maps' node");
        assert!(
            b.label.ends_with('…'),
            "{w}: {:?} whole on one line",
            b.label
        );
        let lines = b.lines();
        assert!(lines.len() >= 2, "{w}: {lines:?}");
        let pitch = label_line_px(mt);
        assert!(
            lines.len() as f64 * pitch <= b.rect.h + 1e-9,
            "{w}: {} lines in a node {} px tall",
            lines.len(),
            b.rect.h
        );
        // More of it shows than on one line: all of it, but on a phone, where three lines hold most.
        let shown = lines.join(" ");
        if w >= 640.0 {
            assert_eq!(shown, full, "{w}");
        } else {
            assert!(shown.trim_end_matches('…').len() > b.label.trim_end_matches('…').len() + 10);
            assert!(
                full.starts_with(shown.trim_end_matches('…')),
                "{w}: {shown:?}"
            );
        }
        // Each line within the column in bold too, and the lines as drawn, centred on the node.
        for line in lines {
            let needs = text::width_px(line, mt.font_px) * text::SLACK;
            assert!(
                needs <= b.label_w + 1e-6,
                "{w}: {line:?} takes {needs} of {}",
                b.label_w
            );
        }
        let svg = svg_selecting(&g, b.node);
        let texts = common::svg_texts(&svg);
        for (line, y) in lines.iter().zip(text::centred_lines(
            b.rect.y + b.rect.h / 2.0,
            lines.len(),
            pitch,
        )) {
            let (tag, _) = texts
                .iter()
                .find(|(_, t)| t == line)
                .unwrap_or_else(|| panic!("{w}: {line:?} not drawn"));
            assert!(
                tag.contains("font-weight=\"bold\""),
                "{w}: {line:?} not bold when selected"
            );
            assert!(
                y - mt.font_px / 2.0 >= b.rect.y - 1.0
                    && y + mt.font_px / 2.0 <= b.rect.bottom() + 1.0
            );
        }
        // The one-line label is not drawn as well.
        assert!(
            !texts.iter().any(|(_, t)| t == &b.label),
            "{w}: {:?} drawn too",
            b.label
        );
        // Pointing at the end of its widest line finds the node.
        let x = b.label_x - b.label_px(mt.font_px) + 1.0;
        assert_eq!(
            g.hit(x, b.rect.y + 2.0, 0.0),
            Some(Target::Node(b.node)),
            "{w}"
        );
    }
    // On a wide canvas the label is whole on one line, as before.
    let g = layout(m, 1400.0, 900.0, None);
    let b = g
        .left
        .iter()
        .find(|b| b.label.starts_with("19 × Other"))
        .unwrap();
    assert_eq!((b.label.as_str(), b.wrapped.len()), (full, 0));
}
