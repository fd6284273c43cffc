//! Draws the depth ladder: per sector, what had been declared against what had been delivered, up to
//! the playhead, with the gap between them shaded.

use crate::model::date::month_name;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{Theme, DASH_PX};
use crate::layout::ladder::{figures, LadderLayout, MarkKind, Row};
use crate::layout::{text, ticks};
use crate::model::{Day, Depth};

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// What changes between frames of the ladder.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LadderFrame {
    /// Playhead, days.
    pub playhead_day: f64,
    /// The highlighted sector.
    pub sector: Option<usize>,
    /// The selected provision.
    pub provision: Option<usize>,
}

/// The step line of one level (`declared` or delivered) of a row, from the scale's start to `until`.
fn steps(d: &Depth, row: &Row, g: &LadderLayout, until: f64, declared: bool) -> Vec<(i32, i32)> {
    let level = |t: f64| {
        let l = d.level(row.sector, t);
        row.y_of(if declared { l.declared } else { l.delivered })
    };
    let mut pts = vec![(px(g.scale.x0), px(level(g.scale.t0)))];
    for &t in row
        .change_days
        .iter()
        .filter(|&&t| t > g.scale.t0 && t <= until)
    {
        let x = px(g.scale.x_px_from_day(t));
        pts.push((x, pts.last().map_or(0, |p| p.1)));
        pts.push((x, px(level(t))));
    }
    let end = until.min(g.scale.t1);
    pts.push((px(g.scale.x_px_from_day(end)), px(level(end))));
    pts
}

