//! Drawing, with plotters, generic over the backend: the same code draws to the canvas in the browser,
//! to SVG for export and to an SVG string in native tests. A draw function takes a `DrawingArea` and
//! never creates its own backend. Coordinates are CSS px (the canvas component scales for HiDPI).

pub mod batch;
pub mod ladder;
pub mod legend;
pub mod mapping;
pub mod membership;
pub mod theme;
pub mod timeline;
