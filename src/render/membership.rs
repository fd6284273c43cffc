//! Draws the membership matrix and the history (Gantt) charts of a state or an organisation.

use crate::i18n::{td_string, Locale};
use crate::model::date::month_name;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::Theme;
use crate::layout::anim::{appearance, ease_out_cubic};
use crate::layout::matrix::{name_line_px, MatrixLayout};
use crate::layout::scale::TimeScale;
use crate::layout::{text, ticks};
use crate::model::{Day, MemberStatus, Membership, Standing};

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// What changes between frames of the matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatrixFrame {
    /// Playhead, days.
    pub playhead_day: f64,
    /// Days a change takes to animate.
    pub appear_days: f64,
    /// The highlighted state's row.
    pub state: Option<usize>,
    /// The highlighted organisation's column.
    pub organisation: Option<usize>,
}

/// The short text shown in a cell for a standing ("since 1993", "left 1999").
pub fn cell_text(standing: Standing, since_year: Option<i32>, locale: Locale) -> String {
    let year = since_year.map(|y| y.to_string()).unwrap_or_default();
    let l = locale;
    match standing {
        Standing::None => String::new(),
        Standing::Left => td_string!(l, cell.left, year = &year),
        Standing::Is(MemberStatus::Member) => td_string!(l, cell.member, year = &year),
        Standing::Is(MemberStatus::Associate) => td_string!(l, cell.associate, year = &year),
        Standing::Is(MemberStatus::Observer) => td_string!(l, cell.observer, year = &year),
        Standing::Is(MemberStatus::Participant) => td_string!(l, cell.participant, year = &year),
        Standing::Is(MemberStatus::Suspended) => td_string!(l, cell.suspended, year = &year),
        Standing::Is(MemberStatus::ExitPending) => td_string!(l, cell.leaving, year = &year),
    }
}

/// Draws one mark for a standing in `rect` (x0, y0, x1, y1), scaled by `grow` (0..1) about its centre.
/// Members are filled, associates filled lighter, observers and participants hollow or half filled,
/// suspensions hatched, pending exits filled in another colour, and past memberships a faint outline:
/// never colour alone.
pub fn draw_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    standing: Standing,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    grow: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (hw, hh) = ((x1 - x0) / 2.0 * grow, (y1 - y0) / 2.0 * grow);
    let (a, b) = ((px(cx - hw), px(cy - hh)), (px(cx + hw), px(cy + hh)));
    match standing {
        Standing::None => {}
        Standing::Left => area.draw(&Rectangle::new([a, b], theme.pending.stroke_width(1)))?,
        Standing::Is(MemberStatus::Member) => {
            area.draw(&Rectangle::new([a, b], theme.member.filled()))?
        }
        Standing::Is(MemberStatus::Associate) => {
            area.draw(&Rectangle::new([a, b], theme.associate.filled()))?
        }
        Standing::Is(MemberStatus::Observer) => {
            area.draw(&Rectangle::new([a, b], theme.member.stroke_width(2)))?
        }
        Standing::Is(MemberStatus::Participant) => {
            area.draw(&Rectangle::new([a, b], theme.member.stroke_width(2)))?;
            area.draw(&Rectangle::new(
                [a, (px(cx), b.1)],
                theme.member.mix(0.6).filled(),
            ))?;
        }
        Standing::Is(MemberStatus::Suspended) => {
            area.draw(&Rectangle::new([a, b], theme.suspended.stroke_width(2)))?;
            // Diagonal hatching, clipped to the cell by construction.
            let step = 6;
            let (w, h) = (b.0 - a.0, b.1 - a.1);
            let mut k = 0;
            while k < w + h {
                let start = (a.0 + k.min(w), a.1 + (k - w).max(0));
                let end = (a.0 + (k - h).max(0), a.1 + k.min(h));
                area.draw(&PathElement::new(
                    vec![start, end],
                    theme.suspended.stroke_width(1),
                ))?;
                k += step;
            }
        }
        Standing::Is(MemberStatus::ExitPending) => {
            area.draw(&Rectangle::new([a, b], theme.leaving.filled()))?;
        }
    }
    Ok(())
}

