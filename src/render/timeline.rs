//! Draws the animated timeline: era bands, lanes, the time axis, events as they appear, the playhead.

use crate::model::date::month_name;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::batch::{Capsule, FillCircles, FilledCapsule};
use super::theme::{
    Theme, MARKER_STROKE_PX, PLAYHEAD_STROKE_PX, RING_GAP_PX, RING_STROKE_PX, TICK_LEN_PX,
};
use crate::layout::anim::{appearance, ease_out_back, ease_out_cubic};
use crate::layout::lanes::{era_name_pitch, PlacedEvent, Placement};
use crate::layout::{text, ticks};
use crate::model::{Dataset, Day, Status};
use std::collections::HashMap;

/// Everything that changes from one frame to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameState {
    /// Playhead position, days.
    pub playhead_day: f64,
    /// How many days of timeline time an event takes to appear (0 = instantly).
    pub appear_days: f64,
    /// Selected event (index into the dataset's events).
    pub selected: Option<usize>,
    /// Event under the pointer.
    pub hovered: Option<usize>,
}

/// Whether an event's status means it was not (or no longer) delivered: such events are drawn as
/// rings rather than discs, so the difference never rests on colour alone.
pub fn is_undelivered(status: Option<Status>) -> bool {
    matches!(
        status,
        Some(Status::NeverImplemented | Status::Reversed | Status::Shelved | Status::Terminated)
    )
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws the timeline laid out by `placement` into `area` (whose size must be the placement's): the
/// [base](draw_base), every event as far as the playhead has shown it, labels in bold where
/// `emphasised` says (the canvas sets in bold the event the user picked or points at, not the one the
/// card follows the playhead to, which the ring marks), the rings and the playhead. The canvas draws
/// the same thing in layers (see [`settled_count`]); export and tests use this.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    frame: &FrameState,
    emphasised: impl Fn(usize) -> bool,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_base(area, data, placement, theme)?;
    let reached = placement.scale.x_px_from_day(frame.playhead_day);
    draw_spans(area, data, placement, Some(reached), theme)?;
    for p in &placement.events {
        let shown = appearance(p.anchor_day, frame.playhead_day, frame.appear_days);
        draw_event(area, data, placement, p, shown, emphasised(p.event), theme)?;
    }
    draw_rings(area, placement, frame, theme)?;
    draw_playhead(area, placement, frame, theme)?;
    Ok(())
}

impl FrameState {
    /// Whether `event` is the one this frame selects or the one under the pointer.
    pub fn emphasises(&self, event: usize) -> bool {
        self.selected == Some(event) || self.hovered == Some(event)
    }
}

/// How many of `placement`'s events (a prefix, since they are in date order) are fully shown at
/// `frame`: these look the same in every later frame until the playhead moves back. The canvas draws
/// them once (with the [base](draw_base) and the ghosts of the rest) and draws each frame only the
/// events still [appearing], the rings and the playhead.
pub fn settled_count(placement: &Placement, frame: &FrameState) -> usize {
    placement
        .events
        .partition_point(|p| appearance(p.anchor_day, frame.playhead_day, frame.appear_days) >= 1.0)
}

/// The events of `placement` that are part way through appearing at `frame` (indices into
/// `placement.events`): those after the [settled](settled_count) ones that the playhead has reached.
pub fn appearing(placement: &Placement, frame: &FrameState) -> std::ops::Range<usize> {
    let settled = settled_count(placement, frame);
    let started = placement
        .events
        .partition_point(|p| appearance(p.anchor_day, frame.playhead_day, frame.appear_days) > 0.0);
    settled..started.max(settled)
}

pub use crate::layout::canvas_box::Bounds;

/// Draws the timeline as its canvas keeps it between frames: the [base](draw_base), the spans' bars
/// (outlined, and filled up to `filled_to`, the playhead's x, if given; otherwise outlined only, the
/// canvas filling them on layers of their own), the first `settled` events fully shown and
/// the rest as ghosts, labels in bold where `emphasised` says. Runs of overlapping markers are drawn as
/// one shape each ([`marker_runs`]).
pub fn draw_scene<DB: FillCircles>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    settled: usize,
    filled_to: Option<f64>,
    emphasised: impl Fn(usize) -> bool,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_base(area, data, placement, theme)?;
    draw_spans(area, data, placement, filled_to, theme)?;
    let marks = marker_runs(data, placement, settled, &emphasised);
    for (i, p) in placement.events.iter().enumerate() {
        match marks.get(i) {
            Some(Mark::Joined) => {}
            Some(&Mark::Leads(right_x)) => {
                let Some(event) = data.events.get(p.event) else {
                    continue;
                };
                area.draw(&FilledCapsule {
                    capsule: Capsule {
                        left: (px(p.x_px), px(p.y_px)),
                        right_x,
                        radius: marker_radius(placement, 1.0),
                    },
                    colour: theme.track(event.track).to_backend_color(),
                })?;
            }
            _ => {
                let shown = if i < settled { 1.0 } else { 0.0 };
                draw_event(area, data, placement, p, shown, emphasised(p.event), theme)?;
            }
        }
    }
    Ok(())
}

