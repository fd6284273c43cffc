//! Draws the road-map to programme diagram and the chart of officials' implementation claims.

use crate::i18n::td_string;
use crate::model::date::{local_number, month_name};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{Theme, DASH_PX, DIM_ALPHA, LINK_ALPHA, TICK_LEN_PX};
use crate::layout::bipartite::{
    caption_line_px, label_line_px, partial_path, path_of, programme_progress, road_map_phase,
    Caption, MappingLayout, Metrics, Node, NodeBox, RoadMapPhase, Target,
};
use crate::layout::scale::TimeScale;
use crate::layout::{text, ticks};
use crate::model::{Day, Evidence, Mapping, Plan, RoadMapStatus};

/// What changes between frames of the diagram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MappingFrame {
    /// Playhead, days.
    pub playhead_day: f64,
    /// The highlighted node or link (hovered, or else selected): its path is drawn, the rest dimmed.
    pub highlight: Option<Target>,
    /// The selected node or link, drawn with an outline.
    pub selected: Option<Target>,
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws the diagram laid out by `layout` into `area`.
pub fn draw_mapping<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Mapping,
    layout: &MappingLayout,
    frame: &MappingFrame,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mt = &layout.metrics;
    let t = frame.playhead_day;
    let font = |size: f64| theme.font(size);
    let bold = |size: f64| theme.bold(size);
    area.fill(&theme.background)?;

    let (path_nodes, path_links) = frame.highlight.map(|h| path_of(m, h)).unwrap_or_default();
    let on_path_node = |n: Node| frame.highlight.is_none() || path_nodes.contains(&n);
    let on_path_link = |l: usize| frame.highlight.is_none() || path_links.contains(&l);

    // Sector bands and captions.
    for (k, band) in layout.bands.iter().enumerate() {
        let fill = theme.era_fill[k % 2];
        area.draw(&Rectangle::new(
            [
                (0, px(band.y0)),
                (px(layout.width), px(band.y1 + mt.band_gap_px / 2.0)),
            ],
            fill.filled(),
        ))?;
        let style = TextStyle::from(bold(mt.caption_font_px)).color(&theme.muted);
        match &band.caption {
            Caption::Along(lines) => {
                let style = style
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                // Lines side by side across the strip, the first on the left.
                let xs = text::centred_lines(mt.caption_px / 2.0, lines.len(), caption_line_px(mt));
                for (line, x) in lines.iter().zip(xs) {
                    area.draw_text(line, &style, (px(x), px((band.y0 + band.y1) / 2.0)))?;
                }
            }
            Caption::Across { lines, x, y } => {
                let style = style.pos(Pos::new(HPos::Left, VPos::Center));
                let ys = text::centred_lines(*y, lines.len(), caption_line_px(mt));
                for (line, y) in lines.iter().zip(ys) {
                    area.draw_text(line, &style, (px(*x), px(y)))?;
                }
            }
        }
    }

    // Column headings with the counts (in bold, with the room bold type takes: without the years
    // where the whole heading has no room, then cut), and the date in the middle.
    let total: u32 = m.road_map_total();
    let head = TextStyle::from(bold(mt.font_px)).color(&theme.text);
    let heading = |whole: &str, short: &str, room: f64| {
        text::fit_first(&[whole, short], mt.font_px, room / text::SLACK)
    };
    let l = theme.locale;
    let left_head = heading(
        &td_string!(l, chart.road_maps_head, total = total),
        &td_string!(l, chart.road_maps_head_short, total = total),
        layout.left_x + mt.node_w_px,
    );
    area.draw_text(
        &left_head,
        &head.pos(Pos::new(HPos::Right, VPos::Center)),
        (px(layout.left_x + mt.node_w_px), px(mt.header_px / 2.0)),
    )?;
    let programmes = m.programmes.len();
    let right_head = heading(
        &td_string!(l, chart.programmes_head, total = programmes),
        &td_string!(l, chart.programmes_head_short, total = programmes),
        layout.width - layout.right_x,
    );
    area.draw_text(
        &right_head,
        &head.pos(Pos::new(HPos::Left, VPos::Center)),
        (px(layout.right_x), px(mt.header_px / 2.0)),
    )?;
    let (y, mo, _) = Day(t.floor() as i32).ymd();
    let date = format!("{} {y}", month_name(mo, theme.locale));
    let mid = (layout.left_x + mt.node_w_px + layout.right_x) / 2.0;
    let date_style = TextStyle::from(bold(mt.font_px))
        .color(&theme.playhead)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw_text(&date, &date_style, (px(mid), px(mt.header_px / 2.0)))?;

    // Links, growing from the road maps towards the programmes as the programmes emerge.
    for l in &layout.links {
        let Some(link) = m.links.get(l.link) else {
            continue;
        };
        let progress = programme_progress(m, link.to, t);
        if progress <= 0.0 || road_map_phase(m, link.from, t) == RoadMapPhase::Hidden {
            continue;
        }
        let colour = match road_map_phase(m, link.from, t) {
            RoadMapPhase::Settled(s) => theme.status(s),
            _ => theme.pending,
        };
        let alpha = if on_path_link(l.link) {
            if frame.highlight.is_some() {
                0.9
            } else {
                LINK_ALPHA
            }
        } else {
            DIM_ALPHA
        };
        let pts: Vec<(i32, i32)> = partial_path(&l.points, progress)
            .iter()
            .map(|&(x, y)| (px(x), px(y)))
            .collect();
        let style = colour
            .mix(alpha)
            .stroke_width(l.width.round().max(1.0) as u32);
        match link.evidence {
            Evidence::Documented => area.draw(&PathElement::new(pts, style))?,
            Evidence::Inferred => {
                area.draw(&DashedPathElement::new(pts, DASH_PX.0, DASH_PX.1, style))?
            }
        }
        if frame.selected == Some(Target::Link(l.link)) {
            let pts: Vec<(i32, i32)> = l.points.iter().map(|&(x, y)| (px(x), px(y))).collect();
            area.draw(&PathElement::new(pts, theme.selection.stroke_width(1)))?;
        }
    }

    // Road maps: filled when agreed, half-filled when contentious, hollow when excluded or shelved.
    // Labels stay readable when dimmed (twice the dimmed opacity); the selected node's is bold.
    // A label cut to fit in regular type is cut again to fit in bold, which takes more room; a tall
    // node's lines, centred on it, fit in bold as they are.
    fn draw_label<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        b: &NodeBox,
        style: &TextStyle,
        bold: bool,
        mt: &Metrics,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let r = b.rect;
        let lines = b.lines();
        let ys = text::centred_lines(r.y + r.h / 2.0, lines.len(), label_line_px(mt));
        for (line, y) in lines.iter().zip(ys) {
            let line: std::borrow::Cow<'_, str> = if bold {
                text::truncate(line, mt.font_px, b.label_w / text::SLACK).into()
            } else {
                line.as_str().into()
            };
            area.draw_text(&line, style, (px(b.label_x), px(y)))?;
        }
        Ok(())
    }
    let label_alpha = |n: Node| {
        if on_path_node(n) {
            1.0
        } else {
            DIM_ALPHA * 2.0
        }
    };
    let selected = |n: Node| frame.selected == Some(Target::Node(n));
    let label_face = |n: Node| {
        if selected(n) {
            bold(mt.font_px)
        } else {
            font(mt.font_px)
        }
    };
    for b in &layout.left {
        let Node::RoadMap(i) = b.node else { continue };
        let phase = road_map_phase(m, i, t);
        if phase == RoadMapPhase::Hidden {
            continue;
        }
        let alpha = if on_path_node(b.node) { 1.0 } else { DIM_ALPHA };
        let r = b.rect;
        let (x0, y0, x1, y1) = (px(r.x), px(r.y), px(r.right()), px(r.bottom()));
        draw_road_map_mark(area, phase, [(x0, y0), (x1, y1)], alpha, theme)?;
        if selected(b.node) {
            area.draw(&Rectangle::new(
                [(x0 - 3, y0 - 2), (x1 + 3, y1 + 2)],
                theme.selection.stroke_width(2),
            ))?;
        }
        let ink = if m.road_maps[i].unpublished {
            theme.muted
        } else {
            theme.text
        }
        .mix(label_alpha(b.node));
        let style = TextStyle::from(label_face(b.node))
            .color(&ink)
            .pos(Pos::new(HPos::Right, VPos::Center));
        draw_label(area, b, &style, selected(b.node), mt)?;
    }

    // Programmes fade in as the morph completes.
    for b in &layout.right {
        let Node::Programme(i) = b.node else { continue };
        let progress = programme_progress(m, i, t);
        if progress <= 0.0 {
            continue;
        }
        let alpha = progress * if on_path_node(b.node) { 1.0 } else { DIM_ALPHA };
        let r = b.rect;
        let (x0, y0, x1, y1) = (px(r.x), px(r.y), px(r.right()), px(r.bottom()));
        area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            theme.programme.mix(alpha).filled(),
        ))?;
        if selected(b.node) {
            area.draw(&Rectangle::new(
                [(x0 - 3, y0 - 2), (x1 + 3, y1 + 2)],
                theme.selection.stroke_width(2),
            ))?;
        }
        let ink = theme.text.mix(progress * label_alpha(b.node));
        let style = TextStyle::from(label_face(b.node))
            .color(&ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        draw_label(area, b, &style, selected(b.node), mt)?;
    }

    if layout.left.iter().all(
        |b| matches!(b.node, Node::RoadMap(i) if road_map_phase(m, i, t) == RoadMapPhase::Hidden),
    ) {
        let style = TextStyle::from(font(mt.font_px))
            .color(&theme.muted)
            .pos(Pos::new(HPos::Center, VPos::Center));
        let msg = text::truncate(
            td_string!(theme.locale, chart.no_road_maps),
            mt.font_px,
            layout.width - 16.0,
        );
        area.draw_text(
            &msg,
            &style,
            (px(layout.width / 2.0), px(layout.height / 2.0)),
        )?;
    }
    Ok(())
}

