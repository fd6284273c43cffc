//! Follows the system's colour scheme and motion preferences, and puts the theme in force on the page.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, ThemeChoice};
use crate::render::theme::{DARK, LIGHT, PROJECTOR};

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
/// attribute and legend colours (which the style sheet reads) in step with the theme in force.
pub fn use_media(state: AppState) {
    watch("(prefers-color-scheme: dark)", move |dark| {
        state.system_dark.set(dark)
    });
    watch("(prefers-reduced-motion: reduce)", move |reduce| {
        state.reduced_motion.set(reduce)
    });
    Effect::new(move |_| {
        let choice = state.resolved_theme();
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let _ = root.set_attribute("data-theme", choice.as_str());
        // The legends' swatches in the colours the charts draw in (`--c-*`, read by the style sheet,
        // whose fallbacks are the light theme's: in it, nothing is set, and the page's first style
        // calculation has nothing more to do).
        let theme = match choice {
            ThemeChoice::Dark => Some(DARK),
            ThemeChoice::Projector => Some(PROJECTOR),
            _ => None,
        };
        if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
            let style = root.style();
            for (name, c) in theme.unwrap_or(LIGHT).legend_colours() {
                let name = format!("--c-{name}");
                let _ = match theme {
                    Some(_) => style.set_property(&name, &format!("rgb({},{},{})", c.0, c.1, c.2)),
                    None => style.remove_property(&name).map(drop),
                };
            }
        }
    });
}