/// Whether every cell's words ("since 1994") fit its column, for every standing the data gives each
/// organisation at any time (with the widest year): where one does not, every cell gives its year
/// alone, so that a row never reads "1991 | since 1994" as if the two differed.
pub fn cell_words_fit(m: &Membership, g: &MatrixLayout, locale: Locale) -> bool {
    m.intervals.iter().all(|iv| {
        let room = g.label_room(iv.organisation);
        let mut forms = vec![cell_text(Standing::Is(iv.status), Some(8888), locale)];
        if iv.to.is_some() {
            forms.push(cell_text(Standing::Left, Some(8888), locale));
        }
        forms
            .iter()
            .all(|f| text::width_px(f, g.metrics.cell_font_px) <= room)
    })
}

/// Each column's notes for when it is greyed, before its founding and after its end: in words
/// ("ended 2015") where the cells are in words (`words`) and the words fit every column that is ever
/// greyed, otherwise as the year with a dash on its open side ("–2015") in every column.
fn column_notes(
    m: &Membership,
    g: &MatrixLayout,
    locale: Locale,
    words: bool,
) -> Vec<(String, String)> {
    let dashed = || {
        m.organisations
            .iter()
            .map(|org| {
                (
                    format!("{}–", org.founded.year),
                    format!("–{}", org.ended.map_or(0, |e| e.year)),
                )
            })
            .collect()
    };
    if !words {
        return dashed();
    }
    let start = m
        .organisations
        .iter()
        .map(|o| o.founded.year)
        .min()
        .unwrap_or_default();
    let notes: Vec<(String, String)> = m
        .organisations
        .iter()
        .map(|org| {
            let from = org.founded.year;
            let ended = org.ended.map_or(0, |e| e.year);
            (
                td_string!(locale, cell.from, year = from).to_string(),
                td_string!(locale, cell.ended, year = ended).to_string(),
            )
        })
        .collect();
    let words_fit = m.organisations.iter().enumerate().all(|(o, org)| {
        let room = g.col_w(o) - 4.0;
        let fits = |t: &str| text::width_px(t, g.metrics.cell_font_px) <= room;
        (org.founded.year == start || fits(&notes[o].0))
            && (org.ended.is_none() || fits(&notes[o].1))
    });
    if words_fit {
        notes
    } else {
        dashed()
    }
}

