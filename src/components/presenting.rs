//! Presenting aids: the list of keys (?) and the blank screen (B or ".").

use leptos::html::Button;
use leptos::prelude::*;

use crate::app::{AppState, ThemeChoice};
use crate::keys::KEYS;

/// The list of every key, as a modal dialog; Esc, ? or the button close it.
#[component]
pub fn KeysHelp() -> impl IntoView {
    let state = expect_context::<AppState>();
    let close_ref = NodeRef::<Button>::new();
    // Focus moves into the dialog when it opens.
    Effect::new(move |_| {
        if state.help.get() {
            if let Some(b) = close_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || state.help.get()>
            <div class="overlay" on:click=move |_| state.help.set(false)>
                <div id="keys-help" class="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-help-title"
                    on:click=|ev| ev.stop_propagation()>
                    <h2 id="keys-help-title">"Keys"</h2>
                    <table>
                        <tbody>
                            {KEYS.iter().map(|(keys, what, _)| view! {
                                <tr><th scope="row"><kbd>{*keys}</kbd></th><td>{*what}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="muted">"A presentation clicker's buttons (Page Up, Page Down, F5, Esc, \".\") work too. When the product is embedded in a page, click it once so it receives the keys."</p>
                    <button type="button" node_ref=close_ref on:click=move |_| state.help.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}

/// A black screen over everything; B, ".", Esc or a click bring the product back.
#[component]
pub fn Blank() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.blank.get()>
            <div id="blank" class="blank" aria-label="Blank screen: press B to return" on:click=move |_| state.blank.set(false)></div>
        </Show>
    }
}

/// The theme menu: the system's choice, light, dark, or the projector theme.
#[component]
pub fn ThemeMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="theme-menu">"Theme "
            <select id="theme" on:change=move |ev| {
                if let Some(t) = ThemeChoice::parse(&event_target_value(&ev)) {
                    state.theme.set(t);
                }
            }>
                {ThemeChoice::ALL.into_iter().map(|t| view! {
                    <option value=t.as_str() selected=move || state.theme.get() == t>{t.label()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