/// A road map's mark in `rect` (corners, px): filled when agreed, half filled when contentious, hollow
/// when excluded or shelved, or outlined in the neutral colour while under negotiation.
pub fn draw_road_map_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    phase: RoadMapPhase,
    rect: [(i32, i32); 2],
    alpha: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let [(x0, y0), (x1, y1)] = rect;
    match phase {
        RoadMapPhase::Settled(RoadMapStatus::Agreed) => {
            area.draw(&Rectangle::new(rect, theme.agreed.mix(alpha).filled()))?;
        }
        RoadMapPhase::Settled(RoadMapStatus::Contentious) => {
            let c = theme.contentious.mix(alpha);
            area.draw(&Rectangle::new(rect, c.stroke_width(2)))?;
            area.draw(&Rectangle::new([(x0, y0), ((x0 + x1) / 2, y1)], c.filled()))?;
        }
        RoadMapPhase::Settled(s) => {
            area.draw(&Rectangle::new(
                rect,
                theme.status(s).mix(alpha).stroke_width(2),
            ))?;
        }
        _ => {
            area.draw(&Rectangle::new(
                rect,
                theme.pending.mix(alpha).stroke_width(2),
            ))?;
        }
    }
    Ok(())
}

/// Margins of the claims chart: left, top, right, bottom, px.
const CLAIMS_MARGIN: (f64, f64, f64, f64) = (40.0, 24.0, 14.0, 24.0);
/// Days of padding either side of the claims.
const CLAIMS_PAD_DAYS: f64 = 60.0;

