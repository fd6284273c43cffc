//! A small history (Gantt) chart: one bar per status per row, with the shared playhead.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::app::AppState;
use crate::hooks::use_canvas::{draw_css, use_canvas_size, CanvasSize};
use crate::render::membership::{draw_history, HistoryRow};

/// The chart of `rows` over the dataset's span.
#[component]
pub fn HistoryChart(
    /// The rows to draw.
    rows: Vec<HistoryRow>,
    /// Accessible description.
    label: String,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let canvas_ref = NodeRef::<Canvas>::new();
    let CanvasSize { size, dpr } = use_canvas_size(canvas_ref);
    let height = 22.0 * rows.len() as f64 + 24.0;
    Effect::new(move |_| {
        let _ = dpr.get();
        let t = app.playhead.get();
        let theme = app.chart_theme();
        let w = size.get().0 / theme.scale;
        let height = height / theme.scale;
        let bounds = app.bounds();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        draw_css(&canvas, (w, height), theme.scale, "history chart", |area| {
            draw_history(area, &rows, (w, height), (bounds.t0, bounds.t1), t, &theme)
        });
    });
    view! {
        <canvas class="history-chart" node_ref=canvas_ref role="img" aria-label=label style:height=format!("{height}px")></canvas>
    }
}
