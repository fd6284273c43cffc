//! The timeline's geometry: lanes, rows, marker positions and label placement.
//!
//! [`place`] depends only on the dataset, the canvas size and the visible window, not on the playhead,
//! so it is computed when the user zooms, pans or resizes and reused for every animation frame. Events
//! outside the window are culled. Within a lane, markers are packed into rows so they never overlap
//! while there is a free row; a label then gets the space up to the next marker in its row (or the
//! plot's edge), truncated to fit, so labels never overlap markers or each other.

use super::scale::{TimeScale, Window};
use super::text;
use super::ticks::{self, Tick};
use crate::model::Dataset;

/// Below this canvas width (CSS px) the timeline switches to its compact phone layout.
pub const NARROW_WIDTH_PX: f64 = 640.0;

/// Sizes that depend on the canvas width: comfortable on a projector, compact on a phone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Whether the compact layout is in use.
    pub narrow: bool,
    /// Width of the lane-label gutter on the left, px (0 when labels sit inside the lanes).
    pub gutter_px: f64,
    /// Height of the era-name strip at the top, px: one line ([`Metrics::era_line_px`]) or two
    /// ([`era_strip_for`]).
    pub era_strip_px: f64,
    /// Height of an era-name strip of one line, px.
    pub era_line_px: f64,
    /// Height of the time axis at the bottom, px.
    pub axis_px: f64,
    /// Font size of event labels, px.
    pub label_font_px: f64,
    /// Font size of axis, lane and era labels, px.
    pub axis_font_px: f64,
    /// Height of one row of markers in a lane, px.
    pub row_px: f64,
    /// Radius of an event marker, px.
    pub marker_r_px: f64,
    /// Height of a range bar, px.
    pub bar_px: f64,
    /// Widest label, px.
    pub label_max_px: f64,
    /// Narrowest label worth drawing, px.
    pub label_min_px: f64,
    /// Space between a marker and its label, and between neighbours, px.
    pub gap_px: f64,
    /// Right padding of the plot, px.
    pub right_pad_px: f64,
}

impl Metrics {
    /// The metrics for a canvas `width_px` wide.
    pub fn for_width(width_px: f64) -> Metrics {
        let narrow = width_px < NARROW_WIDTH_PX;
        let label_font_px = if narrow { 11.0 } else { 13.0 };
        Metrics {
            narrow,
            gutter_px: if narrow { 6.0 } else { 150.0 },
            era_strip_px: if narrow { 18.0 } else { 22.0 },
            era_line_px: if narrow { 18.0 } else { 22.0 },
            axis_px: if narrow { 26.0 } else { 30.0 },
            label_font_px,
            axis_font_px: if narrow { 11.0 } else { 12.0 },
            row_px: label_font_px + 11.0,
            marker_r_px: if narrow { 5.0 } else { 6.0 },
            bar_px: if narrow { 6.0 } else { 8.0 },
            label_max_px: if narrow { 180.0 } else { 220.0 },
            label_min_px: 28.0,
            gap_px: 4.0,
            right_pad_px: if narrow { 6.0 } else { 16.0 },
        }
    }
}

/// An axis-aligned rectangle in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the point lies inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
}

/// One lane (track) on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Index into [`Dataset::tracks`].
    pub track: usize,
    /// The lane's box, spanning the plot's width.
    pub rect: Rect,
    /// Top of the first marker row (below the in-lane label in the compact layout).
    pub rows_top: f64,
    /// Number of marker rows.
    pub rows: usize,
    /// Height of each row: the metrics' own, or less in a lane too short for one such row.
    pub row_h: f64,
    /// Whether the compact layout draws the lane's name on top of its rows: not in a lane too short
    /// to keep a row of markers under it (the name would be drawn over them).
    pub named: bool,
}

/// An era band on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEra {
    /// Index into [`Dataset::eras`].
    pub era: usize,
    /// Left edge, clipped to the plot.
    pub x0: f64,
    /// Right edge, clipped to the plot.
    pub x1: f64,
    /// The era's name in the band's width: on one line, or on two where the strip has them and one
    /// would be cut ("Post-Soviet / beginnings"), each cut if it must be; none where nothing fits.
    pub lines: Vec<String>,
}