/// Draws the ladder at the frame's time.
pub fn draw_ladder<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    d: &Depth,
    g: &LadderLayout,
    frame: &LadderFrame,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mt = &g.metrics;
    let t = frame.playhead_day;
    let font = |size: f64| theme.font(size);
    let bold = |size: f64| theme.bold(size);
    area.fill(&theme.background)?;

    // The playhead's date, on a patch of its own over the axis: bold, so with the room bold text may
    // take (white on the patch, it would vanish past its edges). A tick label it would cover part of
    // is left out, rather than a piece of it ("2") left sticking out.
    let tab = g.scale.shows(t, 0.0).then(|| {
        let x = g.scale.x_px_from_day(t).round();
        let (y, mo, _) = Day(t.floor() as i32).ymd();
        let label = format!("{} {y}", month_name(mo, theme.locale));
        let w = text::width_px(&label, mt.font_px - 1.0) * text::SLACK + 8.0;
        let left = (x - w / 2.0).clamp(0.0, (g.width - w).max(0.0));
        (x, left, w, label)
    });
    for tick in &g.ticks {
        let x = px(tick.x_px);
        area.draw(&PathElement::new(
            vec![(x, 0), (x, px(g.height - mt.axis_px))],
            theme.grid.stroke_width(1),
        ))?;
        let style = TextStyle::from(font(mt.font_px - 1.0))
            .color(&theme.muted)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let label = tick.text(theme.locale);
        let (centre, half) =
            ticks::label_extent(tick.x_px, &label, mt.font_px - 1.0, (0.0, g.width));
        let covered = tab
            .as_ref()
            .is_some_and(|(_, left, w, _)| centre + half > *left && centre - half < left + w);
        if covered {
            continue;
        }
        area.draw_text(
            &label,
            &style,
            (px(centre), px(g.height - mt.axis_px + 4.0)),
        )?;
    }

    for row in &g.rows {
        let p = row.plot;
        let lit = frame.sector == Some(row.sector);
        let fill = if lit {
            theme.selection.mix(0.07)
        } else {
            theme.era_fill[0].mix(1.0)
        };
        area.draw(&Rectangle::new(
            [(0, px(row.band_top)), (px(g.width), px(p.bottom()))],
            fill.filled(),
        ))?;
        let level = d.level(row.sector, t);
        let face = if lit {
            bold(mt.font_px)
        } else {
            font(mt.font_px)
        };
        let at = &row.text;
        let name_style = TextStyle::from(face)
            .color(&theme.text)
            .pos(Pos::new(HPos::Left, VPos::Top));
        for (k, line) in at.name.iter().enumerate() {
            area.draw_text(
                line,
                &name_style,
                (px(at.name_at.0), px(at.name_at.1 + at.line_px * k as f64)),
            )?;
        }
        if let Some((x, y)) = at.figures_at {
            let numbers = figures(theme.locale, level.declared, level.delivered);
            let numbers = text::truncate(&numbers, mt.font_px - 2.0, at.figures_room);
            let style = TextStyle::from(font(mt.font_px - 2.0))
                .color(&theme.muted)
                .pos(Pos::new(HPos::Left, VPos::Top));
            area.draw_text(&numbers, &style, (px(x), px(y)))?;
        }

        // The gap between what was declared and what was delivered, shaded, up to the playhead.
        let until = t.min(g.scale.t1);
        let mut last = g.scale.t0;
        for &c in row
            .change_days
            .iter()
            .filter(|&&c| c > g.scale.t0)
            .chain(std::iter::once(&until))
        {
            let c = c.min(until);
            if c > last {
                let l = d.level(row.sector, last);
                if l.declared > l.delivered {
                    area.draw(&Rectangle::new(
                        [
                            (px(g.scale.x_px_from_day(last)), px(row.y_of(l.declared))),
                            (px(g.scale.x_px_from_day(c)), px(row.y_of(l.delivered))),
                        ],
                        theme.gap.mix(0.22).filled(),
                    ))?;
                }
                last = c;
            }
            if c >= until {
                break;
            }
        }
        // The future stays faint so the room sees where the lines are going only once they get there.
        let future_decl = steps(d, row, g, g.scale.t1, true);
        let future_deliv = steps(d, row, g, g.scale.t1, false);
        area.draw(&PathElement::new(
            future_decl,
            theme.declared.mix(theme.ghost_alpha * 0.5).stroke_width(1),
        ))?;
        area.draw(&PathElement::new(
            future_deliv,
            theme.delivered.mix(theme.ghost_alpha * 0.5).stroke_width(1),
        ))?;
        area.draw(&DashedPathElement::new(
            steps(d, row, g, until, true),
            DASH_PX.0,
            DASH_PX.1,
            theme.declared.stroke_width(2),
        ))?;
        area.draw(&PathElement::new(
            steps(d, row, g, until, false),
            theme.delivered.stroke_width(3),
        ))?;
    }

    for mark in &g.marks {
        let visible = mark.day <= t;
        let selected = frame.provision == Some(mark.provision);
        let r = mt.mark_r_px;
        let (x, y) = (px(mark.x), px(mark.y));
        match mark.kind {
            // Declarations: hollow circles on the dashed line.
            MarkKind::Declared => {
                let c = theme
                    .declared
                    .mix(if visible { 1.0 } else { theme.ghost_alpha });
                area.draw(&Circle::new(
                    (x, y),
                    r.round() as u32,
                    theme.background.filled(),
                ))?;
                area.draw(&Circle::new((x, y), r.round() as u32, c.stroke_width(2)))?;
            }
            // Outcomes: squares on the solid line, filled where the outcome delivered something,
            // hollow where it did not (a postponement, a reversal), so that no mark on the delivered
            // line reads as a delivery that was not. An outcome known only by the date of the first
            // source that records it is a triangle pointing back in time: it happened then or before.
            // One that delivered something on officials' own word only is a square within a square
            // outline.
            MarkKind::Outcome(k) => {
                let c = theme
                    .delivered
                    .mix(if visible { 1.0 } else { theme.ghost_alpha });
                let h = r.round() as i32;
                let corners = [(x - h, y - h), (x + h, y + h)];
                let outcome = d.provisions[mark.provision].outcomes.get(k);
                let delivered = outcome.is_none_or(|o| o.state.weight() > 0.0);
                if outcome.is_some_and(|o| o.by) {
                    let w = (r * 1.25).round() as i32;
                    let points = vec![(x + h, y - w), (x + h, y + w), (x - w, y)];
                    if delivered {
                        area.draw(&Polygon::new(points, c.filled()))?;
                    } else {
                        area.draw(&Polygon::new(points.clone(), theme.background.filled()))?;
                        let mut outline = points;
                        outline.push(outline[0]);
                        area.draw(&PathElement::new(outline, c.stroke_width(2)))?;
                    }
                } else if delivered && !outcome.is_some_and(|o| o.claimed) {
                    area.draw(&Rectangle::new(corners, c.filled()))?;
                } else {
                    area.draw(&Rectangle::new(corners, theme.background.filled()))?;
                    area.draw(&Rectangle::new(corners, c.stroke_width(2)))?;
                    // Delivered on officials' word only: the square within the outline.
                    if delivered {
                        let k = (r * 0.45).round().max(1.0) as i32;
                        area.draw(&Rectangle::new(
                            [(x - k, y - k), (x + k, y + k)],
                            c.filled(),
                        ))?;
                    }
                }
            }
        }
        if selected {
            let ring = mt.ring_r_px() as u32;
            area.draw(&Circle::new((x, y), ring, theme.selection.stroke_width(2)))?;
        }
    }

    if let Some((x, left, w, label)) = tab {
        let x = px(x);
        area.draw(&PathElement::new(
            vec![(x, 0), (x, px(g.height - mt.axis_px))],
            theme.playhead.stroke_width(2),
        ))?;
        let top = g.height - mt.axis_px + 2.0;
        area.draw(&Rectangle::new(
            [(px(left), px(top)), (px(left + w), px(g.height))],
            theme.playhead.filled(),
        ))?;
        let style = TextStyle::from(bold(mt.font_px - 1.0))
            .color(&theme.background)
            .pos(Pos::new(HPos::Center, VPos::Center));
        area.draw_text(
            &label,
            &style,
            (px(left + w / 2.0), px((top + g.height) / 2.0)),
        )?;
    }
    Ok(())
}