/// The most a run of markers drawn as one shape may stand out from the markers it stands for, layout
/// px: it fills the notches where neighbouring circles meet, no deeper than this.
pub const RUN_TOLERANCE_PX: f64 = 0.25;

/// How the scene draws a settled event's marker (see [`marker_runs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// On its own, as [`draw_event`] draws it.
    Alone,
    /// As the first of a run: one capsule from its centre to the centre x given, covering the others.
    Leads(i32),
    /// Covered by the run it is part of: not drawn.
    Joined,
}

/// The level of detail of a dense timeline: where settled markers in a row overlap so closely that
/// their outline differs from a capsule's by at most [`RUN_TOLERANCE_PX`], they are drawn as one capsule
/// (ten thousand events are then far fewer shapes to draw and rasterise). A run holds only plain
/// markers drawn alike: filled discs of one track, with no label, range bar or emphasis, each within the
/// plot and at most the largest gap that keeps the tolerance from the one before in its row; any other
/// event in the row ends the run. Nothing else is drawn in a row between a run's members, so drawing
/// the run where its first member comes keeps every overlap as it was. One mark per event of the
/// placement (those from `settled` on are [`Mark::Alone`]).
pub fn marker_runs(
    data: &Dataset,
    placement: &Placement,
    settled: usize,
    emphasised: impl Fn(usize) -> bool,
) -> Vec<Mark> {
    let mut marks = vec![Mark::Alone; placement.events.len()];
    let r = f64::from(marker_radius(placement, 1.0));
    let tol = RUN_TOLERANCE_PX.min(r);
    // Circles of radius r whose centres are g apart leave notches r - sqrt(r^2 - g^2/4) deep.
    let gap = (2.0 * (2.0 * r * tol - tol * tol).sqrt()).floor() as i32;
    // The run open in each row (by its y): first member, track, last member's x, members.
    let mut open: HashMap<i32, (usize, usize, i32, usize)> = HashMap::new();
    fn close(marks: &mut [Mark], run: Option<(usize, usize, i32, usize)>) {
        if let Some((first, _, right_x, members)) = run {
            if members > 1 {
                marks[first] = Mark::Leads(right_x);
            }
        }
    }
    for (i, p) in placement.events.iter().enumerate().take(settled) {
        let (x, y) = (px(p.x_px), px(p.y_px));
        let plain = data.events.get(p.event).filter(|e| {
            !is_undelivered(e.status)
                && p.x_end_px.is_none()
                && p.label.is_none()
                && placement.in_plot(p.x_px)
                && !emphasised(p.event)
        });
        let Some(event) = plain else {
            close(&mut marks, open.remove(&y));
            continue;
        };
        match open.get_mut(&y) {
            Some((_, track, last_x, members))
                if *track == event.track && x >= *last_x && x - *last_x <= gap =>
            {
                *last_x = x;
                *members += 1;
                marks[i] = Mark::Joined;
            }
            _ => {
                let before = open.insert(y, (i, event.track, x, 1));
                close(&mut marks, before);
            }
        }
    }
    for run in open.into_values() {
        close(&mut marks, Some(run));
    }
    marks
}