/// Draws the matrix at the frame's time.
pub fn draw_matrix<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Membership,
    g: &MatrixLayout,
    frame: &MatrixFrame,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mt = &g.metrics;
    let t = frame.playhead_day;
    let font = |size: f64| theme.font(size);
    let bold = |size: f64| theme.bold(size);
    area.fill(&theme.background)?;
    let words = cell_words_fit(m, g, theme.locale);
    let notes = column_notes(m, g, theme.locale, words);

    for (k, band) in g.bands.iter().enumerate() {
        area.draw(&Rectangle::new(
            [(px(band.x0), 0), (px(band.x1), px(g.height))],
            theme.era_fill[k % 2].filled(),
        ))?;
        let style = TextStyle::from(bold(g.band_font_px))
            .color(&theme.muted)
            .pos(Pos::new(HPos::Center, VPos::Center));
        area.draw_text(
            &band.label,
            &style,
            (px((band.x0 + band.x1) / 2.0), px(mt.band_px / 2.0)),
        )?;
    }
    for (s, label) in g.row_labels.iter().enumerate() {
        let cell = g.cell(s, 0);
        if frame.state == Some(s) {
            area.draw(&Rectangle::new(
                [(0, px(cell.y)), (px(g.width), px(cell.bottom()))],
                theme.selection.mix(0.08).filled(),
            ))?;
        }
        area.draw(&PathElement::new(
            vec![(0, px(cell.y)), (px(g.width), px(cell.y))],
            theme.grid.stroke_width(1),
        ))?;
        let face = if frame.state == Some(s) {
            bold(g.row_font_px)
        } else {
            font(g.row_font_px)
        };
        let style = TextStyle::from(face)
            .color(&theme.text)
            .pos(Pos::new(HPos::Left, VPos::Center));
        area.draw_text(label, &style, (4, px(cell.y + cell.h / 2.0)))?;
    }
    for (o, label) in g.column_labels.iter().enumerate() {
        let cell = g.cell(0, o);
        let exists = m.exists(o, t);
        if frame.organisation == Some(o) {
            area.draw(&Rectangle::new(
                [
                    (px(cell.x), px(mt.band_px)),
                    (px(cell.right()), px(g.height)),
                ],
                theme.selection.mix(0.08).filled(),
            ))?;
        }
        area.draw(&PathElement::new(
            vec![(px(cell.x), px(mt.band_px)), (px(cell.x), px(g.height))],
            theme.grid.stroke_width(1),
        ))?;
        let ink = if exists { theme.text } else { theme.muted };
        let face = if frame.organisation == Some(o) {
            bold(g.column_font_px)
        } else {
            font(g.column_font_px)
        };
        let style = TextStyle::from(face)
            .color(&ink)
            .pos(Pos::new(HPos::Center, VPos::Center));
        let line_px = name_line_px(g.column_font_px);
        let (mid_x, mid_y) = (cell.x + cell.w / 2.0, mt.band_px + mt.header_px / 2.0);
        // Lines stacked down the header, or, running upwards, side by side across the column (the
        // first on the left).
        let upwards = style.transform(FontTransform::Rotate270);
        for (line, offset) in label
            .iter()
            .zip(text::centred_lines(0.0, label.len(), line_px))
        {
            if g.column_labels_upright {
                area.draw_text(line, &style, (px(mid_x), px(mid_y + offset)))?;
            } else {
                area.draw_text(line, &upwards, (px(mid_x + offset), px(mid_y)))?;
            }
        }
        if !exists {
            // Not founded yet, or dissolved: the column is greyed and says which, in words or, in
            // narrow columns (a phone's), as the year with a dash on its open side ("–2015").
            let (from, ended) = &notes[o];
            let note = if m.organisations[o].founded.first_day().as_f64() > t {
                from
            } else {
                ended
            };
            area.draw(&Rectangle::new(
                [
                    (px(cell.x) + 1, px(g.rows_top)),
                    (px(cell.right()) - 1, px(g.height)),
                ],
                theme.grid.mix(0.35).filled(),
            ))?;
            // Half-way down the column, where it reads as the column's, not as the first state's.
            let style = TextStyle::from(font(mt.cell_font_px))
                .color(&theme.muted)
                .pos(Pos::new(HPos::Center, VPos::Center));
            area.draw_text(
                &text::truncate(note, mt.cell_font_px, cell.w - 4.0),
                &style,
                (px(cell.x + cell.w / 2.0), px((g.rows_top + g.height) / 2.0)),
            )?;
        }
    }

    let (mark, label_y) = g.mark_and_label();
    for s in 0..m.states.len() {
        // A dissolved organisation's column stays grey: "left" would wrongly suggest its members quit.
        for o in (0..m.organisations.len()).filter(|&o| m.exists(o, t)) {
            let standing = m.standing(s, o, t);
            if standing == Standing::None {
                continue;
            }
            let cell = g.cell(s, o);
            let pad = mt.pad_px;
            let changed = m.last_change(s, o, t);
            let grow = changed.map_or(1.0, |d| ease_out_cubic(appearance(d, t, frame.appear_days)));
            let rect = (
                cell.x + pad,
                cell.y + mark.0,
                cell.right() - pad,
                cell.y + mark.1,
            );
            draw_mark(area, standing, rect, grow.max(0.05), theme)?;
            let year = changed.map(|d| Day(d as i32).ymd().0);
            // In narrow cells (a phone's) the year alone, which the mark's kind explains, rather
            // than words cut to "since 19…" ([`cell_words_fit`]), and for a membership that ended
            // the year it ended with a dash before it where every such cell has room for one, as a
            // greyed column's ("–2009": its faint outline alone read as a member's "2009"); kept a little inside the cell's padding, so
            // that it never meets its neighbour's.
            let label = match (words, year) {
                (true, _) => cell_text(standing, year, theme.locale),
                (false, Some(y)) if g.past_dashed && standing == Standing::Left => format!("–{y}"),
                (false, y) => y.map(|y| y.to_string()).unwrap_or_default(),
            };
            let label = text::truncate(&label, mt.cell_font_px, g.label_room(o));
            let style = TextStyle::from(font(mt.cell_font_px))
                .color(&theme.text)
                .pos(Pos::new(HPos::Center, VPos::Center));
            if let Some(label_y) = label_y {
                area.draw_text(
                    &label,
                    &style,
                    (px(cell.x + cell.w / 2.0), px(cell.y + label_y)),
                )?;
            }
        }
    }
    let (y, mo, _) = Day(t.floor() as i32).ymd();
    let style = TextStyle::from(bold(mt.font_px))
        .color(&theme.playhead)
        .pos(Pos::new(HPos::Left, VPos::Center));
    area.draw_text(
        &format!("{} {y}", month_name(mo, theme.locale)),
        &style,
        (4, px(mt.band_px + mt.header_px / 2.0)),
    )?;
    Ok(())
}

