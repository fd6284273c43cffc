//! Keyboard and presentation-clicker control from anywhere on the page (see [`crate::keys`]).

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::app::{AppState, DepthState, MappingState, MembershipState, View};
use crate::keys::{action_for, is_clicker_key, Action};

/// Where a key is pressed, as far as its meaning goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// A field that takes typing: every key keeps its meaning there.
    Typing,
    /// A control that takes some keys (a list, a check box, the scrubber): the clicker's keys act on
    /// the presentation, the rest on the control.
    Control,
    /// Anywhere else.
    Page,
}

/// Where `ev` is pressed.
fn focus_of(ev: &web_sys::KeyboardEvent) -> Focus {
    let Some(el) = crate::hooks::target_element(ev) else {
        return Focus::Page;
    };
    match el.tag_name().as_str() {
        "TEXTAREA" => Focus::Typing,
        "SELECT" => Focus::Control,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default();
            let typed = matches!(
                kind.to_ascii_lowercase().as_str(),
                "" | "text" | "search" | "email" | "url" | "tel" | "password" | "number"
            );
            if typed {
                Focus::Typing
            } else {
                Focus::Control
            }
        }
        _ if el.get_attribute("contenteditable").is_some() => Focus::Typing,
        _ => Focus::Page,
    }
}

thread_local! {
    /// Whether the focus was last moved by a press of the mouse, a pen or a finger rather than by Tab.
    static POINTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `ev` is Space on a focused button (or link, or a details' summary) reached with Tab, which
/// presses it and is not the presentation's. A button clicked with the mouse keeps the focus too:
/// Space there is the presentation's next, as a speaker who has just clicked Play expects, not the
/// button pressed again. (`:focus-visible` cannot tell them apart: any key pressed after the click
/// makes it match.)
pub fn presses_a_button(ev: &web_sys::KeyboardEvent) -> bool {
    ev.key() == " " && on_button(ev) && !POINTED.with(std::cell::Cell::get)
}

fn on_button(ev: &web_sys::Event) -> bool {
    crate::hooks::target_element(ev)
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}

/// On a view's tab reached with Tab, Left and Right move to the previous and next tab (round the
/// ends), Home and End to the first and last, and show its view: the tabs pattern a screen reader
/// announces. On a tab clicked with the mouse they stay the presentation's, as Space does on a button
/// (a speaker who has just clicked "Road maps" and presses a clicker's arrow means the next step).
/// Whether `ev` was such a key, acted on.
fn moves_between_tabs(ev: &web_sys::KeyboardEvent) -> bool {
    if POINTED.with(std::cell::Cell::get) || ev.shift_key() {
        return false;
    }
    let Some(tab) = crate::hooks::target_element(ev)
        .filter(|el| el.get_attribute("role").as_deref() == Some("tab"))
    else {
        return false;
    };
    let Some(list) = tab.parent_element() else {
        return false;
    };
    let children = list.children();
    let tabs: Vec<web_sys::HtmlElement> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|el| el.get_attribute("role").as_deref() == Some("tab"))
        .filter_map(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| !el.hidden())
        .collect();
    let Some(at) = tabs.iter().position(|t| js_sys::Object::is(t, &tab)) else {
        return false;
    };
    let last = tabs.len() - 1;
    let to = match ev.key().as_str() {
        "ArrowRight" => (at + 1) % tabs.len(),
        "ArrowLeft" => at.checked_sub(1).unwrap_or(last),
        "Home" => 0,
        "End" => last,
        _ => return false,
    };
    let _ = tabs[to].focus();
    tabs[to].click();
    true
}

/// Watches how the focus moves, for [`presses_a_button`]; and where Space was the presentation's on a
/// button clicked before, holds back its release too, on which a button presses itself whatever
/// became of the press. For the life of the calling component.
pub fn hold_space_release() {
    let pointed = Closure::<dyn Fn()>::new(|| POINTED.with(|p| p.set(true)));
    let tabbed = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|ev: web_sys::KeyboardEvent| {
        if ev.key() == "Tab" {
            POINTED.with(|p| p.set(false));
        }
    });
    let released = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|ev: web_sys::KeyboardEvent| {
        if ev.key() == " " && on_button(&ev) && POINTED.with(std::cell::Cell::get) {
            ev.prevent_default();
        }
    });
    crate::hooks::listen_first(vec![
        ("pointerdown", pointed.into_js_value()),
        ("keydown", tabbed.into_js_value()),
        ("keyup", released.into_js_value()),
    ]);
}

