//! Reusable behaviour for components, each a `use_*` function that cleans up after itself.

pub mod use_canvas;
pub mod use_chunks;
pub mod use_keyboard;
pub mod use_media;
pub mod use_modes;
pub mod use_playback;
pub mod use_story;
pub mod use_url;

/// Milliseconds on the page's performance clock, or the system clock where there is none.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}
