//! Leptos components, one per file.

pub mod claims_chart;
pub mod controls;
pub mod data_loader;
pub mod depth_view;
pub mod event_card;
pub mod export;
pub mod fatal;
pub mod history_chart;
pub mod language;
pub mod mapping_canvas;
pub mod mapping_card;
pub mod mapping_view;
pub mod membership_view;
pub mod presenting;
pub mod print_list;
pub mod story;
pub mod text_alternative;
pub mod timeline_canvas;
