//! The road-maps-to-programmes view: sector filter, the diagram, its legend, the claims chart, the card
//! and the shared playback controls.

use leptos::prelude::*;

use crate::app::{AppState, MappingState};
use crate::components::claims_chart::ClaimsChart;
use crate::components::controls::Controls;
use crate::components::mapping_canvas::MappingCanvas;
use crate::components::mapping_card::MappingCard;
use crate::components::text_alternative::MappingList;
use crate::i18n::{t, t_string, use_i18n};

/// The sector filter: one toggle per sector, plus "All".
#[component]
fn SectorFilter() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    let i18n = use_i18n();
    let sectors = move || -> Vec<(usize, String)> {
        app.data.with(|d| {
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
        })
    };
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
        <div class="sector-filter" role="group" aria-label=move || t_string!(i18n, legend.sector)>
            {move || chip(None, t_string!(i18n, mapping.all_sectors).to_owned())}
            {move || sectors().into_iter().map(|(i, label)| chip(Some(i), label)).collect_view()}
        </div>
    }
}

/// What the colours, fills and line styles of the diagram mean.
#[component]
fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-label=move || t_string!(i18n, legend.legend)>
            <li><span class="swatch agreed"></span>{t!(i18n, legend.agreed)}</li>
            <li><span class="swatch contentious"></span>{t!(i18n, legend.contentious)}</li>
            <li><span class="swatch excluded"></span>{t!(i18n, legend.excluded)}</li>
            <li><span class="swatch shelved"></span>{t!(i18n, legend.shelved)}</li>
            <li><span class="swatch pending"></span>{t!(i18n, legend.pending)}</li>
            <li><span class="swatch programme"></span>{t!(i18n, legend.programme)}</li>
            <li><span class="line documented"></span>{t!(i18n, legend.documented)}</li>
            <li><span class="line inferred"></span>{t!(i18n, legend.inferred)}</li>
        </ul>
    }
}

/// The whole view.
#[component]
pub fn MappingView() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="mapping-view" id=crate::app::VIEW_PANEL role="tabpanel"
            aria-labelledby=crate::app::View::Mapping.tab_id()>
            <section class="chart-column" aria-label=move || t_string!(i18n, legend.mapping_view)>
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
