//! Drives the playhead with `requestAnimationFrame` while the timeline plays.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::hooks::now_ms;
use crate::layout::anim::{Clock, Tick, CUT_SECONDS};

/// While `state.playing` is true, advances the playhead every animation frame, keeps it in view and
/// stops (or loops) at the end. Stops its frame loop when the owner is cleaned up.
pub fn use_playback(state: AppState) {
    // Each start bumps the generation; a frame loop from an earlier start sees the change and ends, so
    // pausing and playing quickly never leaves two loops running.
    let generation = Arc::new(AtomicU64::new(0));
    let for_cleanup = Arc::clone(&generation);
    on_cleanup(move || {
        for_cleanup.fetch_add(1, Ordering::Relaxed);
    });
    Effect::new(move |_| {
        let playing = state.playing.get();
        let mine = generation.fetch_add(1, Ordering::Relaxed) + 1;
        if playing {
            schedule(state, Arc::clone(&generation), mine, None, 0.0);
        }
    });
}

/// One frame of playback; `since_cut` is the time since the last cut, with reduced motion.
fn schedule(
    state: AppState,
    generation: Arc<AtomicU64>,
    mine: u64,
    last_ms: Option<f64>,
    since_cut: f64,
) {
    request_animation_frame(move || {
        if generation.load(Ordering::Relaxed) != mine || !state.playing.get_untracked() {
            return;
        }
        let now = now_ms();
        let dt = last_ms.map_or(0.0, |last| (now - last) / 1000.0);
        let bounds = state.bounds();
        let mut clock = Clock {
            t: state.playhead.get_untracked(),
            start: bounds.t0,
            end: state.last_day(),
            speed: state.speed.get_untracked(),
            looping: state.looping.get_untracked(),
        };
        // With reduced motion the playhead cuts from event to event instead of sweeping.
        let (tick, since_cut) = if state.reduced_motion.get_untracked() {
            let waited = since_cut + dt;
            if waited * clock.speed >= CUT_SECONDS {
                (clock.cut(&state.anchors()), 0.0)
            } else {
                (Tick::Playing, waited)
            }
        } else {
            (clock.advance(dt), 0.0)
        };
        state.playhead.set(clock.t);
        state.follow(clock.t, 0.1);
        if tick == Tick::Looped && state.kiosk.get_untracked() {
            // An unattended kiosk shows each view in turn.
            let next = crate::hooks::use_modes::next_kiosk_view(state, state.view.get_untracked());
            state.view.set(next);
        }
        if tick == Tick::Ended {
            state.playing.set(false);
        } else {
            schedule(state, generation, mine, Some(now), since_cut);
        }
    });
}