/// One row of a history chart: a label and its dated statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// Row label.
    pub label: String,
    /// `(start day, end day or None if ongoing, status)`.
    pub spans: Vec<(f64, Option<f64>, MemberStatus)>,
}

/// Draws a history chart (one bar per status) from `t0` to `t1`, with the playhead.
#[allow(clippy::too_many_arguments)]
pub fn draw_history<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[HistoryRow],
    (w, h): (f64, f64),
    (t0, t1): (f64, f64),
    playhead_day: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font_px = 11.0;
    let font = |size: f64| theme.font(size);
    area.fill(&theme.background)?;
    let label_w = rows
        .iter()
        .map(|r| text::width_px(&r.label, font_px))
        .fold(30.0, f64::max)
        .min(w * 0.35)
        + 8.0;
    let axis = 18.0;
    let scale = TimeScale::new(t0, t1, label_w, w - 6.0);
    let row_h = ((h - axis) / rows.len().max(1) as f64).min(22.0);
    for (i, row) in rows.iter().enumerate() {
        let y0 = row_h * i as f64;
        let style = TextStyle::from(font(font_px))
            .color(&theme.text)
            .pos(Pos::new(HPos::Left, VPos::Center));
        area.draw_text(
            &text::truncate(&row.label, font_px, label_w - 6.0),
            &style,
            (2, px(y0 + row_h / 2.0)),
        )?;
        for &(a, b, status) in &row.spans {
            let x0 = scale.x_px_from_day(a).max(scale.x0);
            let x1 = scale.x_px_from_day(b.unwrap_or(t1)).min(scale.x1);
            if x1 <= x0 {
                continue;
            }
            let future = a > playhead_day;
            let rect = (x0, y0 + 3.0, x1, y0 + row_h - 3.0);
            if future {
                area.draw(&Rectangle::new(
                    [(px(rect.0), px(rect.1)), (px(rect.2), px(rect.3))],
                    theme.pending.mix(theme.ghost_alpha).filled(),
                ))?;
            } else {
                draw_mark(area, Standing::Is(status), rect, 1.0, theme)?;
            }
        }
    }
    let bottom = h - axis;
    area.draw(&PathElement::new(
        vec![(px(scale.x0), px(bottom)), (px(scale.x1), px(bottom))],
        theme.muted.stroke_width(1),
    ))?;
    for tick in ticks::ticks(&scale, font_px) {
        let style = TextStyle::from(font(font_px - 1.0))
            .color(&theme.muted)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let label = tick.text(theme.locale);
        let centre = ticks::label_centre(tick.x_px, &label, font_px - 1.0, (0.0, w));
        area.draw_text(&label, &style, (px(centre), px(bottom + 2.0)))?;
    }
    if scale.shows(playhead_day, 0.0) {
        let x = px(scale.x_px_from_day(playhead_day));
        area.draw(&PathElement::new(
            vec![(x, 0), (x, px(bottom))],
            theme.playhead.stroke_width(2),
        ))?;
    }
    Ok(())
}
