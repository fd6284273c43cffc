//! The card for the selected road map, programme or link.

use leptos::prelude::*;

use crate::app::{AppState, MappingState};
use crate::components::event_card::{source_list, timeline_links};
use crate::layout::bipartite::{Node, Target};
use crate::model::{Confidence, Dataset};

fn confidence_line(c: Confidence, note: Option<String>) -> impl IntoView {
    let class = match c {
        Confidence::High => "confidence high",
        Confidence::Medium => "confidence medium",
        Confidence::Low => "confidence low",
    };
    view! {
        <p class=class>"Confidence: " <strong>{c.label()}</strong>
            {note.map(|n| view! { <span class="note">{format!(" — {n}")}</span> })}
        </p>
    }
}

/// The card's "On the timeline" list, if the item has events.
fn event_links(
    d: &Dataset,
    events: &[usize],
    app: AppState,
    mapping: MappingState,
) -> impl IntoView {
    let items = timeline_links(d, events, app, mapping);
    (!events.is_empty())
        .then(|| view! { <h3>"On the timeline"</h3><ul class="related">{items}</ul> })
}

/// Buttons selecting other nodes.
fn node_links(
    items: Vec<(Node, String)>,
    mapping: MappingState,
    heading: &'static str,
) -> impl IntoView {
    let any = !items.is_empty();
    let list = items
        .into_iter()
        .map(|(n, label)| view! { <li><button type="button" class="link" on:click=move |_| mapping.selected.set(Some(Target::Node(n)))>{label}</button></li> })
        .collect_view();
    any.then(|| view! { <h3>{heading}</h3><ul class="related">{list}</ul> })
}

fn card(d: &Dataset, target: Target, app: AppState, mapping: MappingState) -> AnyView {
    let Some(m) = &d.mapping else {
        return ().into_any();
    };
    let sector = |s: usize| {
        m.sectors
            .get(s)
            .map(|x| x.label.clone())
            .unwrap_or_default()
    };
    match target {
        Target::Node(Node::RoadMap(i)) => {
            let Some(r) = m.road_maps.get(i) else {
                return ().into_any();
            };
            let outcome = match (r.agreed, r.dropped) {
                (_, Some(d)) => format!("{} ({d})", r.status.label()),
                (Some(a), None) => format!("{} ({a})", r.status.label()),
                _ => r.status.label().to_owned(),
            };
            let programmes: Vec<(Node, String)> = m
                .links_from(i)
                .filter_map(|l| {
                    m.programmes
                        .get(m.links[l].to)
                        .map(|p| (Node::Programme(m.links[l].to), p.label.clone()))
                })
                .collect();
            let dead_end = programmes.is_empty();
            view! {
                <article class="event-card" data-target-id=r.id.clone()>
                    <p class="eyebrow">{format!("Road map · {}", sector(r.sector))}</p>
                    <h2 id="card-title">{r.label.clone()}</h2>
                    {r.label_ru.clone().map(|t| view! { <p class="title-ru" lang="ru">{t}</p> })}
                    <p class="date">{format!("First reported {}", r.reported)}</p>
                    <p class="status">"Outcome: " <strong>{outcome}</strong></p>
                    {(r.count > 1).then(|| view! { <p><strong>{format!("Stands for {} road maps", r.count)}</strong>{if r.unpublished { " whose titles were never published." } else { "." }}</p> })}
                    <p class="summary">{r.summary.clone()}</p>
                    {dead_end.then(|| view! { <p class="discrepancy">"Dead end: this road map led to no union programme."</p> })}
                    {confidence_line(r.confidence, r.confidence_note.clone())}
                    <h3>"Sources"</h3>
                    {source_list(d, &r.sources)}
                    {node_links(programmes, mapping, "Became")}
                    {event_links(d, &r.events, app, mapping)}
                </article>
            }
            .into_any()
        }
        Target::Node(Node::Programme(i)) => {
            let Some(p) = m.programmes.get(i) else {
                return ().into_any();
            };
            let road_maps: Vec<(Node, String)> = m
                .links_to(i)
                .filter_map(|l| {
                    m.road_maps
                        .get(m.links[l].from)
                        .map(|r| (Node::RoadMap(m.links[l].from), r.label.clone()))
                })
                .collect();
            view! {
                <article class="event-card" data-target-id=p.id.clone()>
                    <p class="eyebrow">{format!("Union programme · {}", sector(p.sector))}</p>
                    <h2 id="card-title">{p.label.clone()}</h2>
                    {p.label_ru.clone().map(|t| view! { <p class="title-ru" lang="ru">{t}</p> })}
                    <p class="date">{format!("Approved {}", p.approved)}</p>
                    <p class="summary">{p.summary.clone()}</p>
                    {confidence_line(p.confidence, p.confidence_note.clone())}
                    <h3>"Sources"</h3>
                    {source_list(d, &p.sources)}
                    {node_links(road_maps, mapping, "From the road maps")}
                    {event_links(d, &p.events, app, mapping)}
                </article>
            }
            .into_any()
        }
        Target::Link(l) => {
            let Some(link) = m.links.get(l) else {
                return ().into_any();
            };
            let from = m
                .road_maps
                .get(link.from)
                .map(|r| r.label.clone())
                .unwrap_or_default();
            let to = m
                .programmes
                .get(link.to)
                .map(|p| p.label.clone())
                .unwrap_or_default();
            view! {
                <article class="event-card" data-target-id=format!("link-{l}")>
                    <p class="eyebrow">{format!("Link · {}", link.evidence.label())}</p>
                    <h2 id="card-title">{format!("{from} → {to}")}</h2>
                    <p class="summary">{link.note.clone()}</p>
                    <h3>"Sources"</h3>
                    {source_list(d, &link.sources)}
                    {node_links(vec![(Node::RoadMap(link.from), from), (Node::Programme(link.to), to)], mapping, "Ends")}
                </article>
            }
            .into_any()
        }
    }
}

/// The card column's card: the selection, or an introduction.
#[component]
pub fn MappingCard() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    view! {
        {move || match mapping.selected.get() {
            Some(t) => app.data.with(|d| card(d, t, app, mapping)),
            None => view! {
                <article class="event-card intro">
                    <h2>"Road maps to where?"</h2>
                    <p>"In 2019 Belarus and Russia negotiated 31 integration road maps; their full list was never published. By 2021 they had been remodelled into 28 union programmes, approved in September and November 2021. Press Play to watch the maps appear, settle and turn into programmes."</p>
                    <p class="muted">"Hover a road map, programme or link to follow its path; click to isolate it and read its sources; click empty space or press Esc to clear. Dashed links are inferred by topic: no source maps road maps to programmes one by one."</p>
                </article>
            }.into_any(),
        }}
    }
}
