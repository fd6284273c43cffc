//! The legend under a chart in an exported image, so that a figure pasted into a slide or a paper says
//! what its marks mean, as the page does beside the chart: each mark drawn by the code that draws it in
//! the chart, with the words of the page's legend, and a last line saying what the figure shows (the
//! view, the playhead's date and the dataset's title).

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{Theme, DASH_PX};
use super::{mapping, membership, timeline};
use crate::i18n::{td_string, Locale};
use crate::layout::bipartite::RoadMapPhase;
use crate::layout::text;
use crate::model::{Evidence, MemberStatus, RoadMapStatus, Standing};

/// The chart a legend is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// The timeline of events.
    Timeline,
    /// The road maps and the union programmes.
    Mapping,
    /// The memberships' matrix.
    Membership,
    /// The depth ladder.
    Depth,
}

/// A mark of a chart, as the legend shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Glyph {
    /// An event: a disc.
    Event,
    /// An act never implemented, reversed, shelved or terminated: a ring.
    Undelivered,
    /// An event with a span: its disc and the bar to its end, filled as far as the playhead.
    Span,
    /// An event after the playhead's date: a faint outline.
    Ahead,
    /// A road map in a phase.
    RoadMap(RoadMapPhase),
    /// A union programme.
    Programme,
    /// A link from a road map to a programme, documented or inferred.
    Link(Evidence),
    /// A standing in an organisation.
    Standing(Standing),
    /// What was declared: the dashed line.
    Declared,
    /// What was delivered: the solid line.
    Delivered,
    /// The gap between them, shaded.
    Gap,
}

/// One entry of a legend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The mark.
    pub glyph: Glyph,
    /// What it means, in the page's words.
    pub label: &'static str,
}

/// The legend of `chart`, in `l`: the entries of the legend beside the chart on the page, in order.
pub fn items(chart: Chart, l: Locale) -> Vec<Item> {
    let item = |glyph, label| Item { glyph, label };
    match chart {
        Chart::Timeline => vec![
            item(Glyph::Event, td_string!(l, legend.timeline_event)),
            item(
                Glyph::Undelivered,
                td_string!(l, legend.timeline_undelivered),
            ),
            item(Glyph::Span, td_string!(l, legend.timeline_span)),
            item(Glyph::Ahead, td_string!(l, legend.timeline_ahead)),
        ],
        Chart::Mapping => {
            let settled = |s| Glyph::RoadMap(RoadMapPhase::Settled(s));
            vec![
                item(settled(RoadMapStatus::Agreed), td_string!(l, legend.agreed)),
                item(
                    settled(RoadMapStatus::Contentious),
                    td_string!(l, legend.contentious),
                ),
                item(
                    settled(RoadMapStatus::Excluded),
                    td_string!(l, legend.excluded),
                ),
                item(
                    settled(RoadMapStatus::Shelved),
                    td_string!(l, legend.shelved),
                ),
                item(
                    Glyph::RoadMap(RoadMapPhase::Negotiating),
                    td_string!(l, legend.pending),
                ),
                item(Glyph::Programme, td_string!(l, legend.programme)),
                item(
                    Glyph::Link(Evidence::Documented),
                    td_string!(l, legend.documented),
                ),
                item(
                    Glyph::Link(Evidence::Inferred),
                    td_string!(l, legend.inferred),
                ),
            ]
        }
        Chart::Membership => {
            let is = |s| Glyph::Standing(Standing::Is(s));
            vec![
                item(is(MemberStatus::Member), td_string!(l, membership.l_member)),
                item(
                    is(MemberStatus::Associate),
                    td_string!(l, membership.l_associate),
                ),
                item(
                    is(MemberStatus::Observer),
                    td_string!(l, membership.l_observer),
                ),
                item(
                    is(MemberStatus::Participant),
                    td_string!(l, membership.l_participant),
                ),
                item(
                    is(MemberStatus::Suspended),
                    td_string!(l, membership.l_suspended),
                ),
                item(
                    is(MemberStatus::ExitPending),
                    td_string!(l, membership.l_leaving),
                ),
                item(
                    Glyph::Standing(Standing::Left),
                    td_string!(l, membership.l_left),
                ),
            ]
        }
        Chart::Depth => vec![
            item(Glyph::Declared, td_string!(l, depth.legend_declared)),
            item(Glyph::Delivered, td_string!(l, depth.legend_delivered)),
            item(Glyph::Gap, td_string!(l, depth.legend_gap)),
        ],
    }
}