/// The radius of a marker that has appeared to the extent `shown`, px.
fn marker_radius(placement: &Placement, shown: f64) -> u32 {
    (placement.metrics.marker_r_px * ease_out_back(shown))
        .max(1.0)
        .round() as u32
}

/// Draws what does not move while the playhead does: the background, era bands and their names, lanes
/// and their names, and the time axis with its grid and tick labels.
pub fn draw_base<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let m = &placement.metrics;
    let plot = placement.plot;
    let font = |size: f64| theme.font(size);
    let bold = |size: f64| theme.bold(size);

    area.fill(&theme.background)?;
    // Era bands behind everything, names in the strip above the lanes.
    for (k, era) in placement.eras.iter().enumerate() {
        let fill = theme.era_fill[data.eras.get(era.era).map_or(k, |_| era.era) % 2];
        area.draw(&Rectangle::new(
            [(px(era.x0), 0), (px(era.x1), px(plot.bottom()))],
            fill.filled(),
        ))?;
        let style = TextStyle::from(font(m.axis_font_px))
            .color(&theme.muted)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let ys = text::centred_lines(m.era_strip_px / 2.0, era.lines.len(), era_name_pitch(m));
        for (line, y) in era.lines.iter().zip(ys) {
            area.draw_text(line, &style, (px(era.x0 + m.gap_px), px(y)))?;
        }
    }

    // Lanes: separators and names.
    for lane in &placement.lanes {
        let y = px(lane.rect.y);
        area.draw(&PathElement::new(
            vec![(0, y), (px(plot.right()), y)],
            theme.grid.stroke_width(1),
        ))?;
        let Some(track) = data.tracks.get(lane.track) else {
            continue;
        };
        let colour = theme.track(lane.track);
        let label_ink = theme.ink(colour);
        if m.narrow {
            if !lane.named {
                continue;
            }
            let style = TextStyle::from(bold(m.axis_font_px))
                .color(&label_ink)
                .pos(Pos::new(HPos::Left, VPos::Top));
            area.draw_text(
                &track.label,
                &style,
                (px(plot.x + m.gap_px), px(lane.rect.y + 2.0)),
            )?;
        } else {
            // The name on one line where it fits the gutter, else on two where the lane is tall
            // enough, the second cut if it must be.
            let room = m.gutter_px - 3.0 * m.gap_px;
            let line_px = (m.axis_font_px * 1.25).round();
            let lines = if text::width_px(&track.label, m.axis_font_px) <= room
                || lane.rect.h < 3.0 * line_px
            {
                vec![text::truncate(&track.label, m.axis_font_px, room)]
            } else {
                text::wrap_bold(&track.label, m.axis_font_px, room * text::SLACK, 2)
            };
            let style = TextStyle::from(bold(m.axis_font_px))
                .color(&label_ink)
                .pos(Pos::new(HPos::Left, VPos::Center));
            area.draw(&Rectangle::new(
                [(0, y + 1), (px(m.gap_px), px(lane.rect.bottom()) - 1)],
                colour.filled(),
            ))?;
            let ys = text::centred_lines(lane.rect.y + lane.rect.h / 2.0, lines.len(), line_px);
            for (line, y) in lines.iter().zip(ys) {
                area.draw_text(line, &style, (px(2.0 * m.gap_px), px(y)))?;
            }
        }
    }

    // Time axis: grid lines through the lanes, tick marks and labels below.
    let axis_y = plot.bottom();
    area.draw(&PathElement::new(
        vec![(px(plot.x), px(axis_y)), (px(plot.right()), px(axis_y))],
        theme.muted.stroke_width(1),
    ))?;
    let tick_style = TextStyle::from(font(m.axis_font_px))
        .color(&theme.muted)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for t in &placement.ticks {
        let x = px(t.x_px);
        let grid = if t.major {
            theme.grid
        } else {
            theme.era_fill[1]
        };
        area.draw(&PathElement::new(
            vec![(x, px(plot.y)), (x, px(axis_y))],
            grid.stroke_width(1),
        ))?;
        area.draw(&PathElement::new(
            vec![(x, px(axis_y)), (x, px(axis_y + TICK_LEN_PX))],
            theme.muted.stroke_width(1),
        ))?;
        let label = t.text(theme.locale);
        let centre = ticks::label_centre(t.x_px, &label, m.axis_font_px, (0.0, placement.width));
        area.draw_text(
            &label,
            &tick_style,
            (px(centre), px(axis_y + TICK_LEN_PX + 2.0)),
        )?;
    }
    Ok(())
}

