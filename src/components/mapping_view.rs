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

/// Where the side column scrolls (a laptop's or a projector's screen), a node or link chosen brings its
/// card into sight: below the filter, the key and the claims chart, it showed no more than its heading
/// at 1280 x 720. Where the page scrolls instead (a phone's), nothing moves.
fn keep_card_in_sight(mapping: MappingState, column: NodeRef<leptos::html::Aside>) {
    Effect::new(move |_| {
        if mapping.selected.get().is_none() {
            return;
        }
        // After the card has its new contents.
        request_animation_frame(move || {
            let Some(column) = column.get_untracked() else {
                return;
            };
            let Ok(Some(card)) = column.query_selector(".event-card") else {
                return;
            };
            if column.scroll_height() <= column.client_height() {
                return;
            }
            let (c, r) = (
                column.get_bounding_client_rect(),
                card.get_bounding_client_rect(),
            );
            // Less than this much of the card in sight: its top brought to the column's.
            if r.top() > c.bottom() - CARD_IN_SIGHT_PX {
                column.set_scroll_top(column.scroll_top() + (r.top() - c.top()).round() as i32);
            }
        });
    });
}

/// How much of a chosen node's card [`keep_card_in_sight`] wants in sight, px.
const CARD_IN_SIGHT_PX: f64 = 160.0;

/// The whole view.
#[component]
pub fn MappingView() -> impl IntoView {
    let i18n = use_i18n();
    let column = NodeRef::new();
    keep_card_in_sight(expect_context::<MappingState>(), column);
    view! {
        <main class="mapping-view" id=crate::app::VIEW_PANEL role="tabpanel"
            aria-labelledby=crate::app::View::Mapping.tab_id()>
            <section class="chart-column" aria-label=move || t_string!(i18n, legend.mapping_view)>
                <MappingCanvas/>
                <Controls/>
                <MappingList/>
            </section>
            <aside class="card-column" node_ref=column>
                <SectorFilter/>
                <Legend/>
                <ClaimsChart/>
                <MappingCard/>
            </aside>
        </main>
    }
}
