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

/// The `<iframe>` code that embeds the current view: the address with `embed=1`, sized for a slide,
/// sandboxed (scripts only, plus downloads for the export buttons).
pub fn embed_snippet(state: AppState) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let base = format!(
        "{}{}",
        location
            .origin()
            .ok()
            .filter(|o| o != "null")
            .unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let mut link = crate::params::LinkState::parse(&location.search().unwrap_or_default());
    link.other.retain(|(k, _)| k != "embed" && k != "kiosk");
    link.other.push(("embed".into(), "1".into()));
    let title = state
        .data
        .with_untracked(|d| d.title.replace('"', "&quot;").replace('<', "&lt;"));
    format!(
        r#"<iframe src="{base}{}" title="{title}" width="960" height="540" style="border:0" sandbox="allow-scripts allow-downloads" allowfullscreen></iframe>"#,
        link.to_query().replace('"', "%22")
    )
}

/// The embed code in a dialog, copied to the clipboard where the browser allows it.
#[component]
pub fn EmbedCode(
    /// The code to show; `None` closes the dialog.
    code: RwSignal<Option<String>>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(text) = code.get() else { return };
        status.set("Select the code and copy it.".into());
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                status.set("Copied to the clipboard.".into());
            }
        });
    });
    view! {
        <Show when=move || code.get().is_some()>
            <div class="overlay" on:click=move |_| code.set(None)>
                <div id="embed-code" class="dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title" on:click=|ev| ev.stop_propagation()>
                    <h2 id="embed-title">"Embed this view"</h2>
                    <textarea readonly rows="5" aria-label="Embed code" on:focus=|ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            t.select();
                        }
                    }>{move || code.get().unwrap_or_default()}</textarea>
                    <p role="status">{move || status.get()}</p>
                    <p class="muted">"The frame shows the chart and its controls without the page around it, and fits any size. It also works with the single-file build opened from a disk."</p>
                    <button type="button" on:click=move |_| code.set(None)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}

/// In embed mode, a one-line caption under the chart: the headline of what is shown.
#[component]
pub fn EmbedCaption() -> impl IntoView {
    let state = expect_context::<AppState>();
    let headline = move || {
        state.data.with(|d| {
            state
                .current()
                .and_then(|i| d.events.get(i))
                .map(|e| format!("{} — {}", e.date, e.title))
        })
    };
    view! {
        <Show when=move || state.embed.get()>
            <p class="embed-caption" aria-hidden="true">{headline}</p>
        </Show>
    }
}