/// Draws one placed event as it looks when it has appeared to the extent `shown`: a hollow ghost at 0
/// (the playhead has not reached it), popping in up to 1 (fully shown), its label in bold if
/// `emphasised`: its marker and label, not a span's bar ([`draw_bars`]). It stays inside its
/// [bounds](event_bounds).
pub fn draw_event<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    p: &PlacedEvent,
    shown: f64,
    emphasised: bool,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let m = &placement.metrics;
    let r = m.marker_r_px;
    let Some(event) = data.events.get(p.event) else {
        return Ok(());
    };
    let colour = theme.track(event.track);
    let (x, y) = (px(p.x_px), px(p.y_px));
    // A range that starts outside the plot has its marker drawn only if the marker is inside: nothing
    // is drawn over the lane names or past the plot's right.
    let marked = placement.in_plot(p.x_px);
    if shown <= 0.0 {
        if !marked {
            return Ok(());
        }
        area.draw(&Circle::new(
            (x, y),
            (r * 0.6).round() as u32,
            colour.mix(theme.ghost_alpha).stroke_width(1),
        ))?;
        return Ok(());
    }
    let fade = ease_out_cubic(shown);
    // (A span's bar is drawn apart from its marker and label: see [`draw_bars`].)
    // A span begun before the plot's left edge has no marker in it, but its label on its bar.
    if marked {
        let radius = marker_radius(placement, shown);
        draw_marker(
            area,
            (x, y),
            radius,
            colour.mix(fade),
            is_undelivered(event.status),
            theme,
        )?;
    }
    draw_label(area, placement, p, fade, emphasised, theme)
}

/// Draws `p`'s label, if it has one, at opacity `fade`, in bold if `emphasised`.
fn draw_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    placement: &Placement,
    p: &PlacedEvent,
    fade: f64,
    emphasised: bool,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let Some(label) = &p.label else {
        return Ok(());
    };
    let size = placement.metrics.label_font_px;
    let face = if emphasised {
        theme.bold(size)
    } else {
        theme.font(size)
    };
    let ink = theme.text.mix(fade);
    let style = TextStyle::from(face)
        .color(&ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    area.draw_text(label, &style, (px(p.label_x_px), px(p.y_px)))
}

/// Where a span's bar lies across the plot, layout px: from its marker's edge (or the plot's left
/// edge, for a span begun before it) to its end (or the plot's right edge). `None` for an event with
/// no span, or one too short to show past its marker.
pub fn bar_extent(placement: &Placement, p: &PlacedEvent) -> Option<(f64, f64)> {
    let plot = placement.plot;
    let from = if placement.in_plot(p.x_px) {
        p.x_px + placement.metrics.marker_r_px
    } else {
        plot.x
    };
    let to = p.x_end_px?.min(plot.right());
    (to > from).then_some((from, to))
}

/// The rectangle a span's bar fills when it is filled whole (see [`draw_bars`]), layout px, on whole
/// px.
pub fn bar_rect(placement: &Placement, p: &PlacedEvent) -> Option<Bounds> {
    let (from, to) = bar_extent(placement, p)?;
    let half = placement.metrics.bar_px / 2.0;
    let whole = |v: f64| v.round();
    Some((
        whole(from),
        whole(p.y_px - half),
        whole(to),
        whole(p.y_px + half),
    ))
}

/// Draws every span's bar under the events: its [outline](draw_bar_outlines), and, with `filled_to`
/// (the playhead's x), the bar filled up to it; with `None`, the outline alone (the canvas fills the
/// bars on layers of their own).
fn draw_spans<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    filled_to: Option<f64>,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_bar_outlines(area, data, placement, theme)?;
    match filled_to {
        Some(x) => draw_bars(area, data, placement, &placement.events, x, theme),
        None => Ok(()),
    }
}