/// Type size of the legend, px.
pub const FONT_PX: f64 = 12.0;
/// Lines the caption may take before its end is cut.
const CAPTION_LINES: usize = 3;
/// Width of the box a mark is drawn in, px.
const GLYPH_W_PX: f64 = 28.0;
/// Space between a mark and its words, and after an entry, px.
const GAP_PX: (f64, f64) = (6.0, 18.0);
/// Height of a row, px.
const ROW_PX: f64 = 22.0;
/// Margin round the legend, px.
const PAD_PX: f64 = 10.0;
/// Distance between the lines of an entry or the caption, px.
pub const CAPTION_LINE_PX: f64 = 16.0;

/// Where each entry and the last line go.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendLayout {
    /// Left edge and vertical centre of each entry's mark, px, in the order of the entries.
    pub spots: Vec<(f64, f64)>,
    /// Each entry's words: on one line, or on two ([`CAPTION_LINE_PX`] apart, the first centred on
    /// its mark) where one alone is too wide for a row, the second cut if it must be.
    pub labels: Vec<Vec<String>>,
    /// The caption under the entries, on one line or two (the second cut to the width if it must
    /// be: a long dataset title in a narrow export was cut mid-word), and its first line's vertical
    /// centre; the lines are [`CAPTION_LINE_PX`] apart.
    pub caption: (Vec<String>, f64),
    /// The legend's width and height, px.
    pub size: (f64, f64),
}