/// Enters fullscreen, or leaves it; false where the page may not (embedded by a page that does not
/// allow it, with no `allowfullscreen`), where asking would only be refused, with an error.
pub fn toggle_fullscreen() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if !document.fullscreen_enabled() {
        return false;
    } else if let Some(root) = document.document_element() {
        if let Err(e) = root.request_fullscreen() {
            leptos::logging::warn!("fullscreen was refused: {e:?}");
        }
    }
    true
}

/// The notice for fullscreen asked for where the page may not have it.
pub fn no_fullscreen_notice(locale: crate::i18n::Locale) -> crate::components::data_loader::Notice {
    crate::components::data_loader::Notice {
        error: true,
        title: crate::i18n::td_string!(locale, keys.no_fullscreen).to_owned(),
        lines: vec![crate::i18n::td_string!(locale, keys.no_fullscreen_why).to_owned()],
    }
}

/// Handles the presenter's keys (reveal.js's set; clickers' Page Up / Page Down, F5, Esc and "."),
/// except with Ctrl, Alt or Meta held or while typing into a field; on another control (a list, a check
/// box, the scrubber) only the clicker's keys ([`is_clicker_key`]). When the product is embedded, the
/// page only receives keys while it has focus; one click gives it focus.
pub fn use_keyboard(state: AppState, mapping: MappingState) {
    let membership = use_context::<MembershipState>();
    let depth = use_context::<DepthState>();
    let presenter = crate::hooks::use_story::PresenterOpener::from_context();
    let notice = use_context::<crate::components::data_loader::NoticeState>();
    let i18n = crate::i18n::use_i18n();
    // First: its own key listener must see where the focus is before a key changes the view.
    keep_focus_across_views(state);
    hold_space_release();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let focus = focus_of(&ev);
        // A theme, a speed or Loop chosen with the mouse keeps the focus: the clicker still drives
        // the presentation, not the control.
        if focus == Focus::Typing || (focus == Focus::Control && !is_clicker_key(&ev.key())) {
            return;
        }
        if moves_between_tabs(&ev) {
            ev.prevent_default();
            return;
        }
        let Some(action) = action_for(&ev.key(), ev.shift_key()) else {
            return;
        };
        if presses_a_button(&ev) {
            return;
        }
        // The list of keys is a modal dialog: ? and Esc close it, and the other keys are the
        // browser's (they scroll it), not the presentation's behind it.
        if state.help.get_untracked() && !matches!(action, Action::Help | Action::Escape) {
            return;
        }
        // A blank screen comes back with B, "." or Esc, and ignores the rest.
        if state.blank.get_untracked() && !matches!(action, Action::Blank | Action::Escape) {
            ev.prevent_default();
            return;
        }
        match action {
            Action::Next => state.step_next(),
            Action::Previous => state.step_previous(),
            Action::First => state.go_to_end(false),
            Action::Last => state.go_to_end(true),
            Action::Autoplay => state.toggle_play(),
            Action::Fullscreen => {
                if !toggle_fullscreen() {
                    if let Some(n) = notice {
                        n.0.set(Some(no_fullscreen_notice(i18n.get_locale_untracked())));
                    }
                }
            }
            Action::Blank => state.blank.update(|b| *b = !*b),
            Action::Help => state.help.update(|h| *h = !*h),
            Action::Presenter => presenter.open(),
            Action::Escape => {
                // An open menu closes first, and that is all Esc does then.
                if close_menu() {
                    ev.prevent_default();
                    return;
                }
                // Then a notice, and that is all it does then.
                if let Some(n) = notice.filter(|n| n.0.with_untracked(Option::is_some)) {
                    n.0.set(None);
                    ev.prevent_default();
                    return;
                }
                if state.blank.get_untracked() || state.help.get_untracked() {
                    state.blank.set(false);
                    state.help.set(false);
                } else {
                    mapping.clear();
                    state.selected.set(None);
                    if let Some(m) = membership {
                        m.selected.set(None);
                    }
                    if let Some(d) = depth {
                        d.selected.set(None);
                    }
                }
                // Browsers leave fullscreen on Esc themselves; a clicker's synthetic Esc may not.
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if doc.fullscreen_element().is_some() {
                        doc.exit_fullscreen();
                    }
                }
            }
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// A story step or a link that changes the view replaces the view's controls: a control that had the
/// focus (the speed chosen, say) is gone, and arrows would then drive the presentation. The focus goes
/// to the same control of the new view, found by its id, or to its chart. A focus already lost before
/// the key that changes the view (the Story button, replaced by its own click) is left lost: the chart
/// would take it and show its focus ring through the whole story.
fn keep_focus_across_views(state: AppState) {
    let focused = StoredValue::new_local(None::<web_sys::Element>);
    let tracked = window_event_listener(leptos::ev::focusin, move |ev| {
        let element = crate::hooks::target_element(&ev);
        focused.set_value(element);
    });
    on_cleanup(move || tracked.remove());
    // Registered before the keys' own listener, so it runs before a key changes the view.
    let adrift = window_event_listener(leptos::ev::keydown, move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let lost = document.is_none_or(|d| {
            d.active_element()
                .is_none_or(|a| d.body().is_some_and(|b| js_sys::Object::is(&a, &b)))
        });
        if lost {
            focused.set_value(None);
        }
    });
    on_cleanup(move || adrift.remove());
    Effect::new(move |previous: Option<View>| {
        let view = state.view.get();
        if previous.is_some_and(|p| p != view) {
            // After the new view is in the page.
            let _ = request_animation_frame_with_handle(move || {
                let Some(lost) = focused.try_get_value().flatten() else {
                    return;
                };
                let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                    return;
                };
                let adrift = document
                    .active_element()
                    .is_none_or(|a| document.body().is_some_and(|b| js_sys::Object::is(&a, &b)));
                if lost.is_connected() || !adrift {
                    return;
                }
                // The same control, or, for one the new view has not (a chart, the timeline's Show
                // all), the new view's chart.
                let twin = (!lost.id().is_empty())
                    .then(|| document.get_element_by_id(&lost.id()))
                    .flatten()
                    .or_else(|| {
                        document
                            .query_selector(".canvas-frame canvas[tabindex]")
                            .ok()
                            .flatten()
                    });
                if let Some(twin) = twin.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = twin.focus_with_options(&options);
                }
            });
        }
        view
    });
}

/// Closes the header's menu if it is open; whether it was.
/// The focus, if it was in the menu (a button chosen in it, Esc in its theme list), goes to the menu's
/// own button: hidden with the menu, it would leave the focus to the page.
pub fn close_menu() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(menu) = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("menu"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlDetailsElement>().ok())
    else {
        return false;
    };
    let open = menu.open();
    let summary = menu
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
    let inside = document.and_then(|d| d.active_element()).is_some_and(|a| {
        menu.contains(Some(&a)) && summary.as_ref().is_none_or(|s| !js_sys::Object::is(s, &a))
    });
    menu.set_open(false);
    if open && inside {
        if let Some(s) = summary {
            focus_quietly(&s);
        }
    }
    open
}

/// Focuses `element` without scrolling the page to it.
pub fn focus_quietly(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}
