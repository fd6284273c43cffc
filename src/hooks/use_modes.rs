//! The embed mode (`?embed`: no page chrome, fits any frame; `?key=1` shows the view's legend) and the
//! kiosk mode (`?kiosk`: plays over and over unattended, cycling the views, hiding the cursor and
//! controls until someone touches it, resuming by itself after an interruption).

use std::time::Duration;

use leptos::prelude::*;

use crate::app::{AppState, View};
use crate::params::LinkState;

/// Seconds without input after which a kiosk hides its cursor and controls.
const KIOSK_IDLE: Duration = Duration::from_secs(4);
/// Seconds without input after which a paused kiosk plays again.
const KIOSK_RESUME: Duration = Duration::from_secs(6);

fn set_root_class(name: &str, on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let list = root.class_list();
        let _ = if on {
            list.add_1(name)
        } else {
            list.remove_1(name)
        };
    }
}

/// Reads the modes from the URL and runs them.
pub fn use_modes(state: AppState) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let link = LinkState::parse(&search);
    state.embed.set(link.flag("embed"));
    state.kiosk.set(link.flag("kiosk"));
    state.key.set(link.flag("key"));
    set_root_class("embed", state.embed.get_untracked());
    // Embedded, the view's legend shows above the chart while its Key button is pressed.
    Effect::new(move |_| set_root_class("key", state.embed.get() && state.key.get()));
    if !state.kiosk.get_untracked() {
        return;
    }
    set_root_class("kiosk", true);
    set_root_class("idle", true);
    state.intro.set(false);
    state.looping.set(true);
    state.playhead.set(state.bounds().t0);
    state.playing.set(true);

    // Any touch, pointer or key shows the cursor and controls, and restarts the idle countdown.
    let generation = StoredValue::new(0u64);
    let wake = move || {
        set_root_class("idle", false);
        let mine = generation.get_value().wrapping_add(1);
        generation.set_value(mine);
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    set_root_class("idle", true);
                }
            },
            KIOSK_IDLE,
        );
        set_timeout(
            move || {
                if generation.get_value() == mine && !state.playing.get_untracked() {
                    state.help.set(false);
                    state.blank.set(false);
                    state.playing.set(true);
                }
            },
            KIOSK_RESUME,
        );
    };
    let a = window_event_listener(leptos::ev::pointermove, move |_| wake());
    let b = window_event_listener(leptos::ev::pointerdown, move |_| wake());
    let c = window_event_listener(leptos::ev::keydown, move |_| wake());
    on_cleanup(move || {
        a.remove();
        b.remove();
        c.remove();
    });
    // If playback stops for any other reason, it starts again.
    Effect::new(move |_| {
        if !state.playing.get() {
            wake();
        }
    });
}

/// The view a kiosk shows after `v`, each time the story loops.
pub fn next_kiosk_view(state: AppState, v: View) -> View {
    let order = [View::Timeline, View::Mapping, View::Membership, View::Depth];
    let has = |view: View| untrack(|| state.has_view(view));
    let at = order.iter().position(|x| *x == v).unwrap_or(0);
    (1..=order.len())
        .map(|k| order[(at + k) % order.len()])
        .find(|x| has(*x))
        .unwrap_or(View::Timeline)
}
