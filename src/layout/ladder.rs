//! Layout of the depth view: one row per sector, each a small step chart over time of what had been
//! declared and what had been delivered, derived from the provisions' dated fates.
//! Coordinates are CSS px from the canvas's top-left; time is in days.

use super::lanes::Rect;
use super::scale::TimeScale;
use super::text;
use super::ticks::{self, Tick};
use crate::i18n::{td_string, Locale};
use crate::model::date::local_number;
use crate::model::Depth;

/// Below this canvas width (CSS px) the ladder uses its compact sizes.
pub const NARROW_WIDTH_PX: f64 = 640.0;

/// Sizes that depend on the canvas width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Whether compact sizes are in use.
    pub narrow: bool,
    /// Label font, px.
    pub font_px: f64,
    /// Width of the sector-label column, px (where the names are beside the rows, not above them).
    pub label_w_px: f64,
    /// Height of the time axis, px.
    pub axis_px: f64,
    /// Gap between rows, px.
    pub row_gap_px: f64,
    /// Radius of a mark, px.
    pub mark_r_px: f64,
}

impl Metrics {
    fn for_width(width: f64) -> Metrics {
        let narrow = width < NARROW_WIDTH_PX;
        Metrics {
            narrow,
            font_px: if narrow { 11.0 } else { 13.0 },
            // Narrow, the column takes a share of the width: at 96 px "Military security" and
            // "Военная безопасность" were cut to a word at 600 px (a projector's compact layout).
            label_w_px: if narrow {
                (width * 0.28).clamp(96.0, 170.0)
            } else {
                190.0
            },
            axis_px: 24.0,
            row_gap_px: if narrow { 4.0 } else { 6.0 },
            mark_r_px: if narrow { 3.5 } else { 4.5 },
        }
    }

    /// The sizes for a `width` x `height` canvas of `n` rows: a wide canvas too short for its rows at
    /// the wide sizes takes the narrow one's type, gaps and marks (keeping its names beside the
    /// rows), so that its rows and its time axis fit rather than the frame scrolling them out of
    /// sight (a small embedded frame under a story's caption and the key).
    fn for_size(width: f64, height: f64, n: usize) -> Metrics {
        let mt = Metrics::for_width(width);
        if mt.narrow || height >= mt.least_height(n) {
            mt
        } else {
            Metrics {
                font_px: 11.0,
                row_gap_px: 4.0,
                mark_r_px: 3.5,
                ..mt
            }
        }
    }

    /// The least height at which each of `n` rows keeps a line for its sector's name and room for its
    /// levels, with the time axis under them.
    fn least_height(&self, n: usize) -> f64 {
        let top = (self.mark_reach_px() - LEVEL_INSET_PX).max(0.0);
        top + n.max(1) as f64 * (least_band_px(self) + self.row_gap_px) + self.axis_px
    }
}

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A provision being declared.
    Declared,
    /// An outcome of a provision (its index among the provision's outcomes).
    Outcome(usize),
}

/// A clickable mark: a declaration on the "declared" line or an outcome on the "delivered" line.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Index into [`Depth::provisions`].
    pub provision: usize,
    /// Which event of the provision.
    pub kind: MarkKind,
    /// Day of the mark.
    pub day: f64,
    /// Position, px.
    pub x: f64,
    /// Position, px.
    pub y: f64,
}

/// One sector's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into [`Depth::sectors`].
    pub sector: usize,
    /// The row's chart area (right of the names' column, or under the row's heading).
    pub plot: Rect,
    /// The top of the row's band: the plot's top, or its heading's where the name is above it.
    pub band_top: f64,
    /// Where the sector's name and its figures go.
    pub text: RowText,
    /// The most provisions ever declared in the sector (the row's y scale).
    pub max_declared: f64,
    /// Days on which a level changes.
    pub change_days: Vec<f64>,
}

/// Where a row's name and its figures (declared and delivered at the playhead) are drawn: in the
/// column left of the row, or, in a narrow chart whose rows have the height for it, as a heading above
/// the row, which then takes the whole width.
#[derive(Debug, Clone, PartialEq)]
pub struct RowText {
    /// The name's lines (one or two), the last cut to its room if it must be.
    pub name: Vec<String>,
    /// Top-left of the name's first line, px.
    pub name_at: (f64, f64),
    /// Distance between the name's lines, px.
    pub line_px: f64,
    /// Top-left of the figures, px, or `None` where the row has no room for them.
    pub figures_at: Option<(f64, f64)>,
    /// The widest the figures may be drawn, px (they are cut beyond).
    pub figures_room: f64,
}

/// The figures a row gives for a level, in `locale`: "7 declared · 6.5 delivered".
pub fn figures(locale: Locale, declared: f64, delivered: f64) -> String {
    td_string!(
        locale,
        chart.level,
        declared = local_number(declared, locale),
        delivered = local_number(delivered, locale)
    )
}

/// The ladder's geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderLayout {
    /// Canvas width, px.
    pub width: f64,
    /// Canvas height, px.
    pub height: f64,
    /// Sizes in use.
    pub metrics: Metrics,
    /// The time scale shared by all rows.
    pub scale: TimeScale,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
    /// Rows, top to bottom.
    pub rows: Vec<Row>,
    /// Every mark.
    pub marks: Vec<Mark>,
}

