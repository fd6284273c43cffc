//! Follows the system's colour scheme and motion preferences, and puts the theme in force on the page.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::AppState;

/// Calls `set` with whether `query` matches, now and whenever that changes.
fn watch(query: &str, set: impl Fn(bool) + 'static) {
    let Some(list) = web_sys::window().and_then(|w| w.match_media(query).ok().flatten()) else {
        return;
    };
    set(list.matches());
    let target = list.clone();
    let on_change = Closure::<dyn Fn()>::new(move || set(target.matches()));
    let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_change.forget();
}

/// Keeps `system_dark` and `reduced_motion` in step with the system, and the page's `data-theme`
/// attribute (which the style sheet reads) in step with the theme in force.
pub fn use_media(state: AppState) {
    watch("(prefers-color-scheme: dark)", move |dark| {
        state.system_dark.set(dark)
    });
    watch("(prefers-reduced-motion: reduce)", move |reduce| {
        state.reduced_motion.set(reduce)
    });
    Effect::new(move |_| {
        let theme = state.resolved_theme().as_str();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", theme);
        }
    });
}