/// The time scale of the claims chart for an area `width` px wide.
pub fn claims_scale(m: &Mapping, width: f64) -> Option<TimeScale> {
    let first = m.claims.iter().map(|c| c.day()).reduce(f64::min)?;
    let last = m.claims.iter().map(|c| c.day()).reduce(f64::max)?;
    let start = m
        .programmes
        .iter()
        .map(|p| p.approved.first_day().as_f64())
        .fold(first, f64::min);
    Some(TimeScale::new(
        start - CLAIMS_PAD_DAYS,
        last + CLAIMS_PAD_DAYS,
        CLAIMS_MARGIN.0,
        width - CLAIMS_MARGIN.2,
    ))
}

/// The most lines the claims chart's title is set on: enough for the whole of it in Russian in the
/// narrowest column the chart is drawn in.
const CLAIMS_TITLE_LINES: usize = 6;

/// Width of a series' mark in the claims chart's key, px.
const CLAIMS_KEY_MARK_PX: f64 = 16.0;

/// An entry of the claims chart's key: a plan's name and colour, and where they go.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimsKeyEntry {
    /// The plan's name, cut to the chart's width if it is alone too wide.
    pub label: String,
    /// The series' colour.
    pub colour: RGBColor,
    /// Left edge of its mark, px.
    pub x: f64,
    /// Its row under the title, from 0.
    pub row: usize,
}

