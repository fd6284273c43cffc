//! An animated, offline visualisation of how the Union State of Russia and Belarus was built, treaty
//! by treaty.
//!
//! Layers, each depending only on those above it:
//! - [`model`]: the JSON dataset format (serde), its validation into domain types, the bundled data.
//! - [`layout`]: pure geometry: time scales, ticks, lanes, label placement, animation easing.
//! - [`render`]: drawing with plotters, generic over the backend (canvas in the browser, SVG in tests).
//! - [`params`]: checks on values from the page's URL; [`keys`]: the presenter's keys and their actions.
//! - `app` and `components` (WebAssembly only): the Leptos interface, signals, the canvas and the DOM.

pub mod keys;
pub mod layout;
pub mod model;
pub mod params;
pub mod render;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
