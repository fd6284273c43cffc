//! The legend drawn under an exported chart: laid out within its width at every size, drawn into
//! plotters' SVG backend with every entry's words and the caption.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use plotters::prelude::*;
use union_state::i18n::Locale;
use union_state::layout::text;
use union_state::render::legend::{draw_legend, items, layout, Chart, Glyph, FONT_PX};
use union_state::render::theme::LIGHT;

const CHARTS: [Chart; 4] = [
    Chart::Timeline,
    Chart::Mapping,
    Chart::Membership,
    Chart::Depth,
];
const CAPTION: &str =
    "Timeline · 26 Jun 2026 · The Union State of Russia and Belarus, treaty by treaty";

#[test]
fn every_chart_has_its_legend_in_both_languages() {
    let counts: Vec<usize> = CHARTS.iter().map(|&c| items(c, Locale::en).len()).collect();
    assert_eq!(counts, [4, 8, 7, 3]);
    for chart in CHARTS {
        let (en, ru) = (items(chart, Locale::en), items(chart, Locale::ru));
        let glyphs = |v: &[union_state::render::legend::Item]| -> Vec<Glyph> {
            v.iter().map(|i| i.glyph).collect()
        };
        assert_eq!(glyphs(&en), glyphs(&ru), "{chart:?}");
        for (e, r) in en.iter().zip(&ru) {
            assert!(
                !e.label.is_empty() && e.label != r.label,
                "{chart:?}: {e:?} / {r:?}"
            );
            assert!(
                r.label
                    .chars()
                    .any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
                "{r:?}"
            );
        }
    }
}

/// The room an entry's words are given (as the layout gives it), px.
fn room(label: &str) -> f64 {
    text::width_px(label, FONT_PX) * text::SLACK
}

