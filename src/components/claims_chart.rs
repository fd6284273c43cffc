//! The chart of officials' implementation claims, drawn up to the shared playhead.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::app::AppState;
use crate::hooks::use_canvas::{draw_css, layout_size, use_canvas_size, CanvasSize};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::model::date::local_number;
use crate::render::mapping::draw_claims;

/// The claims chart, with the claims also listed as text for screen readers and for checking.
#[component]
pub fn ClaimsChart() -> impl IntoView {
    let app = expect_context::<AppState>();
    let i18n = use_i18n();
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
                        .filter(|c| c.day() <= t)
                        .map(|c| {
                            let pct = match c.percent_high {
                                Some(h) => format!("{}–{}%", local_number(c.percent, d.locale), local_number(h, d.locale)),
                                None => format!("{}%", local_number(c.percent, d.locale)),
                            };
                            let l = d.locale;
                            view! { <li>{td_string!(l, claims.item, date = c.date.local(l), pct = &pct, plan = c.plan.label(l), claimant = &c.claimant, text = &c.text)}</li> }
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
                    aria-label=move || t_string!(i18n, claims.canvas)></canvas>
            </div>
            <details>
                <summary>{move || t_string!(i18n, claims.as_text)}</summary>
                <ul id="claims-list">{rows}</ul>
            </details>
        </figure>
    }
}
