//! Time-axis ticks that adapt to the zoom: from decades down to single months.
//!
//! The step is the finest calendar unit whose labelled ticks stay at least a label's width apart, so
//! the number of ticks is bounded by the axis width whatever the zoom: the tick explosion that freezes
//! other timelines at deep zoom cannot happen here.

use super::scale::TimeScale;
use super::text;
use crate::i18n::Locale;
use crate::model::date::{month_abbrev, month_name, Day};

/// A calendar step between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Every `n` years, on years divisible by `n`.
    Years(i32),
    /// Every `n` months, on months whose index (0-based) is divisible by `n`.
    Months(u32),
}

/// Candidate steps, coarsest first.
const STEPS: [Step; 10] = [
    Step::Years(50),
    Step::Years(20),
    Step::Years(10),
    Step::Years(5),
    Step::Years(2),
    Step::Years(1),
    Step::Months(6),
    Step::Months(3),
    Step::Months(2),
    Step::Months(1),
];

/// Gap between neighbouring tick labels, px.
const LABEL_GAP_PX: f64 = 14.0;

/// One tick on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Day of the tick.
    pub day: Day,
    /// x position, px.
    pub x_px: f64,
    /// Label text ("1999", "Mar", "Jan 2001").
    pub label: String,
    /// Whether the tick starts a year (drawn stronger).
    pub major: bool,
}

impl Tick {
    /// The label in `locale` ("Mar", "март"; "Jan 2001", "янв. 2001"; years as they are).
    pub fn text(&self, locale: Locale) -> String {
        if locale == Locale::en || self.label.bytes().all(|b| b.is_ascii_digit()) {
            return self.label.clone();
        }
        let (year, month, _) = self.day.ymd();
        if month == 1 {
            format!("{} {year}", month_name(month, locale))
        } else {
            month_name(month, locale).to_owned()
        }
    }
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Years(n) => 365.2425 * f64::from(n),
            Step::Months(n) => 30.436875 * f64::from(n),
        }
    }

    fn widest_label(self) -> &'static str {
        match self {
            Step::Years(_) => "2000",
            Step::Months(_) => "Sep 2000",
        }
    }
}

/// Picks the finest step whose labels fit, at `font_px`.
pub fn choose_step(scale: &TimeScale, font_px: f64) -> Step {
    let px_per_day = scale.px_per_day();
    STEPS
        .iter()
        .rev()
        .copied()
        .find(|s| {
            s.approx_days() * px_per_day >= text::width_px(s.widest_label(), font_px) + LABEL_GAP_PX
        })
        .unwrap_or(Step::Years(50))
}

/// Where to centre a tick's `label` set at `font_px` so that it stays whole between `lo` and `hi`
/// (the canvas's edges): under its tick at `x`, or moved inwards just enough where the tick is near an
/// edge (a year starting the window would otherwise be cut to "020").
pub fn label_centre(x: f64, label: &str, font_px: f64, bounds: (f64, f64)) -> f64 {
    label_extent(x, label, font_px, bounds).0
}

/// A tick label's centre, as [`label_centre`] places it, and half its width with a tenth to spare.
pub fn label_extent(x: f64, label: &str, font_px: f64, (lo, hi): (f64, f64)) -> (f64, f64) {
    let half = text::width_px(label, font_px) * 0.55 + 1.0;
    if hi - lo < 2.0 * half {
        return (x, half);
    }
    (x.clamp(lo + half, hi - half), half)
}

/// The ticks inside the scale's window, labelled, at `font_px`.
pub fn ticks(scale: &TimeScale, font_px: f64) -> Vec<Tick> {
    let step = choose_step(scale, font_px);
    let (y0, m0, _) = Day(scale.t0.floor() as i32).ymd();
    let last = scale.t1.ceil();
    let mut out = Vec::new();
    match step {
        Step::Years(n) => {
            let mut y = y0.div_euclid(n) * n;
            loop {
                let day = Day::from_ymd(y, 1, 1);
                if day.as_f64() > last {
                    break;
                }
                if day.as_f64() >= scale.t0 {
                    out.push(Tick {
                        day,
                        x_px: scale.x_px_from_day(day.as_f64()),
                        label: y.to_string(),
                        major: true,
                    });
                }
                y += n;
            }
        }
        Step::Months(n) => {
            // Months counted from year 0, so steps stay aligned across years.
            let mut k = (i64::from(y0) * 12 + i64::from(m0) - 1) / i64::from(n) * i64::from(n);
            loop {
                let year = k.div_euclid(12) as i32;
                let month = (k.rem_euclid(12) + 1) as u32;
                let day = Day::from_ymd(year, month, 1);
                if day.as_f64() > last {
                    break;
                }
                if day.as_f64() >= scale.t0 {
                    let label = if month == 1 {
                        format!("{} {year}", month_abbrev(month))
                    } else {
                        month_abbrev(month).to_owned()
                    };
                    out.push(Tick {
                        day,
                        x_px: scale.x_px_from_day(day.as_f64()),
                        label,
                        major: month == 1,
                    });
                }
                k += i64::from(n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale_years(y0: i32, y1: i32, width: f64) -> TimeScale {
        TimeScale::new(
            Day::from_ymd(y0, 1, 1).as_f64(),
            Day::from_ymd(y1, 1, 1).as_f64(),
            0.0,
            width,
        )
    }

    #[test]
    fn wide_view_ticks_in_years() {
        let t = ticks(&scale_years(1990, 2027, 1200.0), 12.0);
        assert!(t.len() >= 5 && t.len() <= 40, "{} ticks", t.len());
        assert!(t.iter().all(|t| t.label.len() == 4 && t.major));
    }

    #[test]
    fn narrow_phone_view_uses_coarser_steps() {
        let phone = choose_step(&scale_years(1990, 2027, 320.0), 12.0);
        let projector = choose_step(&scale_years(1990, 2027, 1200.0), 12.0);
        assert!(phone.approx_days() > projector.approx_days());
    }

    #[test]
    fn deep_zoom_reaches_months_and_stays_bounded() {
        let s = TimeScale::new(
            Day::from_ymd(1999, 11, 1).as_f64(),
            Day::from_ymd(2000, 3, 1).as_f64(),
            0.0,
            1200.0,
        );
        let t = ticks(&s, 12.0);
        assert_eq!(choose_step(&s, 12.0), Step::Months(1));
        assert!(t.iter().any(|t| t.label == "Jan 2000"));
        assert!(t.iter().any(|t| t.label == "Dec"));
        // Never more ticks than fit side by side.
        for width in [200.0, 800.0, 4000.0] {
            for span in [120.0, 1000.0, 13_000.0] {
                let s = TimeScale::new(10_000.0, 10_000.0 + span, 0.0, width);
                let n = ticks(&s, 12.0).len() as f64;
                assert!(
                    n <= width / (text::width_px("2000", 12.0) + LABEL_GAP_PX) + 2.0,
                    "{n} ticks at {width}px/{span}d"
                );
            }
        }
    }

    #[test]
    fn ticks_are_ordered_and_inside_the_window() {
        let s = scale_years(1991, 2026, 900.0);
        let t = ticks(&s, 12.0);
        assert!(t.windows(2).all(|w| w[0].day < w[1].day));
        assert!(t.iter().all(|t| t.x_px >= 0.0 && t.x_px <= 900.0));
    }
}
