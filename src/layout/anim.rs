//! Animation maths: easing curves, the playhead's clock and stepping between events.

/// Default playback speed: one year of history per second of real time.
pub const DAYS_PER_SECOND: f64 = 365.2425;
/// How long an event takes to appear once the playhead reaches it, in seconds of real time.
pub const APPEAR_SECONDS: f64 = 0.45;
/// With reduced motion, playback cuts from event to event instead of sweeping: seconds per cut at 1×.
pub const CUT_SECONDS: f64 = 1.5;
/// The speeds offered to the user, as multiples of [`DAYS_PER_SECOND`].
pub const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];
/// While the timeline plays, the event the card shows (and the ring round it) moves on at most this
/// often, ms. Where events follow closer than that (a dense stretch, a faster speed, a dataset of
/// thousands) the cards between would each show for a frame or two, too briefly to read, and each
/// would cost a new card laid out and painted, and the screen drawn again from the playhead to the
/// card. Once the time is up the card shows the last event passed; pausing shows it at once.
pub const CARD_HOLD_MS: f64 = 250.0;

/// Cubic ease-out on `[0, 1]`: fast start, gentle landing.
pub fn ease_out_cubic(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    1.0 - (1.0 - t).powi(3)
}

/// Ease-out with a small overshoot on `[0, 1]`, for a marker that "pops" in.
pub fn ease_out_back(t: f64) -> f64 {
    const C1: f64 = 1.70158;
    const C3: f64 = C1 + 1.0;
    let t = t.clamp(0.0, 1.0);
    1.0 + C3 * (t - 1.0).powi(3) + C1 * (t - 1.0).powi(2)
}

/// Cubic ease-in-out on `[0, 1]`, for camera moves.
pub fn ease_in_out_cubic(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// What follows the playhead in the page (the card, the scrubber and its date) shows `next`, unless the
/// timeline is `playing` and what it shows now, `shown`, has shown for less than `hold_ms` (`shown_ms`
/// so far): then it keeps `shown`.
pub fn held<T: PartialEq>(
    shown: Option<T>,
    next: T,
    playing: bool,
    shown_ms: f64,
    hold_ms: f64,
) -> T {
    match shown {
        Some(shown) if playing && shown != next && shown_ms < hold_ms => shown,
        _ => next,
    }
}

/// How far an event anchored at `anchor_day` has appeared, 0 (hidden) to 1 (fully shown), when the
/// playhead is at `playhead_day` and an appearance lasts `appear_days` of timeline time.
pub fn appearance(anchor_day: f64, playhead_day: f64, appear_days: f64) -> f64 {
    if playhead_day < anchor_day {
        0.0
    } else if appear_days <= 0.0 {
        1.0
    } else {
        ((playhead_day - anchor_day) / appear_days).min(1.0)
    }
}

/// The playhead's clock: where it is, and how it moves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    /// Current time, days.
    pub t: f64,
    /// First day of the range played.
    pub start: f64,
    /// Last day of the range played.
    pub end: f64,
    /// Speed multiplier (1.0 = [`DAYS_PER_SECOND`]).
    pub speed: f64,
    /// Whether playback starts over at the end.
    pub looping: bool,
}

/// What a clock tick did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    /// Still playing.
    Playing,
    /// Reached the end and stopped.
    Ended,
    /// Reached the end and started over.
    Looped,
}

impl Clock {
    /// Advances the clock by `dt_seconds` of real time. Large gaps (a hidden tab) are capped so the
    /// playhead does not leap.
    pub fn advance(&mut self, dt_seconds: f64) -> Tick {
        let dt = if dt_seconds.is_finite() {
            dt_seconds.clamp(0.0, 0.25)
        } else {
            0.0
        };
        self.t += dt * self.speed * DAYS_PER_SECOND;
        if self.t >= self.end {
            if self.looping {
                self.t = self.start;
                Tick::Looped
            } else {
                self.t = self.end;
                Tick::Ended
            }
        } else {
            Tick::Playing
        }
    }

    /// Cuts to the next of `anchors` (ascending) after the playhead, for reduced motion; past the last,
    /// ends or starts over like [`Clock::advance`].
    pub fn cut(&mut self, anchors: &[f64]) -> Tick {
        match next_anchor(anchors, self.t)
            .map(|i| anchors[i])
            .filter(|&a| a <= self.end)
        {
            Some(a) => {
                self.t = a;
                Tick::Playing
            }
            None if self.looping => {
                self.t = self.start;
                Tick::Looped
            }
            None => {
                self.t = self.end;
                Tick::Ended
            }
        }
    }

