//! Layout of the depth view: one row per sector, each a small step chart over time of what had been
//! declared and what had been delivered, derived from the provisions' dated fates.
//! Coordinates are CSS px from the canvas's top-left; time is in days.

use super::lanes::Rect;
use super::scale::TimeScale;
use super::text;
use super::ticks::{self, Tick};
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
    /// Width of the sector-label column, px.
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
            label_w_px: if narrow { 96.0 } else { 190.0 },
            axis_px: 24.0,
            row_gap_px: if narrow { 4.0 } else { 6.0 },
            mark_r_px: if narrow { 3.5 } else { 4.5 },
        }
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
    /// The row's chart area (right of the label).
    pub plot: Rect,
    /// Sector name, truncated.
    pub label: String,
    /// The most provisions ever declared in the sector (the row's y scale).
    pub max_declared: f64,
    /// Days on which a level changes.
    pub change_days: Vec<f64>,
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

/// How far inside its row a level's line keeps from the row's top and bottom, px.
const LEVEL_INSET_PX: f64 = 3.0;

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

/// Lays the ladder out on a `width` x `height` canvas for the days `[t0, t1]`.
pub fn layout(d: &Depth, width: f64, height: f64, (t0, t1): (f64, f64)) -> LadderLayout {
    let width = width.max(1.0);
    let height = height.max(1.0);
    let mt = Metrics::for_width(width);
    let scale = TimeScale::new(t0, t1, mt.label_w_px, width - 10.0);
    let n = d.sectors.len().max(1) as f64;
    // Room above the first row, so that a mark on its top level is not cut off by the canvas's edge.
    let top = (mt.mark_reach_px() - LEVEL_INSET_PX).max(0.0);
    let row_h = ((height - top - mt.axis_px) / n - mt.row_gap_px).max(8.0);
    let rows: Vec<Row> = (0..d.sectors.len())
        .map(|s| {
            let change_days = d.change_days(s);
            let max_declared = change_days
                .iter()
                .map(|&t| d.level(s, t).declared)
                .fold(1.0, f64::max);
            Row {
                sector: s,
                plot: Rect {
                    x: scale.x0,
                    y: top + (row_h + mt.row_gap_px) * s as f64,
                    w: scale.x1 - scale.x0,
                    h: row_h,
                },
                label: text::truncate(&d.sectors[s].label, mt.font_px, mt.label_w_px - 8.0),
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
            let day = o.date.first_day().as_f64();
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
            .find(|row| y >= row.plot.y && y <= row.plot.bottom() && x >= 0.0 && x <= self.width)
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