/// The claims chart's key: one entry per series, side by side across a chart `width` px wide, on as
/// many rows as that takes (an entry never split).
pub fn claims_key(
    series: &[(Plan, RGBColor)],
    locale: crate::i18n::Locale,
    font_px: f64,
    width: f64,
) -> Vec<ClaimsKeyEntry> {
    let (left, right) = (4.0, width - 4.0);
    let words = (right - left - CLAIMS_KEY_MARK_PX - 4.0).max(0.0);
    let (mut x, mut row) = (left, 0);
    series
        .iter()
        .map(|&(plan, colour)| {
            let label = text::truncate(plan.label(locale), font_px, words / text::FIT);
            let w = CLAIMS_KEY_MARK_PX + 4.0 + text::width_px(&label, font_px) * text::SLACK;
            if x > left && x + w > right {
                (x, row) = (left, row + 1);
            }
            let entry = ClaimsKeyEntry {
                label,
                colour,
                x,
                row,
            };
            x += w + 14.0;
            entry
        })
        .collect()
}

/// How much wider than its words' estimated width a claims label's patch of background is.
const PATCH_WIDER: f64 = 1.1;

/// Draws the officials' implementation claims over time, one series per plan, up to the playhead.
pub fn draw_claims<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Mapping,
    size: (f64, f64),
    playhead_day: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = size;
    let font_px = if w < 640.0 { 11.0 } else { 12.0 };
    let font = |size: f64| theme.font(size);
    let bold = |size: f64| theme.bold(size);
    area.fill(&theme.background)?;
    let Some(scale) = claims_scale(m, w) else {
        return Ok(());
    };
    // The title says the figures are the officials' own, whole: on more lines where one is too
    // narrow (four in Russian in a 1024 px projector's side column), the plot starting lower.
    let title = text::wrap_bold(
        td_string!(theme.locale, chart.claims_head),
        font_px,
        w - 8.0,
        CLAIMS_TITLE_LINES,
    );
    let line_px = (font_px * 1.25).round();
    let series: Vec<(Plan, RGBColor)> = [
        (Plan::First, theme.programme),
        (Plan::Second, theme.contentious),
    ]
    .into_iter()
    .filter(|(plan, _)| m.claims.iter().any(|c| c.plan == *plan))
    .collect();
    let key = claims_key(&series, theme.locale, font_px, w);
    let key_rows = key.iter().map(|k| k.row + 1).max().unwrap_or(0);
    let (top, bottom) = (
        CLAIMS_MARGIN.1 + line_px * (title.len() + key_rows).saturating_sub(1) as f64,
        h - CLAIMS_MARGIN.3,
    );
    let y_of = |pct: f64| bottom - (bottom - top) * pct / 100.0;
    let title_style = TextStyle::from(bold(font_px))
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (k, line) in title.iter().enumerate() {
        let y = CLAIMS_MARGIN.1 / 2.0 + line_px * k as f64;
        area.draw_text(line, &title_style, (4, px(y)))?;
    }
    // Which series is which plan: under the title, each plan's name beside a mark in its colour.
    let key_style = TextStyle::from(font(font_px))
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for k in &key {
        let y = px(CLAIMS_MARGIN.1 / 2.0 + line_px * (title.len() + k.row) as f64);
        let x = px(k.x);
        area.draw(&PathElement::new(
            vec![(x, y), (x + CLAIMS_KEY_MARK_PX as i32, y)],
            k.colour.stroke_width(2),
        ))?;
        area.draw(&Circle::new(
            (x + CLAIMS_KEY_MARK_PX as i32 / 2, y),
            3,
            k.colour.filled(),
        ))?;
        area.draw_text(&k.label, &key_style, (x + CLAIMS_KEY_MARK_PX as i32 + 4, y))?;
    }
    let axis = TextStyle::from(font(font_px)).color(&theme.muted);
    for pct in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = px(y_of(pct));
        area.draw(&PathElement::new(
            vec![(px(scale.x0), y), (px(scale.x1), y)],
            theme.grid.stroke_width(1),
        ))?;
        area.draw_text(
            &format!("{pct}%"),
            &axis.pos(Pos::new(HPos::Right, VPos::Center)),
            (px(scale.x0 - 4.0), y),
        )?;
    }
    for tick in ticks::ticks(&scale, font_px) {
        let x = px(tick.x_px);
        area.draw(&PathElement::new(
            vec![(x, px(bottom)), (x, px(bottom + TICK_LEN_PX))],
            theme.muted.stroke_width(1),
        ))?;
        let label = tick.text(theme.locale);
        let centre = ticks::label_centre(tick.x_px, &label, font_px, (0.0, w));
        area.draw_text(
            &label,
            &axis.pos(Pos::new(HPos::Center, VPos::Top)),
            (px(centre), px(bottom + TICK_LEN_PX + 1.0)),
        )?;
    }

    // Every claim's point and the top of its range, which no label is to cover.
    let marks: Vec<(f64, f64)> = m
        .claims
        .iter()
        .flat_map(|c| {
            let x = scale.x_px_from_day(c.day());
            std::iter::once((x, y_of(c.percent))).chain(c.percent_high.map(|hi| (x, y_of(hi))))
        })
        .collect();
    // The latest claim of each plan's label: text, whether right of its point, place, ink.
    let mut labels = Vec::new();
    for &(plan, colour) in &series {
        let mut pts: Vec<(f64, f64, Option<f64>, bool)> = m
            .claims
            .iter()
            .filter(|c| c.plan == plan)
            .map(|c| {
                let d = c.day();
                (
                    scale.x_px_from_day(d),
                    y_of(c.percent),
                    c.percent_high.map(y_of),
                    d <= playhead_day,
                )
            })
            .collect();
        // In the order of their days, which a claim dated by its year alone may not be in the file.
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let shown: Vec<(i32, i32)> = pts
            .iter()
            .filter(|p| p.3)
            .map(|p| (px(p.0), px(p.1)))
            .collect();
        area.draw(&PathElement::new(shown, colour.stroke_width(2)))?;
        for &(x, y, high, visible) in &pts {
            if !visible {
                area.draw(&Circle::new(
                    (px(x), px(y)),
                    3,
                    colour.mix(theme.ghost_alpha).stroke_width(1),
                ))?;
                continue;
            }
            if let Some(yh) = high {
                area.draw(&PathElement::new(
                    vec![(px(x), px(y)), (px(x), px(yh))],
                    colour.stroke_width(3),
                ))?;
            }
            area.draw(&Circle::new((px(x), px(y)), 4, colour.filled()))?;
        }
        // The latest visible claim of each plan, labelled.
        if let Some(c) = m
            .claims
            .iter()
            .filter(|c| c.plan == plan && c.day() <= playhead_day)
            .max_by(|a, b| a.day().total_cmp(&b.day()))
        {
            let x = scale.x_px_from_day(c.day());
            let pct = match c.percent_high {
                Some(hi) => format!(
                    "{}–{}%",
                    local_number(c.percent, theme.locale),
                    local_number(hi, theme.locale)
                ),
                None => format!("{}%", local_number(c.percent, theme.locale)),
            };
            // The claimant by name alone: the office, in brackets, is in the list of claims as text.
            // Where the whole label has no room on either side of the point, the claimant goes, then
            // the date: the figure is what the label is for.
            let who = c.claimant.split(" (").next().unwrap_or(&c.claimant);
            let date = c.date.local(theme.locale);
            // The room on either side, to the plot's edge or to the nearest point in the label's
            // band (another plan's claims, or this plan's earlier ones, are not to be covered).
            let ly = y_of(c.percent) - 4.0;
            let in_band = |&&(mx, my): &&(f64, f64)| {
                (mx - x).abs() > 4.0 && my + 5.0 >= ly - font_px - 2.0 && my - 5.0 <= ly + 1.0
            };
            let right = marks
                .iter()
                .filter(in_band)
                .filter(|&&(mx, _)| mx > x)
                .map(|&(mx, _)| mx - 5.0 - 4.0)
                .fold(w - 4.0, f64::min)
                - x
                - 8.0;
            // What the words may take of it: their patch of background is a tenth wider.
            let words = |room: f64| (room - 2.0) / PATCH_WIDER;
            let left = x
                - 8.0
                - marks
                    .iter()
                    .filter(in_band)
                    .filter(|&&(mx, _)| mx < x)
                    .map(|&(mx, _)| mx + 5.0 + 4.0)
                    .fold(scale.x0 + 4.0, f64::max);
            let label = text::fit_first(
                &[
                    &format!("{pct} ({who}, {date})"),
                    &format!("{pct} ({date})"),
                    &pct,
                ],
                font_px,
                words(right.max(left)),
            );
            let right_side = text::width_px(&label, font_px) <= words(right);
            let lx = if right_side { x + 8.0 } else { x - 8.0 };
            labels.push((
                label,
                right_side,
                lx,
                y_of(c.percent) - 4.0,
                theme.ink(colour),
            ));
        }
    }
    if scale.shows(playhead_day, 0.0) {
        let x = px(scale.x_px_from_day(playhead_day));
        area.draw(&PathElement::new(
            vec![(x, px(top)), (x, px(bottom))],
            theme.playhead.stroke_width(2),
        ))?;
    }
    // The labels last, each on a patch of the background, so that the playhead's line and the faint
    // claims still to come do not run through them.
    for (label, right_side, lx, ly, ink) in labels {
        let w = text::width_px(&label, font_px) * PATCH_WIDER + 4.0;
        let x0 = if right_side { lx - 2.0 } else { lx - w + 2.0 };
        let anchor = if right_side { HPos::Left } else { HPos::Right };
        area.draw(&Rectangle::new(
            [(px(x0), px(ly - font_px - 2.0)), (px(x0 + w), px(ly + 1.0))],
            theme.background.mix(0.85).filled(),
        ))?;
        let style = TextStyle::from(font(font_px))
            .color(&ink)
            .pos(Pos::new(anchor, VPos::Bottom));
        area.draw_text(&label, &style, (px(lx), px(ly)))?;
    }
    Ok(())
}