/// An event on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEvent {
    /// Index into [`Dataset::events`].
    pub event: usize,
    /// Anchor day (when the playhead shows it).
    pub anchor_day: f64,
    /// x of the marker centre.
    pub x_px: f64,
    /// x of the end of the range bar, for ranges.
    pub x_end_px: Option<f64>,
    /// y of the marker centre.
    pub y_px: f64,
    /// Label text, truncated to its space, if any fits.
    pub label: Option<String>,
    /// Left edge of the label.
    pub label_x_px: f64,
}

/// Everything about the timeline's geometry that does not change while the playhead moves.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Canvas width, px.
    pub width: f64,
    /// Canvas height, px.
    pub height: f64,
    /// Sizes in use.
    pub metrics: Metrics,
    /// The plotting area (lanes), excluding gutter, era strip and axis.
    pub plot: Rect,
    /// Time scale across the plot.
    pub scale: TimeScale,
    /// Lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Era bands intersecting the window.
    pub eras: Vec<PlacedEra>,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
    /// Visible events, in date order.
    pub events: Vec<PlacedEvent>,
}

/// How a lane `lane_h` px tall holds its rows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LaneRows {
    /// Whether the lane's name sits on top of its rows (the compact layout, where there is room).
    named: bool,
    /// The first row's top, below the lane's, px.
    top: f64,
    /// How many rows of markers.
    rows: usize,
    /// The height of a row, px.
    row_h: f64,
}

/// The rows of a lane `lane_h` px tall. A lane always has a row, inside it: in a very short chart (an
/// embedded one with its key shown, in the projector's type) the row is made lower, and the compact
/// layout's name on top of the rows gives way to it where both do not fit.
fn lane_rows(lane_h: f64, m: &Metrics) -> LaneRows {
    let in_lane_label = if m.narrow { m.axis_font_px + 4.0 } else { 0.0 };
    let least_row = 2.0 * m.marker_r_px + 2.0;
    let named = m.narrow && lane_h - in_lane_label - 2.0 >= least_row;
    let top = if named { in_lane_label } else { 0.0 } + 2.0;
    let room = (lane_h - top).max(1.0);
    LaneRows {
        named,
        top,
        rows: ((room / m.row_px).floor() as usize).max(1),
        row_h: m.row_px.min(room),
    }
}

/// The distance between the two lines of an era's name, px.
pub fn era_name_pitch(m: &Metrics) -> f64 {
    m.axis_font_px + 1.0
}

/// The era strip's height on a canvas `height` px tall with `tracks` lanes: two lines of names where
/// the lanes keep the rows they have under one (so that the taller strip costs no row), else one. It
/// depends on the canvas alone, not on the window shown, so that zooming moves no lane.
pub fn era_strip_for(height: f64, m: &Metrics, tracks: usize) -> f64 {
    let lanes = |strip: f64| {
        lane_rows(
            (height - strip - m.axis_px).max(1.0) / tracks.max(1) as f64,
            m,
        )
    };
    let two = m.era_line_px + era_name_pitch(m);
    if lanes(two) == lanes(m.era_line_px) {
        two
    } else {
        m.era_line_px
    }
}

/// The fewest letters of a word an era's name, cut, keeps before its ellipsis: fewer ("P… be…",
/// "R… m…" on a phone) say nothing of the era and are noise over its band.
const ERA_LEAST_LETTERS: usize = 3;

