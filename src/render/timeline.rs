//! Draws the animated timeline: era bands, lanes, the time axis, events as they appear, the playhead.

use crate::model::date::month_name;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{
    Theme, BAR_ALPHA, GHOST_ALPHA, MARKER_STROKE_PX, PLAYHEAD_STROKE_PX, RING_GAP_PX,
    RING_STROKE_PX, TICK_LEN_PX,
};
use crate::layout::anim::{appearance, ease_out_back, ease_out_cubic};
use crate::layout::lanes::Placement;
use crate::layout::text;
use crate::model::{Dataset, Day, Status};

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

/// Draws the timeline laid out by `placement` into `area` (whose size must be the placement's).
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    placement: &Placement,
    frame: &FrameState,
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
        if !era.label.is_empty() {
            let style = TextStyle::from(font(m.axis_font_px))
                .color(&theme.muted)
                .pos(Pos::new(HPos::Left, VPos::Center));
            area.draw_text(
                &era.label,
                &style,
                (px(era.x0 + m.gap_px), px(m.era_strip_px / 2.0)),
            )?;
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
            let style = TextStyle::from(bold(m.axis_font_px))
                .color(&label_ink)
                .pos(Pos::new(HPos::Left, VPos::Top));
            area.draw_text(
                &track.label,
                &style,
                (px(plot.x + m.gap_px), px(lane.rect.y + 2.0)),
            )?;
        } else {
            let label = text::truncate(&track.label, m.axis_font_px, m.gutter_px - 3.0 * m.gap_px);
            let style = TextStyle::from(bold(m.axis_font_px))
                .color(&label_ink)
                .pos(Pos::new(HPos::Left, VPos::Center));
            area.draw(&Rectangle::new(
                [(0, y + 1), (px(m.gap_px), px(lane.rect.bottom()) - 1)],
                colour.filled(),
            ))?;
            area.draw_text(
                &label,
                &style,
                (px(2.0 * m.gap_px), px(lane.rect.y + lane.rect.h / 2.0)),
            )?;
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
        area.draw_text(
            &t.text(theme.locale),
            &tick_style,
            (x, px(axis_y + TICK_LEN_PX + 2.0)),
        )?;
    }

    // Events: hollow ghosts before the playhead reaches them, then popping in.
    let r = m.marker_r_px;
    for p in &placement.events {
        let Some(event) = data.events.get(p.event) else {
            continue;
        };
        let colour = theme.track(event.track);
        let shown = appearance(p.anchor_day, frame.playhead_day, frame.appear_days);
        let (x, y) = (px(p.x_px), px(p.y_px));
        if shown <= 0.0 {
            area.draw(&Circle::new(
                (x, y),
                (r * 0.6).round() as u32,
                colour.mix(GHOST_ALPHA).stroke_width(1),
            ))?;
            continue;
        }
        let fade = ease_out_cubic(shown);
        if let Some(x_end) = p.x_end_px {
            // A range grows from its start as it appears.
            let grown = p.x_px + (x_end - p.x_px) * fade;
            area.draw(&Rectangle::new(
                [
                    (x, px(p.y_px - m.bar_px / 2.0)),
                    (px(grown), px(p.y_px + m.bar_px / 2.0)),
                ],
                colour.mix(BAR_ALPHA * fade).filled(),
            ))?;
        }
        let radius = (r * ease_out_back(shown)).max(1.0).round() as u32;
        if is_undelivered(event.status) {
            area.draw(&Circle::new((x, y), radius, theme.background.filled()))?;
            area.draw(&Circle::new(
                (x, y),
                radius,
                colour.mix(fade).stroke_width(MARKER_STROKE_PX),
            ))?;
        } else {
            area.draw(&Circle::new((x, y), radius, colour.mix(fade).filled()))?;
        }
        if let Some(label) = &p.label {
            let emphasised = frame.selected == Some(p.event) || frame.hovered == Some(p.event);
            let face = if emphasised {
                bold(m.label_font_px)
            } else {
                font(m.label_font_px)
            };
            let ink = theme.text.mix(fade);
            let style = TextStyle::from(face)
                .color(&ink)
                .pos(Pos::new(HPos::Left, VPos::Center));
            area.draw_text(label, &style, (px(p.label_x_px), y))?;
        }
    }

    // Rings round the hovered and selected events.
    for (which, alpha) in [(frame.hovered, 0.5), (frame.selected, 1.0)] {
        if let Some(p) = which.and_then(|e| placement.find(e)) {
            let ring = (r + RING_GAP_PX).round() as u32;
            area.draw(&Circle::new(
                (px(p.x_px), px(p.y_px)),
                ring,
                theme.selection.mix(alpha).stroke_width(RING_STROKE_PX),
            ))?;
        }
    }

    // The playhead, with its date above the lanes.
    if placement.scale.shows(frame.playhead_day, 0.0) {
        let x = px(placement.scale.x_px_from_day(frame.playhead_day));
        area.draw(&PathElement::new(
            vec![(x, px(plot.y)), (x, px(axis_y))],
            theme.playhead.stroke_width(PLAYHEAD_STROKE_PX),
        ))?;
        let (year, month, _) = Day(frame.playhead_day.floor() as i32).ymd();
        let label = format!("{} {year}", month_name(month, theme.locale));
        let w = text::width_px(&label, m.axis_font_px) + 2.0 * m.gap_px;
        let left = (f64::from(x) - w / 2.0).clamp(0.0, (placement.width - w).max(0.0));
        area.draw(&Rectangle::new(
            [
                (px(left), px(plot.y - m.era_strip_px + 2.0)),
                (px(left + w), px(plot.y)),
            ],
            theme.playhead.filled(),
        ))?;
        let style = TextStyle::from(bold(m.axis_font_px))
            .color(&theme.background)
            .pos(Pos::new(HPos::Center, VPos::Center));
        area.draw_text(
            &label,
            &style,
            (px(left + w / 2.0), px(plot.y - m.era_strip_px / 2.0 + 1.0)),
        )?;
    }
    Ok(())
}