#[test]
fn entries_stay_within_the_width_in_rows_that_do_not_overlap() {
    for chart in CHARTS {
        for l in [Locale::en, Locale::ru] {
            let all = items(chart, l);
            for width in [280.0, 390.0, 640.0, 1024.0, 1280.0, 1920.0] {
                let g = layout(&all, CAPTION, width);
                let what = format!("{chart:?} {l:?} at {width}");
                assert_eq!(
                    (g.spots.len(), g.labels.len()),
                    (all.len(), all.len()),
                    "{what}"
                );
                // The row's y, the entry's right edge, and how many lines it took.
                let mut previous: Option<(f64, f64, f64, usize)> = None;
                for (lines, &(x, y)) in g.labels.iter().zip(&g.spots) {
                    assert!(!lines.is_empty() && lines.len() <= 2, "{what}: {lines:?}");
                    let label = lines.join(" ");
                    let widest = lines.iter().map(|l| room(l)).fold(0.0, f64::max);
                    let right = x + 28.0 + 6.0 + widest;
                    assert!(x >= 10.0 - 1e-9, "{what}: {label} starts at {x}");
                    assert!(
                        right <= width - 10.0 + 1e-6,
                        "{what}: {label} ends at {right}"
                    );
                    if let Some((py, _, pright, plines)) = previous {
                        if (py - y).abs() < 1e-9 {
                            assert!(
                                x >= pright,
                                "{what}: {label} at {x} overlaps the entry before"
                            );
                        } else {
                            // Below the row before, and below its second line if it had one.
                            assert!(
                                y >= py + 22.0 + 16.0 * (plines - 1) as f64 - 1e-9,
                                "{what}: the rows go down, clear of the one before"
                            );
                        }
                    }
                    previous = Some((y, x, right, lines.len()));
                }
                let last_row = g.spots.iter().map(|s| s.1).fold(0.0, f64::max);
                assert!(
                    g.caption.1 > last_row,
                    "{what}: the caption is the last line"
                );
                assert!(g.size.1 > g.caption.1 && g.size.0 == width, "{what}");
                let drawn: Vec<String> = g.labels.iter().map(|l| l.join(" ")).collect();
                if width >= 640.0 {
                    // An entry too wide for a row takes two lines rather than being cut.
                    let whole: Vec<&str> = all.iter().map(|i| i.label).collect();
                    assert_eq!(drawn, whole, "{what}: nothing is cut");
                }
                if width >= 1024.0 {
                    assert_eq!(g.caption.0, vec![CAPTION], "{what}");
                    assert!(
                        g.labels.iter().all(|l| l.len() == 1),
                        "{what}: one line each"
                    );
                } else {
                    for (label, item) in drawn.iter().zip(&all) {
                        let kept = label.trim_end_matches('…');
                        assert!(item.label.starts_with(kept), "{what}: {label}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_wide_legend_takes_fewer_rows() {
    let all = items(Chart::Mapping, Locale::en);
    let rows = |w| {
        let g = layout(&all, CAPTION, w);
        let mut ys: Vec<f64> = g.spots.iter().map(|s| s.1).collect();
        ys.dedup();
        ys.len()
    };
    assert!(
        rows(1920.0) < rows(640.0),
        "{} vs {}",
        rows(1920.0),
        rows(640.0)
    );
    assert_eq!(rows(280.0), all.len(), "one entry a row on a phone");
}

#[test]
fn the_drawn_legend_has_every_entry_and_the_caption() {
    for chart in CHARTS {
        for l in [Locale::en, Locale::ru] {
            let all = items(chart, l);
            let g = layout(&all, CAPTION, 1280.0);
            let mut svg = String::new();
            {
                let size = (1280, g.size.1.ceil() as u32);
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                draw_legend(&root, &all, &g, &LIGHT).unwrap();
                root.present().unwrap();
            }
            let texts: Vec<String> = common::svg_words(&svg)
                .into_iter()
                .map(common::unescape)
                .collect();
            let mut expected: Vec<String> = all.iter().map(|i| i.label.to_owned()).collect();
            expected.push(CAPTION.to_owned());
            assert_eq!(texts, expected, "{chart:?} {l:?}");
            // Each entry has a mark: more shapes than words.
            let shapes = ["<circle", "<rect", "<polyline", "<line", "<path"]
                .iter()
                .map(|s| svg.matches(s).count())
                .sum::<usize>();
            assert!(shapes > all.len(), "{chart:?} {l:?}: {shapes} shapes");
        }
    }
}

#[test]
fn a_dataset_title_with_markup_stays_text_in_the_svg() {
    let all = items(Chart::Depth, Locale::en);
    let caption = "Depth · 1 Jan 2020 · <script>alert(1)</script> & \"quotes\"";
    let g = layout(&all, caption, 1280.0);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (1280, g.size.1.ceil() as u32)).into_drawing_area();
        draw_legend(&root, &all, &g, &LIGHT).unwrap();
        root.present().unwrap();
    }
    assert!(!svg.contains("<script"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "{svg}"
    );
}

#[test]
fn the_pages_legend_swatches_read_the_charts_colours() {
    // Each `var(--c-NAME, #rrggbb)` in the style sheet names a colour the page sets from the theme in
    // force, and falls back (before it is set) to the light theme's own.
    let css = std::fs::read_to_string("public/style.css").unwrap();
    let light = union_state::render::theme::LIGHT.legend_colours();
    let mut uses = 0;
    for part in css.split("var(--c-").skip(1) {
        let (name, rest) = part.split_once(',').expect("a fallback after the name");
        let fallback = rest.trim_start().get(..7).unwrap();
        let (_, c) = light
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("--c-{name} is not a legend colour"));
        assert_eq!(
            fallback,
            format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2),
            "--c-{name}'s fallback"
        );
        uses += 1;
    }
    assert!(uses >= 13, "{uses} uses");
    // The dark theme has colours of its own, which the light fallbacks would get wrong.
    let dark = union_state::render::theme::DARK.legend_colours();
    assert!(light.iter().zip(&dark).any(|(l, d)| l.1 != d.1));
}

#[test]
fn a_narrow_figure_has_its_caption_whole_on_three_lines() {
    // The officials' claims chart in the side column (380 px) in Russian: no legend of marks, only
    // the caption.
    let caption = "Заявления официальных лиц · 26 июня 2026 г. · Союзное государство России и Беларуси: договор за договором";
    let g = layout(&[], caption, 380.0);
    assert_eq!(g.caption.0.len(), 3, "{:?}", g.caption.0);
    assert_eq!(g.caption.0.join(" "), caption, "nothing cut");
    for line in &g.caption.0 {
        assert!(room(line) <= 380.0 - 20.0, "{line} wider than the figure");
    }
}

#[test]
fn a_caption_too_long_for_one_line_goes_on_two_whole() {
    // An export of the depth ladder in Russian, 743 px wide: the view, the date and the dataset's title.
    let caption =
        "Глубина · 26 июня 2026 · Союзное государство России и Беларуси: договор за договором";
    let all = items(Chart::Depth, Locale::ru);
    let short = layout(&all, CAPTION, 743.0);
    let g = layout(&all, caption, 743.0);
    assert_eq!(g.caption.0.len(), 2, "{:?}", g.caption.0);
    assert_eq!(g.caption.0.join(" "), caption, "nothing cut");
    for line in &g.caption.0 {
        assert!(room(line) <= 743.0 - 20.0, "{line} wider than the legend");
    }
    // The legend grows by the second line, and the drawing has both.
    assert!(g.size.1 > short.size.1);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (743, g.size.1.ceil() as u32)).into_drawing_area();
        draw_legend(&root, &all, &g, &LIGHT).unwrap();
        root.present().unwrap();
    }
    let words = common::svg_words(&svg);
    for line in &g.caption.0 {
        assert!(words.contains(&line.as_str()), "{line} drawn");
    }
}
