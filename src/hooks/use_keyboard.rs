//! Keyboard control of the timeline from anywhere on the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, DepthState, MappingState, MembershipState};

/// Whether a key event comes from a field that takes typing, where keys must keep their meaning.
fn typing_into_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                || el.get_attribute("contenteditable").is_some()
        })
}

/// Space or K plays and pauses; Right / Left step to the next / previous event; Home / End jump to the
/// first / last; Escape clears the selection. Keys with Ctrl, Alt or Meta are left to the browser, as
/// are keys typed into fields.
pub fn use_keyboard(state: AppState, mapping: MappingState) {
    let membership = use_context::<MembershipState>();
    let depth = use_context::<DepthState>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || typing_into_field(&ev) {
            return;
        }
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.tag_name() == "BUTTON");
        let handled = match ev.key().as_str() {
            // Space on a focused button presses that button; only elsewhere does it mean play.
            " " if on_button => false,
            " " | "k" | "K" => {
                state.toggle_play();
                true
            }
            "ArrowRight" => {
                state.step_next();
                true
            }
            "ArrowLeft" => {
                state.step_previous();
                true
            }
            "Home" => {
                state.go_to(0);
                true
            }
            "Escape" => {
                mapping.clear();
                state.selected.set(None);
                if let Some(m) = membership {
                    m.selected.set(None);
                }
                if let Some(d) = depth {
                    d.selected.set(None);
                }
                true
            }
            "End" => {
                let last = state
                    .data
                    .with_untracked(|d| d.events.len().saturating_sub(1));
                state.go_to(last);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