/// Lays `items` out in rows across `width` px (an entry never split between rows, the words given
/// room for a wide face, on two lines where one alone is too wide for a row), with `caption` as the last
/// line (or lines: three at most, enough for a chart in the side column's width in Russian).
pub fn layout(items: &[Item], caption: &str, width: f64) -> LegendLayout {
    let inner = (width - 2.0 * PAD_PX).max(GLYPH_W_PX);
    let room = |label: &str| text::width_px(label, FONT_PX) * text::SLACK;
    let words = (inner - GLYPH_W_PX - GAP_PX.0).max(0.0);
    // The top of the row being filled, its height, and how far across it is filled.
    let (mut top, mut row_h, mut x) = (PAD_PX, ROW_PX, 0.0);
    let (mut spots, mut labels) = (Vec::new(), Vec::new());
    for it in items {
        let lines: Vec<String> = if room(it.label) <= words {
            vec![it.label.to_owned()]
        } else {
            text::wrap_bold(it.label, FONT_PX, words, 2)
                .iter()
                .map(|l| text::truncate(l, FONT_PX, words / text::SLACK))
                .collect()
        };
        let widest = lines.iter().map(|l| room(l)).fold(0.0, f64::max);
        let w = GLYPH_W_PX + GAP_PX.0 + widest.min(words);
        if x > 0.0 && x + w > inner {
            (top, row_h, x) = (top + row_h, ROW_PX, 0.0);
        }
        row_h = row_h.max(ROW_PX + CAPTION_LINE_PX * (lines.len() - 1) as f64);
        spots.push((PAD_PX + x, top + ROW_PX / 2.0));
        labels.push(lines);
        x += w + GAP_PX.1;
    }
    let rows_bottom = if items.is_empty() { top } else { top + row_h };
    let caption_y = rows_bottom + ROW_PX / 2.0;
    let caption = if text::width_px(caption, FONT_PX) * text::SLACK <= inner {
        vec![caption.to_owned()]
    } else {
        text::wrap_bold(caption, FONT_PX, inner, CAPTION_LINES)
    };
    let last = caption_y + CAPTION_LINE_PX * (caption.len().max(1) - 1) as f64;
    LegendLayout {
        spots,
        labels,
        caption: (caption, caption_y),
        size: (width, last + ROW_PX / 2.0 + PAD_PX),
    }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws one mark in the box whose left edge and centre are `(x, y)`.
fn draw_glyph<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    glyph: Glyph,
    (x, y): (f64, f64),
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // The timeline's marks in one neutral colour: on the chart, the lane gives the colour.
    let neutral = theme.muted;
    let r = 6;
    let (left, right, mid, cy) = (px(x), px(x + GLYPH_W_PX), px(x + GLYPH_W_PX / 2.0), px(y));
    // A 14 px square in the middle of the box (a membership's cell), or a node 12 x 14 (a road map's,
    // a programme's), and a line across the box.
    let half = 7.0;
    let square = (
        x + GLYPH_W_PX / 2.0 - half,
        y - half,
        x + GLYPH_W_PX / 2.0 + half,
        y + half,
    );
    let node = [
        (px(square.0 + 1.0), px(square.1)),
        (px(square.2 - 1.0), px(square.3)),
    ];
    let line = || vec![(left, cy), (right, cy)];
    match glyph {
        Glyph::Event | Glyph::Undelivered => timeline::draw_marker(
            area,
            (mid, cy),
            r,
            neutral.mix(1.0),
            glyph == Glyph::Undelivered,
            theme,
        ),
        Glyph::Span => {
            // Outlined along its whole length and filled as far as the playhead (two thirds of the
            // way), as the timeline draws them.
            let (top, bottom, cut) = (px(y - 4.0), px(y + 4.0), left + 19);
            let line = neutral.mix(theme.ghost_alpha).filled();
            for side in [
                [(left + 6, top - 1), (right, top)],
                [(left + 6, bottom), (right, bottom + 1)],
                [(right - 1, top), (right, bottom)],
            ] {
                area.draw(&Rectangle::new(side, line))?;
            }
            area.draw(&Rectangle::new(
                [(left + 6, top), (cut, bottom)],
                neutral.mix(theme.bar_alpha).filled(),
            ))?;
            timeline::draw_marker(area, (left + 6, cy), r, neutral.mix(1.0), false, theme)
        }
        Glyph::Ahead => area.draw(&Circle::new(
            (mid, cy),
            4,
            neutral.mix(theme.ghost_alpha).stroke_width(1),
        )),
        Glyph::RoadMap(phase) => mapping::draw_road_map_mark(area, phase, node, 1.0, theme),
        Glyph::Programme => area.draw(&Rectangle::new(node, theme.programme.filled())),
        Glyph::Link(evidence) => {
            let style = neutral.stroke_width(3);
            match evidence {
                Evidence::Documented => area.draw(&PathElement::new(line(), style)),
                Evidence::Inferred => {
                    area.draw(&DashedPathElement::new(line(), DASH_PX.0, DASH_PX.1, style))
                }
            }
        }
        Glyph::Standing(s) => membership::draw_mark(area, s, square, 1.0, theme),
        Glyph::Declared => area.draw(&DashedPathElement::new(
            line(),
            DASH_PX.0,
            DASH_PX.1,
            theme.declared.stroke_width(2),
        )),
        Glyph::Delivered => area.draw(&PathElement::new(line(), theme.delivered.stroke_width(3))),
        Glyph::Gap => area.draw(&Rectangle::new(
            [(left, px(y - 6.0)), (right, px(y + 6.0))],
            theme.gap.mix(0.22).filled(),
        )),
    }
}

/// Draws the legend laid out by [`layout`] into `area`, over the background, under a rule.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[Item],
    g: &LegendLayout,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
    area.draw(&PathElement::new(
        vec![(0, 0), (px(g.size.0), 0)],
        theme.grid.stroke_width(1),
    ))?;
    let words = TextStyle::from(theme.font(FONT_PX))
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for ((it, &(x, y)), lines) in items.iter().zip(&g.spots).zip(&g.labels) {
        draw_glyph(area, it.glyph, (x, y), theme)?;
        for (k, line) in lines.iter().enumerate() {
            let at = (x + GLYPH_W_PX + GAP_PX.0, y + CAPTION_LINE_PX * k as f64);
            area.draw_text(line, &words, (px(at.0), px(at.1)))?;
        }
    }
    let muted = TextStyle::from(theme.font(FONT_PX))
        .color(&theme.muted)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (k, line) in g.caption.0.iter().enumerate() {
        let y = g.caption.1 + CAPTION_LINE_PX * k as f64;
        area.draw_text(line, &muted, (px(PAD_PX), px(y)))?;
    }
    Ok(())
}