/// An era's name in a band `room` px wide: on one line, cut if it must be; on two where the strip has
/// them and they show more of it, each cut if it must be. No line where nothing fits, nor where a line
/// would be cut to fewer than [`ERA_LEAST_LETTERS`] letters.
fn era_lines(name: &str, room: f64, m: &Metrics) -> Vec<String> {
    let stub = |l: &String| {
        l.ends_with('…') && l.trim_end_matches('…').chars().count() < ERA_LEAST_LETTERS
    };
    let one = text::truncate(name, m.axis_font_px, room);
    let mut lines = vec![one.clone()];
    if one != name && m.era_strip_px > m.era_line_px {
        let two = text::wrap_cut(name, m.axis_font_px, room * text::SLACK, 2);
        let shown = |lines: &[String]| -> usize {
            lines
                .iter()
                .map(|l| l.trim_end_matches('…').chars().count())
                .sum()
        };
        if !two.iter().any(stub) && shown(&two) > shown(&lines) {
            lines = two;
        }
    }
    if lines.iter().any(|l| l.is_empty() || stub(l)) {
        Vec::new()
    } else {
        lines
    }
}

/// Lays the timeline out on a `width` x `height` px canvas showing `window`. A canvas with no size
/// (not laid out yet) shows no events: none are placed, which spares placing thousands only for the
/// first real size to place them again.
pub fn place(data: &Dataset, width: f64, height: f64, window: Window) -> Placement {
    let sized = width > 0.0 && height > 0.0;
    let width = width.max(1.0);
    let height = height.max(1.0);
    let mut m = Metrics::for_width(width);
    m.era_strip_px = era_strip_for(height, &m, data.tracks.len());
    let plot = Rect {
        x: m.gutter_px,
        y: m.era_strip_px,
        w: (width - m.gutter_px - m.right_pad_px).max(1.0),
        h: (height - m.era_strip_px - m.axis_px).max(1.0),
    };
    let scale = window.scale(plot.x, plot.right());
    let n_tracks = data.tracks.len().max(1);
    let lane_h = plot.h / n_tracks as f64;
    let lanes: Vec<Lane> = (0..data.tracks.len())
        .map(|i| {
            let rect = Rect {
                x: plot.x,
                y: plot.y + lane_h * i as f64,
                w: plot.w,
                h: lane_h,
            };
            let LaneRows {
                named,
                top,
                rows,
                row_h,
            } = lane_rows(lane_h, &m);
            Lane {
                track: i,
                rect,
                rows_top: rect.y + top,
                rows,
                row_h,
                named,
            }
        })
        .collect();

    let eras = data
        .eras
        .iter()
        .enumerate()
        .filter_map(|(i, era)| {
            let x0 = scale.x_px_from_day(era.start.as_f64()).max(plot.x);
            let x1 = scale
                .x_px_from_day(era.end.as_f64() + 1.0)
                .min(plot.right());
            (x1 > x0).then(|| PlacedEra {
                era: i,
                x0,
                x1,
                lines: era_lines(&era.label, x1 - x0 - 2.0 * m.gap_px, &m),
            })
        })
        .collect();

    let mut events = Vec::new();
    for lane in lanes.iter().filter(|_| sized) {
        // Pass 1: markers into rows. Each row remembers the right edge of its last marker.
        let mut row_end = vec![f64::NEG_INFINITY; lane.rows];
        let mut placed: Vec<(PlacedEvent, usize)> = Vec::new();
        for (i, e) in data
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.track == lane.track)
        {
            let anchor = e.date.anchor().as_f64();
            let x = scale.x_px_from_day(anchor);
            let x_end = e
                .date
                .is_range()
                .then(|| scale.x_px_from_day(e.date.last_day().as_f64() + 1.0));
            let right = x_end.unwrap_or(x).max(x) + m.marker_r_px;
            // Only what is drawn in the plot is placed: a marker whose centre is in it, or a range
            // reaching into it (drawn from the plot's edge), so nothing is drawn over the lane names.
            let reaches = x_end.map_or(x >= plot.x, |end| end.max(x) >= plot.x);
            if !reaches || x > plot.right() {
                continue;
            }
            let left = x - m.marker_r_px;
            // Among rows where the marker fits, the emptiest leaves the most room for its
            // neighbour's label; with no free row, the emptiest overlaps least.
            let row = (0..lane.rows)
                .filter(|&r| row_end[r] + m.gap_px <= left)
                .min_by(|&a, &b| row_end[a].total_cmp(&row_end[b]))
                .or_else(|| (0..lane.rows).min_by(|&a, &b| row_end[a].total_cmp(&row_end[b])))
                .unwrap_or(0);
            row_end[row] = right;
            let y = lane.rows_top + lane.row_h * (row as f64 + 0.5);
            placed.push((
                PlacedEvent {
                    event: i,
                    anchor_day: anchor,
                    x_px: x,
                    x_end_px: x_end,
                    y_px: y,
                    label: None,
                    label_x_px: right + m.gap_px,
                },
                row,
            ));
        }
        // Pass 2: each label gets the room up to the next marker in its row. A span with too little
        // room after its bar (one running on to the plot's right edge, to this day) has its label on
        // the bar instead, after its marker.
        for k in 0..placed.len() {
            let (row, mut label_x) = (placed[k].1, placed[k].0.label_x_px);
            let next_left = placed[k + 1..]
                .iter()
                .find(|(_, r)| *r == row)
                .map_or(plot.right(), |(p, _)| p.x_px - m.marker_r_px - m.gap_px);
            let mut room = (next_left.min(plot.right()) - label_x).min(m.label_max_px);
            if let (true, Some(end)) = (room < m.label_min_px, placed[k].0.x_end_px) {
                let on_bar = (placed[k].0.x_px + m.marker_r_px + m.gap_px).max(plot.x + m.gap_px);
                let bar_room = (end.min(next_left).min(plot.right()) - on_bar).min(m.label_max_px);
                if bar_room >= m.label_min_px {
                    (label_x, room) = (on_bar, bar_room);
                    placed[k].0.label_x_px = on_bar;
                }
            }
            if room >= m.label_min_px && label_x >= plot.x {
                let title = &data.events[placed[k].0.event].title;
                let t = text::truncate(title, m.label_font_px, room);
                placed[k].0.label = (!t.is_empty()).then_some(t);
            }
        }
        events.extend(placed.into_iter().map(|(p, _)| p));
    }
    events.sort_by(|a, b| {
        a.anchor_day
            .total_cmp(&b.anchor_day)
            .then(a.event.cmp(&b.event))
    });

    Placement {
        width,
        height,
        metrics: m,
        plot,
        ticks: ticks::ticks(&scale, m.axis_font_px),
        scale,
        lanes,
        eras,
        events,
    }
}

