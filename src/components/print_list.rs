//! The printed form of the product: every event laid out on paper with its sources. Hidden on screen;
//! the print style sheet shows it instead of the interactive charts.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::event_card::{discrepancy_notes, source_list};
use crate::hooks::use_chunks::{use_chunks, Fill};
use crate::i18n::td_string;

/// Every event, in date order, with its date, status, summary, confidence (and its note), any documented
/// discrepancy, and sources, as its card shows them.
#[component]
pub fn PrintList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let chunks = use_chunks(move || app.data.with(|d| d.events.len()), Fill::ForPrint);
    view! {
        <section id="print-list" class="print-only" aria-hidden="true">
            <h1>{move || app.data.with(|d| d.title.clone())}</h1>
            <ol class="print-events">
                <For each=move || chunks.get() key=Clone::clone let((_, range))>
                {app.data.with_untracked(|d| d.events.get(range).unwrap_or_default().iter().map(|e| {
                    let track = d.tracks.get(e.track).map(|t| t.label.clone()).unwrap_or_default();
                    let l = d.locale;
                    let status = e.status.map(|s| format!(" · {}", s.label(l))).unwrap_or_default();
                    view! {
                        <li class="print-event">
                            <h3>{format!("{} — {}", e.date.local(l), e.title)}</h3>
                            {e.title_ru.clone().map(|t| view! { <p class="title-ru" lang="ru">{t}</p> })}
                            <p class="muted">{format!("{track} · {}{status} · {} {}", e.kind.label(l), td_string!(l, card.confidence), e.confidence.label(l))}
                                {e.confidence_note.clone().map(|n| format!(" — {n}"))}</p>
                            <p>{e.summary.clone()}</p>
                            {discrepancy_notes(d, e)}
                            {source_list(d, &e.sources)}
                        </li>
                    }
                }).collect_view())}
                </For>
            </ol>
        </section>
    }
}
