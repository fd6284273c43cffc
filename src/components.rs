//! Leptos components, one per file.

pub mod controls;
pub mod event_card;
pub mod fatal;
pub mod timeline_canvas;