/// Where a placed event's title is shown over the chart, beside its marker
/// ([`Placement::callout_spot`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalloutSpot {
    /// Left edge, px.
    pub x0: f64,
    /// Right edge, px.
    pub x1: f64,
    /// Vertical centre, px.
    pub y: f64,
    /// Whether it runs rightwards from `x0` (else leftwards from `x1`).
    pub rightwards: bool,
    /// The most width it may take, px, running its way.
    pub room: f64,
}

impl Placement {
    /// Where to show the title of the placed event `e` (`w` x `h` px whole) beside its marker. Pointed
    /// at (`keep_clear` false), it is shown whole where it can be: on the side with room (the right,
    /// unless the marker is in the right two fifths), else on the other side, on the side covering
    /// fewer other markers where it fits both. Selected (`keep_clear`), it covers none: on the side
    /// with more room up to the next marker or label in its row, cut to that room, or not at all
    /// where that is under three ems.
    pub fn callout_spot(
        &self,
        e: &PlacedEvent,
        w: f64,
        h: f64,
        keep_clear: bool,
    ) -> Option<CalloutSpot> {
        let m = &self.metrics;
        let r = m.marker_r_px;
        let reach = r + m.gap_px + 2.0;
        let (edge0, edge1) = (4.0, self.width - 4.0);
        let others = || {
            self.events
                .iter()
                .filter(move |o| o.event != e.event && self.in_plot(o.x_px))
        };
        let in_band =
            |o: &PlacedEvent, y: f64| o.y_px + r > y - h / 2.0 && o.y_px - r < y + h / 2.0;
        let spot = |x: f64, y: f64, rightwards: bool| {
            let mut room = if rightwards { edge1 - x } else { x - edge0 };
            if keep_clear {
                // Up to the next marker or label its way in the band it takes.
                for o in others().filter(|o| in_band(o, y)) {
                    let label_end = o.label.as_deref().map_or(o.x_px + r, |l| {
                        o.label_x_px + text::width_px(l, m.label_font_px)
                    });
                    let gap = if rightwards {
                        o.x_px - r - 2.0 - x
                    } else {
                        x - (label_end + 2.0)
                    };
                    if gap > -2.0 * r || (!rightwards && o.x_px < x) {
                        room = room.min(gap);
                    }
                }
            }
            let w = w.min(room.max(0.0));
            let (x0, x1) = if rightwards { (x, x + w) } else { (x - w, x) };
            CalloutSpot {
                x0,
                x1,
                y,
                rightwards,
                room,
            }
        };
        let prefer_right = e.x_px <= self.width * 0.6;
        let right = spot(e.x_px + reach, e.y_px, true);
        let left = spot(e.x_px - reach, e.y_px, false);
        let (first, second) = if prefer_right {
            (right, left)
        } else {
            (left, right)
        };
        let wide = |s: &CalloutSpot| s.x1 - s.x0;
        // The side with more room, the preferred one unless the other has clearly more.
        let roomier = if wide(&second) > wide(&first) + 0.5 {
            second
        } else {
            first
        };
        if keep_clear {
            return (wide(&roomier) >= 3.0 * m.label_font_px).then_some(roomier);
        }
        let spots = [first, second];
        let whole = |s: &CalloutSpot| wide(s) >= w - 0.5;
        let covered = |s: &CalloutSpot| {
            others()
                .filter(|o| in_band(o, s.y) && o.x_px + r > s.x0 && o.x_px - r < s.x1)
                .count()
        };
        // The whole title where it can be, covering the fewest markers (the earlier spot on a tie);
        // where neither side holds it whole, the side with more of it.
        if !spots.iter().any(whole) {
            return Some(roomier);
        }
        spots
            .iter()
            .enumerate()
            .min_by_key(|(i, s)| (!whole(s), covered(s), *i))
            .map(|(_, s)| *s)
    }