/// Draws the spans' bars' outlines, faint, as ghosts are drawn: each span's whole length, which the
/// bar [fills](draw_bars) as far as the playhead has reached. An outline is one px outside its bar's
/// [rectangle](bar_rect), so that no fill lies over it, crisp on whole px, and closed only where the
/// span starts or ends, not where the plot's edge cuts it.
pub fn draw_bar_outlines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for p in &placement.events {
        let (Some((l, t, r, b)), Some(event)) = (bar_rect(placement, p), data.events.get(p.event))
        else {
            continue;
        };
        let colour = theme.track(event.track).mix(theme.ghost_alpha).filled();
        let side = |(x0, y0, x1, y1): Bounds| {
            area.draw(&Rectangle::new(
                [(px(x0), px(y0)), (px(x1), px(y1))],
                colour,
            ))
        };
        side((l, t - 1.0, r, t))?;
        side((l, b, r, b + 1.0))?;
        if placement.in_plot(p.x_px) {
            side((l - 1.0, t - 1.0, l, b + 1.0))?;
        }
        if p.x_end_px.is_some_and(|end| end <= placement.plot.right()) {
            side((r, t - 1.0, r + 1.0, b + 1.0))?;
        }
    }
    Ok(())
}

/// Fills the bars of `events`' spans (inside their [outlines](draw_bar_outlines)) up to `reached_px`,
/// the playhead's x: a span is shown lasting only as far as the playhead's date, and grows as the
/// playhead moves on.
pub fn draw_bars<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    events: impl IntoIterator<Item = &'a PlacedEvent>,
    reached_px: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for p in events {
        let (Some((l, t, r, b)), Some(event)) = (bar_rect(placement, p), data.events.get(p.event))
        else {
            continue;
        };
        let r = r.min(reached_px.round());
        if r <= l {
            continue;
        }
        area.draw(&Rectangle::new(
            [(px(l), px(t)), (px(r), px(b))],
            theme.track(event.track).mix(theme.bar_alpha).filled(),
        ))?;
    }
    Ok(())
}

/// Where labels cross the bars of `bars`: for each label lying over one, the part of the bar's
/// [rectangle](bar_rect) under the label's box, layout px. The canvas fills the bars on layers over
/// the scene, which has these labels already; there the layer must show the label over the bar (as
/// the whole drawing does), not the scene's under the bar's fill with another over it, heavier: it
/// [draws the whole drawing again](draw_bar_patches) in these patches.
pub fn label_patches(placement: &Placement, bars: &[&PlacedEvent]) -> Vec<Bounds> {
    let mut rows: HashMap<i32, Vec<Bounds>> = HashMap::new();
    for p in bars {
        if let Some(rect) = bar_rect(placement, p) {
            rows.entry(px(p.y_px)).or_default().push(rect);
        }
    }
    let size = placement.metrics.label_font_px;
    let mut patches = Vec::new();
    for p in &placement.events {
        let (Some(label), Some(rects)) = (&p.label, rows.get(&px(p.y_px))) else {
            continue;
        };
        let (from, to) = (
            p.label_x_px.floor(),
            (p.label_x_px + text::width_px(label, size) * text::SLACK).ceil(),
        );
        for &(l, t, r, b) in rects {
            if l < to && from < r {
                patches.push((l.max(from), t, r.min(to), b));
            }
        }
    }
    patches
}

/// Draws, for a canvas that lets it reach only inside `patches` (parts of the `bars`' rectangles,
/// [`label_patches`]), the whole drawing as it is there with those bars filled: the
/// [base](draw_base), the bars, and over them every event reaching into the patches, fully shown (the
/// layer shows only what the playhead has reached), in bold where `emphasised` says; what
/// [`draw_scene`] draws there, in the same order (the bars' outlines lie outside them).
pub fn draw_bar_patches<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    bars: &[&PlacedEvent],
    patches: &[Bounds],
    emphasised: impl Fn(usize) -> bool,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let meets = |(l, t, r, b): Bounds| {
        patches
            .iter()
            .any(|q| q.0 < r && l < q.2 && q.1 < b && t < q.3)
    };
    draw_base(area, data, placement, theme)?;
    let under = bars
        .iter()
        .copied()
        .filter(|p| bar_rect(placement, p).is_some_and(meets));
    draw_bars(area, data, placement, under, f64::INFINITY, theme)?;
    for p in &placement.events {
        if meets(event_bounds(placement, p)) {
            draw_event(area, data, placement, p, 1.0, emphasised(p.event), theme)?;
        }
    }
    Ok(())
}

