//! The road-maps-to-programmes view: sector filter, the diagram, its legend, the claims chart, the card
//! and the shared playback controls.

use leptos::prelude::*;

use crate::app::{AppState, MappingState};
use crate::components::claims_chart::ClaimsChart;
use crate::components::controls::Controls;
use crate::components::mapping_canvas::MappingCanvas;
use crate::components::mapping_card::MappingCard;
use crate::components::text_alternative::MappingList;

/// The sector filter: one toggle per sector, plus "All".
#[component]
fn SectorFilter() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    let sectors: Vec<(usize, String)> = app.data.with_untracked(|d| {
        d.mapping
            .as_ref()
            .map(|m| {
                m.sectors
                    .iter()
                    .map(|s| s.label.clone())
                    .enumerate()
                    .collect()
            })
            .unwrap_or_default()
    });
    let chip = move |value: Option<usize>, label: String| {
        view! {
            <button type="button" class="chip"
                aria-pressed=move || (mapping.filter.get() == value).to_string()
                on:click=move |_| {
                    mapping.filter.set(value);
                    mapping.hovered.set(None);
                }>{label}</button>
        }
    };
    view! {
        <div class="sector-filter" role="group" aria-label="Sector">
            {chip(None, "All sectors".to_owned())}
            {sectors.into_iter().map(|(i, label)| chip(Some(i), label)).collect_view()}
        </div>
    }
}

/// What the colours, fills and line styles of the diagram mean.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Legend">
            <li><span class="swatch agreed"></span>"Agreed"</li>
            <li><span class="swatch contentious"></span>"Contentious (half filled)"</li>
            <li><span class="swatch excluded"></span>"Excluded (hollow)"</li>
            <li><span class="swatch shelved"></span>"Shelved (hollow)"</li>
            <li><span class="swatch pending"></span>"Under negotiation"</li>
            <li><span class="swatch programme"></span>"Union programme"</li>
            <li><span class="line documented"></span>"Link documented by a source"</li>
            <li><span class="line inferred"></span>"Link inferred by topic"</li>
        </ul>
    }
}

/// The whole view.
#[component]
pub fn MappingView() -> impl IntoView {
    view! {
        <main class="mapping-view">
            <section class="chart-column" aria-label="Road maps to union programmes">
                <MappingCanvas/>
                <Controls/>
                <MappingList/>
            </section>
            <aside class="card-column">
                <SectorFilter/>
                <Legend/>
                <ClaimsChart/>
                <MappingCard/>
            </aside>
        </main>
    }
}
