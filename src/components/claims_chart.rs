//! The chart of officials' implementation claims, drawn up to the shared playhead.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::app::AppState;
use crate::hooks::use_canvas::{draw_css, layout_size, use_canvas_size, CanvasSize};
use crate::render::mapping::draw_claims;

/// The claims chart, with the claims also listed as text for screen readers and for checking.
#[component]
pub fn ClaimsChart() -> impl IntoView {
    let app = expect_context::<AppState>();
    let canvas_ref = NodeRef::<Canvas>::new();
    let CanvasSize { size, dpr } = use_canvas_size(canvas_ref);
    Effect::new(move |_| {
        let _ = dpr.get();
        let t = app.playhead.get();
        let theme = app.chart_theme();
        let wh = layout_size(size.get(), theme.scale);
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        draw_css(&canvas, wh, theme.scale, "claims chart", |area| {
            app.data.with(|d| match &d.mapping {
                Some(m) => draw_claims(area, m, wh, t, &theme),
                None => Ok(()),
            })
        });
    });
    let rows = move || {
        let t = app.playhead.get();
        app.data.with(|d| {
            d.mapping
                .as_ref()
                .map(|m| {
                    m.claims
                        .iter()
                        .filter(|c| c.date.first_day().as_f64() <= t)
                        .map(|c| {
                            let pct = match c.percent_high {
                                Some(h) => format!("{}–{}%", c.percent, h),
                                None => format!("{}%", c.percent),
                            };
                            view! { <li>{format!("{}: {pct} of {} measures, claimed by {} — {}", c.date, c.plan.label(), c.claimant, c.text)}</li> }
                        })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <figure class="claims">
            <div class="canvas-frame claims-frame">
                <canvas id="claims-canvas" node_ref=canvas_ref role="img"
                    aria-label="Officials' claims of the share of programme measures implemented, over time"></canvas>
            </div>
            <details>
                <summary>"Claims so far, as text"</summary>
                <ul id="claims-list">{rows}</ul>
            </details>
        </figure>
    }
}