/// An event's marker: a disc, or a ring on the background for an act not delivered.
pub fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    centre: (i32, i32),
    radius: u32,
    colour: RGBAColor,
    undelivered: bool,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if undelivered {
        area.draw(&Circle::new(centre, radius, theme.background.filled()))?;
        area.draw(&Circle::new(
            centre,
            radius,
            colour.stroke_width(MARKER_STROKE_PX),
        ))?;
    } else {
        area.draw(&Circle::new(centre, radius, colour.filled()))?;
    }
    Ok(())
}

/// The box an event may draw in at any stage of appearing, generously: its marker with the pop's
/// overshoot, stroke and anti-aliasing, and its label (bold, and a real font wider than the estimate).
/// A span's bar is not in it: [`draw_event`] does not draw it.
pub fn event_bounds(placement: &Placement, p: &PlacedEvent) -> Bounds {
    let m = &placement.metrics;
    let reach = m.marker_r_px * 1.25 + f64::from(MARKER_STROKE_PX) + 2.0;
    let mut b = (
        p.x_px - reach,
        p.y_px - reach,
        p.x_px + reach,
        p.y_px + reach,
    );
    if let Some(label) = &p.label {
        let w = text::width_px(label, m.label_font_px) * text::SLACK + 4.0;
        let half = m.label_font_px * 0.8 + 2.0;
        b.1 = b.1.min(p.y_px - half);
        b.2 = b.2.max(p.label_x_px + w);
        b.3 = b.3.max(p.y_px + half);
    }
    b
}

/// The box a span's bar is drawn in (see [`draw_bars`]), anti-aliasing included; `None` for an
/// event with no bar.
pub fn bar_bounds(placement: &Placement, p: &PlacedEvent) -> Option<Bounds> {
    let (l, t, r, b) = bar_rect(placement, p)?;
    Some((l - 2.0, t - 2.0, r + 2.0, b + 2.0))
}

/// The box the ring round an event is drawn in.
pub fn ring_bounds(placement: &Placement, p: &PlacedEvent) -> Bounds {
    let reach = placement.metrics.marker_r_px + RING_GAP_PX + f64::from(RING_STROKE_PX) + 2.0;
    (
        p.x_px - reach,
        p.y_px - reach,
        p.x_px + reach,
        p.y_px + reach,
    )
}

/// Where the playhead is drawn, if it is in view: its x and its date tab's left edge and width, and the
/// date, all in layout px.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayheadMark {
    /// x of the line.
    pub x: f64,
    /// Left edge of the date tab, kept inside the canvas.
    pub tab_left: f64,
    /// Width of the date tab.
    pub tab_width: f64,
    /// Top of the date tab, on the time axis under the plot (the line runs from the plot's top to its
    /// bottom), where it stands for the tick labels it covers and leaves the era names above in view.
    pub tab_top: f64,
    /// Height of the date tab.
    pub tab_height: f64,
    /// The stretch of the axis (left and right edges) covered in the background's colour under the
    /// tab: the whole of each tick label the tab covers part of, so that no piece of a year ("09") is
    /// left sticking out beside it. `None` where the tab touches no tick label. It changes only as
    /// labels come under the tab and leave it, not at each step of the tab.
    pub cover: Option<(f64, f64)>,
    /// The month and year shown.
    pub label: String,
}

/// The top and height of the playhead's date tab: on the time axis, a little less tall than an era
/// strip of one line.
pub fn playhead_tab_rows(placement: &Placement) -> (f64, f64) {
    (
        placement.plot.bottom() + 1.0,
        placement.metrics.era_line_px - 2.0,
    )
}

