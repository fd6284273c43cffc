//! Presenting aids: the list of keys (?) and the blank screen (B or ".").

use leptos::prelude::*;

use crate::app::{AppState, ThemeChoice, View};
use crate::hooks::use_keyboard::focus_quietly;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::keys::KEYS;

/// The list of every key, as a modal dialog; Esc, ? or the button close it. It opens with the focus on
/// its title, so that it is read, and on a phone shown, from its top: its one button is at its foot,
/// below the list.
#[component]
pub fn KeysHelp() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let title_ref = NodeRef::<leptos::html::H2>::new();
    dialog_focus(
        move || state.help.get(),
        move || title_ref.get().map(Into::into),
    );
    view! {
        <Show when=move || state.help.get()>
            <div class="overlay" on:click=move |_| state.help.set(false)>
                <div id="keys-help" class="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-help-title"
                    on:click=|ev| ev.stop_propagation() on:keydown=|ev| keep_tab_inside(&ev)>
                    <h2 id="keys-help-title" tabindex="-1" node_ref=title_ref>{t!(i18n, keys.title)}</h2>
                    <table>
                        <tbody>
                            // Each key its own mark, so that on a phone a row of them breaks between keys.
                            {move || KEYS.iter().map(|(keys, action)| view! {
                                <tr>
                                    <th scope="row">{keys.split("  ").map(|k| view! { <kbd>{k}</kbd>" " }).collect_view()}</th>
                                    <td>{action.describe(i18n.get_locale())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="muted">{t!(i18n, keys.clicker)}</p>
                    <p class="muted">{t!(i18n, keys.tabs)}</p>
                    <button type="button" on:click=move |_| state.help.set(false)>{t!(i18n, keys.close)}</button>
                </div>
            </div>
        </Show>
    }
}

/// The focus of a dialog shown while `open`: when it opens, what had the focus is remembered and
/// `first` (once the dialog is in the page) takes it; when it closes, the focus goes back where it was
/// (to the menu's button where that was a button in the menu, closed since), not to the page.
fn dialog_focus(
    open: impl Fn() -> bool + 'static,
    first: impl Fn() -> Option<web_sys::HtmlElement> + 'static,
) {
    use wasm_bindgen::JsCast;
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was: Option<bool>| {
        let now = open();
        let first = first();
        let document = web_sys::window().and_then(|w| w.document());
        if now {
            if was != Some(true) {
                before.set_value(
                    document
                        .and_then(|d| d.active_element())
                        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()),
                );
            }
            if let Some(first) = first {
                let _ = first.focus();
            }
        } else if was == Some(true) {
            let Some(element) = before.get_value() else {
                return now;
            };
            let in_closed_menu = element
                .closest("#menu:not([open])")
                .ok()
                .flatten()
                .and_then(|m| m.query_selector("summary").ok().flatten())
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
            let back = in_closed_menu.unwrap_or(element);
            if back.is_connected() {
                focus_quietly(&back);
            }
        }
        now
    });
}

/// Tab and Shift+Tab go round a modal dialog's controls instead of leaving it for the page behind.
fn keep_tab_inside(ev: &web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(items) = dialog.query_selector_all(
        "button, textarea, input, select, a[href], [tabindex]:not([tabindex=\"-1\"])",
    ) else {
        return;
    };
    let at = |i: u32| {
        items
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (at(0), at(items.length().saturating_sub(1))) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let is = |e: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| js_sys::Object::is(a, e));
    let to = if ev.shift_key() && is(&first) {
        last
    } else if !ev.shift_key() && is(&last) {
        first
    } else {
        return;
    };
    ev.prevent_default();
    let _ = to.focus();
}

/// A black screen over everything; B, ".", Esc or a click bring the product back.
#[component]
pub fn Blank() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <Show when=move || state.blank.get()>
            <div id="blank" class="blank" aria-label=move || t_string!(i18n, keys.blank_label) on:click=move |_| state.blank.set(false)></div>
        </Show>
    }
}

