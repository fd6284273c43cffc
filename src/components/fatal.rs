//! The last-resort error panel, shown when the program panics: never a blank page.

use wasm_bindgen::JsCast;

use crate::i18n::{td_string, Locale};

/// Replaces the page's content with a panel that names the error and offers a reload. Works without
/// the reactive system (which may be what failed); the message is set as text, never as HTML.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("fatal");
    panel.set_class_name("error-panel");
    let _ = panel.set_attribute("role", "alert");
    // The page's language, as the language switch last set it on <html lang>.
    let l = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|lang| lang.parse::<Locale>().ok())
        .unwrap_or_default();
    let parts = [
        ("h1", td_string!(l, fatal.title)),
        ("p", td_string!(l, fatal.text)),
        ("pre", message),
    ];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(td_string!(l, fatal.reload)));
        let _ = button.set_attribute("type", "button");
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        if let Some(el) = button.dyn_ref::<web_sys::HtmlElement>() {
            el.set_onclick(Some(reload.as_ref().unchecked_ref()));
        }
        reload.forget();
        let _ = panel.append_child(&button);
    }
    body.set_text_content(None);
    let _ = body.append_child(&panel);
    // An unattended kiosk starts itself again.
    let Some(window) = web_sys::window() else {
        return;
    };
    if window
        .location()
        .search()
        .unwrap_or_default()
        .contains("kiosk")
    {
        let reload = wasm_bindgen::closure::Closure::once_into_js(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            reload.unchecked_ref(),
            KIOSK_RELOAD_MS,
        );
    }
}

/// How long a kiosk shows the error panel before it reloads, ms.
const KIOSK_RELOAD_MS: i32 = 8_000;