/// How far inside its row a level's line keeps from the row's top and bottom, px: more than a mark's
/// radius, so that a mark on the top level stays inside its row however short the row (at 3 px, in a
/// 640 x 360 embedded chart with its key, marks stood past their rows into the ones above).
const LEVEL_INSET_PX: f64 = 5.0;

/// The least height of a row's chart under a heading: below it the names go beside the rows.
const HEADED_PLOT_MIN_PX: f64 = 26.0;

/// Room between a name and the figures after it on one line, px.
const FIGURES_GAP_PX: f64 = 10.0;

impl Row {
    /// The y of a level in this row (0 at the bottom, `max_declared` at the top).
    pub fn y_of(&self, level: f64) -> f64 {
        let inner = (self.plot.h - 2.0 * LEVEL_INSET_PX).max(1.0);
        self.plot.bottom() - LEVEL_INSET_PX - inner * (level / self.max_declared.max(1.0))
    }
}

impl Metrics {
    /// Radius of the ring round a selected mark (4 px outside it, drawn with a 2 px line), px.
    pub fn ring_r_px(&self) -> f64 {
        (self.mark_r_px + 4.0).round()
    }

    /// How far a mark reaches from its centre when selected: to the outer edge of its ring, px.
    pub fn mark_reach_px(&self) -> f64 {
        self.ring_r_px() + 1.0
    }
}

/// The least height, px, at which each of the ladder's rows keeps a line for its sector's name and
/// room for its levels on a `width` px canvas, at the smallest sizes it takes. A shorter canvas would
/// draw rows over each other and past the time axis (a small embedded frame); the canvas keeps this
/// height instead and its frame scrolls.
pub fn min_height(d: &Depth, width: f64) -> f64 {
    let n = d.sectors.len();
    Metrics::for_size(width.max(1.0), 0.0, n).least_height(n)
}

/// The least height of a row's band: a line of the name's type, with 3 px above and below it.
fn least_band_px(mt: &Metrics) -> f64 {
    mt.font_px + 3.0 + 3.0
}