/// The theme menu: the system's choice, light, dark, or the projector theme.
#[component]
pub fn ThemeMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <label class="theme-menu">{t!(i18n, theme.label)}" "
            <select id="theme" on:change=move |ev| {
                if let Some(t) = ThemeChoice::parse(&event_target_value(&ev)) {
                    state.theme.set(t);
                }
            }>
                {move || ThemeChoice::ALL.into_iter().map(|t| view! {
                    <option value=t.as_str() selected=move || state.theme.get() == t>{t.label(i18n.get_locale())}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The `<iframe>` code that embeds the current view: the address with `embed=1` (and `key=1` when
/// `with_key`: the view's legend shown above the chart), sized for a slide, sandboxed (scripts only,
/// plus downloads for the export buttons).
pub fn embed_snippet(state: AppState, with_key: bool) -> String {
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
    link.other
        .retain(|(k, _)| k != "embed" && k != "kiosk" && k != "key");
    link.other.push(("embed".into(), "1".into()));
    if with_key {
        link.other.push(("key".into(), "1".into()));
    }
    let title = state
        .data
        .with_untracked(|d| d.title.replace('"', "&quot;").replace('<', "&lt;"));
    format!(
        r#"<iframe src="{base}{}" title="{title}" width="960" height="540" style="border:0" sandbox="allow-scripts allow-downloads" allowfullscreen></iframe>"#,
        link.to_query().replace('"', "%22")
    )
}

/// The embed code in a dialog while `open`, copied to the clipboard where the browser allows it (again
/// when the choice of the legend changes it). Focus moves to the code when it opens; Esc, a click
/// outside or the button close it.
#[component]
pub fn EmbedCode(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let with_key = RwSignal::new(true);
    let code = Memo::new(move |_| open.get().then(|| embed_snippet(state, with_key.get())));
    let status = RwSignal::new(String::new());
    let i18n = use_i18n();
    let text_ref = NodeRef::<leptos::html::Textarea>::new();
    dialog_focus(move || open.get(), move || text_ref.get().map(Into::into));
    Effect::new(move |_| {
        let Some(text) = code.get() else { return };
        let l = i18n.get_locale_untracked();
        status.set(td_string!(l, embed.select).into());
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                status.set(td_string!(l, embed.copied).into());
            }
        });
    });
    view! {
        <Show when=move || open.get()>
            <div class="overlay" on:click=move |_| open.set(false)>
                <div id="embed-code" class="dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title" on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| if ev.key() == "Escape" {
                        ev.stop_propagation();
                        open.set(false);
                    } else {
                        keep_tab_inside(&ev);
                    }>
                    <h2 id="embed-title">{t!(i18n, embed.title)}</h2>
                    <textarea readonly rows="5" node_ref=text_ref aria-label=move || t_string!(i18n, embed.code) on:focus=|ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            t.select();
                        }
                    }>{move || code.get().unwrap_or_default()}</textarea>
                    <label>
                        <input id="embed-key" type="checkbox" prop:checked=move || with_key.get()
                            on:change=move |ev| with_key.set(event_target_checked(&ev))/>
                        " "{t!(i18n, embed.with_key)}
                    </label>
                    <p role="status">{move || status.get()}</p>
                    <p class="muted">{t!(i18n, embed.note)}</p>
                    <button type="button" on:click=move |_| open.set(false)>{t!(i18n, keys.close)}</button>
                </div>
            </div>
        </Show>
    }
}

/// In embed mode, a one-line caption under the chart: the headline of what is shown. On the timeline,
/// the current event; in another view, what is selected there (a timeline event, however near in
/// time, is not what that view shows), or nothing.
#[component]
pub fn EmbedCaption() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (mapping, membership, depth) = (expect_context(), expect_context(), expect_context());
    let headline = move || match state.view.get() {
        View::Timeline => state.data.with(|d| {
            state
                .current()
                .and_then(|i| d.events.get(i))
                .map(|e| format!("{} — {}", e.date.local(d.locale), e.title))
                .unwrap_or_default()
        }),
        _ => {
            crate::components::text_alternative::headline(state, mapping, membership, depth, false)
        }
    };
    view! {
        <Show when=move || state.embed.get()>
            <p class="embed-caption" aria-hidden="true">{headline}</p>
        </Show>
    }
}
