//! The linear map between time (days) and horizontal pixels, with zoom and pan.

/// Shortest span of time the view may show, in days: at this zoom one month is still several
/// tick spacings wide, and ticks never get finer than months.
pub const MIN_SPAN_DAYS: f64 = 120.0;

/// A linear time scale: the days `[t0, t1]` map to the pixels `[x0, x1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    /// Day at the left edge.
    pub t0: f64,
    /// Day at the right edge.
    pub t1: f64,
    /// Left edge, px.
    pub x0: f64,
    /// Right edge, px.
    pub x1: f64,
}

impl TimeScale {
    /// A scale showing `[t0, t1]` across `[x0, x1]`.
    pub fn new(t0: f64, t1: f64, x0: f64, x1: f64) -> TimeScale {
        TimeScale {
            t0,
            t1: t1.max(t0 + 1.0),
            x0,
            x1: x1.max(x0 + 1.0),
        }
    }

    /// Pixels per day.
    pub fn px_per_day(&self) -> f64 {
        (self.x1 - self.x0) / (self.t1 - self.t0)
    }

    /// The x pixel of a day.
    pub fn x_px_from_day(&self, t_days: f64) -> f64 {
        self.x0 + (t_days - self.t0) * self.px_per_day()
    }

    /// The day at an x pixel.
    pub fn day_from_x_px(&self, x_px: f64) -> f64 {
        self.t0 + (x_px - self.x0) / self.px_per_day()
    }

    /// How a picture drawn at this scale is moved and stretched to show `view` across the same pixels,
    /// for a preview during a zoom or pan, before it is drawn again: a point at `x` goes to
    /// `x0 + shift + stretch * (x - x0)`. Returns `(shift, stretch)`, px and a factor.
    pub fn preview(&self, view: Window) -> (f64, f64) {
        let to = view.scale(self.x0, self.x1);
        let k = to.px_per_day();
        ((self.t0 - to.t0) * k, k / self.px_per_day())
    }

    /// Whether a day lies in the visible window (with `margin_px` of slack on both sides).
    pub fn shows(&self, t_days: f64, margin_px: f64) -> bool {
        let x = self.x_px_from_day(t_days);
        x >= self.x0 - margin_px && x <= self.x1 + margin_px
    }
}

/// The window of time a view shows, independent of pixel size: what zoom and pan change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// First visible day.
    pub t0: f64,
    /// Last visible day.
    pub t1: f64,
}

impl Window {
    /// The scale for this window across `[x0, x1]` pixels.
    pub fn scale(&self, x0: f64, x1: f64) -> TimeScale {
        TimeScale::new(self.t0, self.t1, x0, x1)
    }

    /// Length of the window in days.
    pub fn span(&self) -> f64 {
        self.t1 - self.t0
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day `anchor` fixed on screen, then clamps to `bounds`.
    pub fn zoom(&self, factor: f64, anchor: f64, bounds: Window) -> Window {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS.min(bounds.span()), bounds.span());
        // An anchor outside the window zooms about the nearer edge.
        let anchor = if anchor.is_finite() {
            anchor.clamp(self.t0, self.t1)
        } else {
            self.t0
        };
        let frac = (anchor - self.t0) / self.span();
        let t0 = anchor - frac * span;
        Window { t0, t1: t0 + span }.clamp_to(bounds)
    }

    /// Moves the window by `days` (positive moves later in time), then clamps to `bounds`.
    pub fn pan(&self, days: f64, bounds: Window) -> Window {
        let days = if days.is_finite() { days } else { 0.0 };
        Window {
            t0: self.t0 + days,
            t1: self.t1 + days,
        }
        .clamp_to(bounds)
    }

    /// Keeps the window inside `bounds` without changing its span (unless it is wider than `bounds`).
    pub fn clamp_to(&self, bounds: Window) -> Window {
        let span = self.span().min(bounds.span());
        let t0 = self.t0.clamp(bounds.t0, bounds.t1 - span);
        Window { t0, t1: t0 + span }
    }

    /// Pans the smallest distance that brings `t` inside the window with `pad` (fraction of span) to spare.
    pub fn follow(&self, t: f64, pad: f64, bounds: Window) -> Window {
        let margin = self.span() * pad;
        if t < self.t0 + margin {
            self.pan(t - margin - self.t0, bounds)
        } else if t > self.t1 - margin {
            self.pan(t + margin - self.t1, bounds)
        } else {
            *self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Window = Window {
        t0: 0.0,
        t1: 10_000.0,
    };

    #[test]
    fn maps_days_to_pixels_and_back() {
        let s = TimeScale::new(100.0, 200.0, 10.0, 210.0);
        assert_eq!(s.x_px_from_day(100.0), 10.0);
        assert_eq!(s.x_px_from_day(150.0), 110.0);
        assert_eq!(s.day_from_x_px(110.0), 150.0);
        assert!(s.shows(199.0, 0.0) && !s.shows(250.0, 5.0));
    }

    #[test]
    fn a_preview_puts_each_day_where_the_new_view_draws_it() {
        let drawn = TimeScale::new(1_000.0, 3_000.0, 120.0, 1_120.0);
        let w = Window {
            t0: 1_000.0,
            t1: 3_000.0,
        };
        let view = w.zoom(2.5, 1_700.0, BOUNDS).pan(-90.0, BOUNDS);
        let (shift, stretch) = drawn.preview(view);
        let to = view.scale(drawn.x0, drawn.x1);
        for day in [900.0, 1_000.0, 1_700.0, 2_222.0, 3_500.0] {
            let moved = drawn.x0 + shift + stretch * (drawn.x_px_from_day(day) - drawn.x0);
            assert!((moved - to.x_px_from_day(day)).abs() < 1e-9, "day {day}");
        }
        assert_eq!(drawn.preview(w), (0.0, 1.0), "the same window: no change");
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let w = Window {
            t0: 0.0,
            t1: 10_000.0,
        };
        let z = w.zoom(4.0, 2_500.0, BOUNDS);
        assert!((z.span() - 2_500.0).abs() < 1e-9);
        let before = (2_500.0 - w.t0) / w.span();
        let after = (2_500.0 - z.t0) / z.span();
        assert!((before - after).abs() < 1e-9);
    }

    #[test]
    fn zoom_and_pan_stay_in_bounds() {
        let w = Window {
            t0: 0.0,
            t1: 10_000.0,
        };
        let deep = (0..50).fold(w, |w, _| w.zoom(2.0, 9_999.0, BOUNDS));
        assert!((deep.span() - MIN_SPAN_DAYS).abs() < 1e-9);
        assert!(deep.t1 <= BOUNDS.t1 + 1e-9);
        let out = deep.zoom(0.001, 5_000.0, BOUNDS);
        assert_eq!(out, BOUNDS);
        let panned = deep.pan(-1e9, BOUNDS);
        assert_eq!(panned.t0, 0.0);
        assert_eq!(deep.zoom(f64::NAN, 1.0, BOUNDS), deep);
    }

    #[test]
    fn follow_brings_the_playhead_into_view() {
        let w = Window {
            t0: 1_000.0,
            t1: 2_000.0,
        };
        let f = w.follow(2_500.0, 0.1, BOUNDS);
        assert!(f.t0 < 2_500.0 && 2_500.0 < f.t1);
        assert_eq!(w.follow(1_500.0, 0.1, BOUNDS), w);
    }
}