/// The playhead's geometry at `frame`, or `None` if it is out of view.
pub fn playhead_mark(
    placement: &Placement,
    frame: &FrameState,
    theme: &Theme,
) -> Option<PlayheadMark> {
    let m = &placement.metrics;
    if !placement.scale.shows(frame.playhead_day, 0.0) {
        return None;
    }
    let x = f64::from(px(placement.scale.x_px_from_day(frame.playhead_day)));
    let (year, month, _) = Day(frame.playhead_day.floor() as i32).ymd();
    // The tab's text is bold, which the estimate is not, and the tab clips what does not fit.
    let width = |label: &str| text::width_px(label, m.axis_font_px) * text::SLACK + 2.0 * m.gap_px;
    let mut label = format!("{} {year}", month_name(month, theme.locale));
    // On a phone, where the axis counts years closer together than the tab is wide, the tab names the
    // year only: with its month it would hide two years' labels, and the controls under the chart
    // give the whole date.
    // (Looked at only there: this runs at every frame.)
    if m.narrow {
        let years = placement
            .ticks
            .iter()
            .all(|t| t.label.bytes().all(|b| b.is_ascii_digit()));
        let spacing = placement
            .ticks
            .windows(2)
            .map(|p| p[1].x_px - p[0].x_px)
            .fold(f64::INFINITY, f64::min);
        if years && width(&label) > spacing {
            label = year.to_string();
        }
    }
    let (tab_top, tab_height) = playhead_tab_rows(placement);
    let w = width(&label);
    let tab_left = (x - w / 2.0).clamp(0.0, (placement.width - w).max(0.0));
    let mut cover: Option<(f64, f64)> = None;
    for t in placement
        .ticks
        .iter()
        .filter(|t| (t.x_px - x).abs() < 2.0 * w)
    {
        let text = t.text(theme.locale);
        let (c, half) = ticks::label_extent(t.x_px, &text, m.axis_font_px, (0.0, placement.width));
        if c + half > tab_left && c - half < tab_left + w {
            let (lo, hi) = cover.unwrap_or((c - half, c + half));
            cover = Some((
                lo.min(c - half).max(0.0),
                hi.max(c + half).min(placement.width),
            ));
        }
    }
    Some(PlayheadMark {
        x,
        tab_left,
        tab_width: w,
        tab_top,
        tab_height,
        cover,
        label,
    })
}

/// Draws the rings round the hovered and selected events.
pub fn draw_rings<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    placement: &Placement,
    frame: &FrameState,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let r = placement.metrics.marker_r_px;
    for (which, alpha) in [(frame.hovered, 0.5), (frame.selected, 1.0)] {
        let marked = |p: &&PlacedEvent| placement.in_plot(p.x_px);
        if let Some(p) = which.and_then(|e| placement.find(e)).filter(marked) {
            let ring = (r + RING_GAP_PX).round() as u32;
            area.draw(&Circle::new(
                (px(p.x_px), px(p.y_px)),
                ring,
                theme.selection.mix(alpha).stroke_width(RING_STROKE_PX),
            ))?;
        }
    }
    Ok(())
}

/// Draws the playhead, with its date in a tab on the time axis, if it is in view.
pub fn draw_playhead<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    placement: &Placement,
    frame: &FrameState,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let m = &placement.metrics;
    let plot = placement.plot;
    let Some(mark) = playhead_mark(placement, frame, theme) else {
        return Ok(());
    };
    let x = px(mark.x);
    area.draw(&PathElement::new(
        vec![(x, px(plot.y)), (x, px(plot.bottom()))],
        theme.playhead.stroke_width(PLAYHEAD_STROKE_PX),
    ))?;
    if let Some((from, to)) = mark.cover {
        area.draw(&Rectangle::new(
            [
                (px(from), px(mark.tab_top)),
                (px(to), px(mark.tab_top + mark.tab_height)),
            ],
            theme.background.filled(),
        ))?;
    }
    area.draw(&Rectangle::new(
        [
            (px(mark.tab_left), px(mark.tab_top)),
            (
                px(mark.tab_left + mark.tab_width),
                px(mark.tab_top + mark.tab_height),
            ),
        ],
        theme.playhead.filled(),
    ))?;
    let style = TextStyle::from(theme.bold(m.axis_font_px))
        .color(&theme.background)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw_text(
        &mark.label,
        &style,
        (
            px(mark.tab_left + mark.tab_width / 2.0),
            px(mark.tab_top + mark.tab_height / 2.0),
        ),
    )?;
    Ok(())
}
