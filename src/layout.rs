//! Pure geometry: time scales, ticks, lanes, label placement and animation easing, and coordinates as
//! the page exposes them.
//!
//! Nothing here knows about the DOM, Leptos or plotters. Coordinates are CSS pixels with the origin at
//! the top-left of the chart's drawing area, x to the right and y down; time is in days since 1970-01-01
//! as `f64` (see [`crate::model::Day`]).

pub mod anim;
pub mod bipartite;
pub mod canvas_box;
pub mod ladder;
pub mod lanes;
pub mod matrix;
pub mod scale;
pub mod tenths;
pub mod text;
pub mod ticks;