    /// Timeline days an appearance lasts at the current speed.
    pub fn appear_days(&self) -> f64 {
        APPEAR_SECONDS * self.speed * DAYS_PER_SECOND
    }
}

/// The first anchor strictly after `t` (anchors sorted ascending), if any.
pub fn next_anchor(anchors: &[f64], t: f64) -> Option<usize> {
    let i = anchors.partition_point(|&a| a <= t + 0.5);
    (i < anchors.len()).then_some(i)
}

/// The last anchor strictly before `t` (anchors sorted ascending), if any.
pub fn previous_anchor(anchors: &[f64], t: f64) -> Option<usize> {
    let i = anchors.partition_point(|&a| a < t - 0.5);
    i.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_holds_while_playing_and_not_while_paused() {
        // Playing: a change within the hold waits, one after it goes through.
        assert_eq!(held(Some(3), 4, true, 100.0, CARD_HOLD_MS), 3);
        assert_eq!(held(Some(3), 4, true, 250.0, CARD_HOLD_MS), 4);
        // Paused, or nothing shown yet: at once.
        assert_eq!(held(Some(3), 4, false, 10.0, CARD_HOLD_MS), 4);
        assert_eq!(held(None, 4, true, 0.0, CARD_HOLD_MS), 4);
        // No change: nothing to hold.
        assert_eq!(held(Some(4), 4, true, 0.0, CARD_HOLD_MS), 4);
        assert_eq!(held(Some(None), Some(2), true, 5.0, CARD_HOLD_MS), None);
    }

    #[test]
    fn easings_run_from_zero_to_one() {
        for f in [ease_out_cubic, ease_out_back, ease_in_out_cubic] {
            assert!(f(0.0).abs() < 1e-12);
            assert!((f(1.0) - 1.0).abs() < 1e-12);
            assert_eq!(f(-3.0), f(0.0));
        }
        assert!(ease_out_cubic(0.5) > 0.5);
        assert!((0..=100).any(|i| ease_out_back(f64::from(i) / 100.0) > 1.0));
    }

    #[test]
    fn appearance_grows_after_the_anchor() {
        assert_eq!(appearance(100.0, 99.0, 10.0), 0.0);
        assert_eq!(appearance(100.0, 105.0, 10.0), 0.5);
        assert_eq!(appearance(100.0, 500.0, 10.0), 1.0);
        assert_eq!(appearance(100.0, 100.0, 0.0), 1.0);
    }

    #[test]
    fn clock_plays_ends_and_loops() {
        let mut c = Clock {
            t: 0.0,
            start: 0.0,
            end: 400.0,
            speed: 1.0,
            looping: false,
        };
        assert_eq!(c.advance(0.1), Tick::Playing);
        assert!((c.t - 36.52425).abs() < 1e-9);
        // A 10-second stall moves the playhead by at most the cap.
        c.advance(10.0);
        assert!(c.t < 200.0);
        while c.advance(0.2) == Tick::Playing {}
        assert_eq!(c.t, 400.0);
        c.looping = true;
        assert_eq!(c.advance(0.2), Tick::Looped);
        assert_eq!(c.t, 0.0);
    }

    #[test]
    fn reduced_motion_cuts_from_event_to_event() {
        let anchors = [10.0, 20.0, 30.0];
        let mut c = Clock {
            t: 0.0,
            start: 0.0,
            end: 40.0,
            speed: 1.0,
            looping: false,
        };
        assert_eq!(c.cut(&anchors), Tick::Playing);
        assert_eq!(c.t, 10.0);
        c.cut(&anchors);
        c.cut(&anchors);
        assert_eq!(c.t, 30.0);
        assert_eq!(c.cut(&anchors), Tick::Ended);
        assert_eq!(c.t, 40.0);
        c.looping = true;
        assert_eq!(c.cut(&anchors), Tick::Looped);
        assert_eq!(c.t, 0.0);
    }

    #[test]
    fn stepping_finds_neighbouring_events() {
        let a = [10.0, 20.0, 20.0, 30.0];
        assert_eq!(next_anchor(&a, 0.0), Some(0));
        assert_eq!(next_anchor(&a, 10.0), Some(1));
        assert_eq!(next_anchor(&a, 30.0), None);
        assert_eq!(previous_anchor(&a, 30.0), Some(2));
        assert_eq!(previous_anchor(&a, 10.0), None);
        assert_eq!(previous_anchor(&a, 25.0), Some(2));
    }
}