/// Lays the ladder out on a `width` x `height` canvas for the days `[t0, t1]`, its figures in `locale`.
pub fn layout(
    d: &Depth,
    locale: Locale,
    width: f64,
    height: f64,
    (t0, t1): (f64, f64),
) -> LadderLayout {
    let width = width.max(1.0);
    let height = height.max(1.0);
    let mut mt = Metrics::for_size(width, height, d.sectors.len());
    // Wide, the names' column as wide as the longest name needs on one line, up to 28 % of the width
    // and 250 px (at 190 px "Информационная безопасность" was cut in rows too short for two lines).
    if !mt.narrow {
        let widest = d
            .sectors
            .iter()
            .map(|s| text::width_px(&s.label, mt.font_px) * text::BOLD_WIDER + 8.0)
            .fold(0.0, f64::max);
        mt.label_w_px = widest.min(width * 0.28).min(250.0).max(mt.label_w_px);
    }
    let n = d.sectors.len().max(1) as f64;
    let line_px = mt.font_px + 3.0;
    let figures_px = mt.font_px - 2.0;
    // Each sector's days of change and the most it ever declared (its row's y scale).
    let changes: Vec<(Vec<f64>, f64)> = (0..d.sectors.len())
        .map(|s| {
            let days = d.change_days(s);
            let most = days
                .iter()
                .map(|&t| d.level(s, t).declared)
                .fold(1.0, f64::max);
            (days, most)
        })
        .collect();
    // The widest figures a row can show: its most declared, and a half fewer delivered.
    let widths: Vec<f64> = changes
        .iter()
        .map(|&(_, most)| text::width_px(&figures(locale, most, most - 0.5), figures_px))
        .collect();
    let widest = |s: usize| widths[s];
    let names: Vec<&str> = d.sectors.iter().map(|s| s.label.as_str()).collect();
    // Narrow, each name goes above its row where the rows keep a usable height under it: on one line
    // with the figures after it, else (in every row, if any needs it) name and figures on a line each.
    let room = width - 8.0 - 10.0;
    let one_line = |s: usize| {
        text::width_px(names[s], mt.font_px) * text::BOLD_WIDER + FIGURES_GAP_PX + widest(s) <= room
    };
    let lines_above = if (0..names.len()).all(one_line) { 1 } else { 2 };
    let head_px = |lines: u8| f64::from(lines) * line_px + 2.0;
    let band = |top: f64| ((height - top - mt.axis_px) / n - mt.row_gap_px).max(8.0);
    let headed = if !mt.narrow {
        None
    } else if band(0.0) - head_px(lines_above) >= HEADED_PLOT_MIN_PX {
        Some(lines_above)
    } else if band(0.0) - head_px(1) >= HEADED_PLOT_MIN_PX {
        Some(1)
    } else {
        None
    };
    let (top, plot_x0, head_h) = match headed {
        // A selected mark's ring on a row's top level reaches into the heading's foot, not past the
        // canvas.
        Some(lines) => (0.0, 6.0, head_px(lines)),
        // Room above the first row, so that a mark on its top level is not cut off by the canvas's
        // edge.
        None => (
            (mt.mark_reach_px() - LEVEL_INSET_PX).max(0.0),
            mt.label_w_px,
            0.0,
        ),
    };
    let scale = TimeScale::new(t0, t1, plot_x0, width - 10.0);
    let band_h = band(top);
    let rows: Vec<Row> = (0..d.sectors.len())
        .zip(changes)
        .map(|(s, (change_days, max_declared))| {
            let band_top = top + (band_h + mt.row_gap_px) * s as f64;
            let plot = Rect {
                x: scale.x0,
                y: band_top + head_h,
                w: scale.x1 - scale.x0,
                h: band_h - head_h,
            };
            let name = names[s];
            let text = match headed {
                Some(1) if one_line(s) => RowText {
                    name: vec![name.to_owned()],
                    name_at: (4.0, band_top + 2.0),
                    line_px,
                    figures_at: Some((
                        4.0 + text::width_px(name, mt.font_px) * text::BOLD_WIDER + FIGURES_GAP_PX,
                        band_top + 2.0 + (mt.font_px - figures_px),
                    )),
                    figures_room: widest(s),
                },
                Some(2) => RowText {
                    name: vec![text::truncate(name, mt.font_px, room / text::BOLD_WIDER)],
                    name_at: (4.0, band_top + 2.0),
                    line_px,
                    figures_at: Some((4.0, band_top + 2.0 + line_px)),
                    figures_room: room,
                },
                // One line, too short for both: the figures whole, the name cut to the rest.
                Some(_) => {
                    let figures_x = room - widest(s) + 4.0;
                    RowText {
                        name: vec![text::truncate(
                            name,
                            mt.font_px,
                            (figures_x - 4.0 - FIGURES_GAP_PX) / text::BOLD_WIDER,
                        )],
                        name_at: (4.0, band_top + 2.0),
                        line_px,
                        figures_at: Some((figures_x, band_top + 2.0 + (mt.font_px - figures_px))),
                        figures_room: widest(s),
                    }
                }
                // Beside the row: on one line where it fits, else on two where the row has room for
                // them and the figures under them, the second cut if it must be.
                None => {
                    let room = mt.label_w_px - 8.0;
                    // As many lines as the row has room for beside its figures' line, up to three.
                    let lines = ((band_h - 3.0) / line_px - 1.0).floor().clamp(1.0, 3.0) as usize;
                    let name = if text::width_px(name, mt.font_px) > room && lines > 1 {
                        text::wrap_bold(name, mt.font_px, room * text::SLACK, lines)
                    } else {
                        vec![text::truncate(name, mt.font_px, room)]
                    };
                    let figures_y = band_top + 3.0 + line_px * name.len() as f64;
                    RowText {
                        name_at: (4.0, band_top + 3.0),
                        line_px,
                        figures_at: (band_top + band_h >= figures_y + mt.font_px)
                            .then_some((4.0, figures_y)),
                        figures_room: room,
                        name,
                    }
                }
            };
            Row {
                sector: s,
                plot,
                band_top,
                text,
                max_declared,
                change_days,
            }
        })
        .collect();
    let mut marks = Vec::new();
    for (i, p) in d.provisions.iter().enumerate() {
        let Some(row) = rows.get(p.sector) else {
            continue;
        };
        let day = p.declared.first_day().as_f64();
        marks.push(Mark {
            provision: i,
            kind: MarkKind::Declared,
            day,
            x: scale.x_px_from_day(day),
            y: row.y_of(d.level(p.sector, day).declared),
        });
        for (k, o) in p.outcomes.iter().enumerate() {
            let day = o.day().as_f64();
            marks.push(Mark {
                provision: i,
                kind: MarkKind::Outcome(k),
                day,
                x: scale.x_px_from_day(day),
                y: row.y_of(d.level(p.sector, day).delivered),
            });
        }
    }
    LadderLayout {
        width,
        height,
        metrics: mt,
        ticks: ticks::ticks(&scale, mt.font_px - 1.0),
        scale,
        rows,
        marks,
    }
}

impl LadderLayout {
    /// The mark nearest `(x, y)` within `slop_px`, or else the sector row under the point.
    pub fn hit(&self, x: f64, y: f64, slop_px: f64) -> Option<LadderHit> {
        let r = self.metrics.mark_r_px + slop_px;
        let best = self
            .marks
            .iter()
            .enumerate()
            .map(|(i, m)| (i, (m.x - x).hypot(m.y - y)))
            .filter(|&(_, d)| d <= r)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = best {
            return Some(LadderHit::Mark(i));
        }
        self.rows
            .iter()
            .find(|row| y >= row.band_top && y <= row.plot.bottom() && x >= 0.0 && x <= self.width)
            .map(|row| LadderHit::Sector(row.sector))
    }
}

/// What the pointer is over in the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LadderHit {
    /// A mark (index into [`LadderLayout::marks`]).
    Mark(usize),
    /// A sector's row.
    Sector(usize),
}