    /// Whether `x` is across the plot: where markers are drawn and the pointer finds events (the lane
    /// names on the left take no marks and no hits).
    pub fn in_plot(&self, x: f64) -> bool {
        x >= self.plot.x && x <= self.plot.right()
    }

    /// The event under the point `(x, y)`, given how far the pointer may miss (`slop_px`: larger for
    /// touch). Markers and labels both count; the nearest marker wins.
    pub fn hit(&self, x: f64, y: f64, slop_px: f64) -> Option<usize> {
        let m = &self.metrics;
        if !self.in_plot(x) {
            return None;
        }
        let mut best: Option<(f64, usize)> = None;
        for p in &self.events {
            let dy = (y - p.y_px).abs();
            let on_marker = (x - p.x_px).hypot(dy);
            // A range bar counts too, but a marker drawn over the bar wins over the bar itself.
            let on_bar = match p.x_end_px {
                Some(x_end) if x >= p.x_px.min(x_end) && x <= p.x_px.max(x_end) => {
                    dy + m.marker_r_px / 2.0
                }
                _ => f64::INFINITY,
            };
            let d = on_marker.min(on_bar);
            let on_label = p.label.as_ref().is_some_and(|l| {
                let w = text::width_px(l, m.label_font_px);
                x >= p.label_x_px && x <= p.label_x_px + w && dy <= m.row_px / 2.0
            });
            let d = if on_label { d.min(m.marker_r_px) } else { d };
            if d <= m.marker_r_px + slop_px && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, p.event));
            }
        }
        best.map(|(_, e)| e)
    }

    /// The placed event for a dataset index, if it is on screen.
    pub fn find(&self, event: usize) -> Option<&PlacedEvent> {
        self.events.iter().find(|p| p.event == event)
    }
}
