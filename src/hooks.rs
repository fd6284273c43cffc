//! Reusable behaviour for components, each a `use_*` function that cleans up after itself.

pub mod use_canvas;
pub mod use_chunks;
pub mod use_keyboard;
pub mod use_media;
pub mod use_modes;
pub mod use_playback;
pub mod use_story;
pub mod use_url;

use leptos::prelude::*;

use crate::layout::anim::held;

/// The element an event happened on, if its target is one.
pub fn target_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// What follows the playhead in the page, `next()`, as a memo that keeps what it shows for at least
/// `hold_ms` while `holding()` says so ([`held`]): the card while playing, the scrubber and its date.
pub fn held_memo<T>(
    next: impl Fn() -> T + Send + Sync + 'static,
    holding: impl Fn() -> bool + Send + Sync + 'static,
    hold_ms: f64,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // When what it shows last changed, ms.
    let since = StoredValue::new(f64::NEG_INFINITY);
    Memo::new(move |shown: Option<&T>| {
        let next = next();
        let now = now_ms();
        let kept = held(
            shown.cloned(),
            next,
            holding(),
            now - since.get_value(),
            hold_ms,
        );
        if shown != Some(&kept) {
            since.set_value(now);
        }
        kept
    })
}

/// Milliseconds on the page's performance clock, or the system clock where there is none.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Listens on the window to each `(event, handler)` in the capture phase, before anything else in the
/// page hears it (before a key or a press acts), for the life of the calling component.
pub fn listen_first(listeners: Vec<(&'static str, wasm_bindgen::JsValue)>) {
    use wasm_bindgen::JsCast;
    if let Some(w) = web_sys::window() {
        for (name, f) in &listeners {
            let _ = w.add_event_listener_with_callback_and_bool(name, f.unchecked_ref(), true);
        }
    }
    let listeners = send_wrapper::SendWrapper::new(listeners);
    on_cleanup(move || {
        if let Some(w) = web_sys::window() {
            for (name, f) in listeners.take() {
                let _ =
                    w.remove_event_listener_with_callback_and_bool(name, f.unchecked_ref(), true);
            }
        }
    });
}
