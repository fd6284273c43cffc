//! Reusable behaviour for components, each a `use_*` function that cleans up after itself.

pub mod use_canvas;
pub mod use_chunks;
pub mod use_keyboard;
pub mod use_media;
pub mod use_modes;
pub mod use_playback;
pub mod use_story;
pub mod use_url;
