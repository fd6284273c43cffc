//! The card for the selected road map, programme or link.

use leptos::prelude::*;

use crate::app::{AppState, MappingState};
use crate::components::event_card::{source_list, timeline_links};
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::layout::bipartite::{Node, Target};
use crate::model::{Confidence, Dataset};

fn confidence_line(c: Confidence, note: Option<String>, l: Locale) -> impl IntoView {
    let class = match c {
        Confidence::High => "confidence high",
        Confidence::Medium => "confidence medium",
        Confidence::Low => "confidence low",
    };
    view! {
        <p class=class>{td_string!(l, card.confidence)}" " <strong>{c.label(l)}</strong>
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
    let heading = td_string!(d.locale, mapping.on_timeline);
    (!events.is_empty()).then(|| view! { <h3>{heading}</h3><ul class="related">{items}</ul> })
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
    let l = d.locale;
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
                (_, Some(d)) => format!("{} ({})", r.status.label(l), d.local(l)),
                (Some(a), None) => format!("{} ({})", r.status.label(l), a.local(l)),
                _ => r.status.label(l).to_owned(),
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
                    <p class="eyebrow">{format!("{} · {}", td_string!(l, mapping.road_map), sector(r.sector))}</p>
                    <h2 id="card-title">{r.label.clone()}</h2>
                    {r.label_ru.clone().map(|t| view! { <p class="title-ru" lang="ru">{t}</p> })}
                    <p class="date">{td_string!(l, mapping.first_reported, date = r.reported.local(l))}</p>
                    <p class="status">{td_string!(l, mapping.outcome)}" " <strong>{outcome}</strong></p>
                    {(r.count > 1).then(|| view! { <p><strong>{td_string!(l, mapping.stands_for, count = r.count)}</strong>{if r.unpublished { td_string!(l, mapping.unpublished) } else { "." }}</p> })}
                    <p class="summary">{r.summary.clone()}</p>
                    {dead_end.then(|| view! { <p class="discrepancy">{td_string!(l, mapping.dead_end)}</p> })}
                    {confidence_line(r.confidence, r.confidence_note.clone(), l)}
                    <h3>{td_string!(l, card.sources)}</h3>
                    {source_list(d, &r.sources)}
                    {node_links(programmes, mapping, td_string!(l, mapping.became))}
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
                    <p class="eyebrow">{format!("{} · {}", td_string!(l, mapping.programme), sector(p.sector))}</p>
                    <h2 id="card-title">{p.label.clone()}</h2>
                    {p.label_ru.clone().map(|t| view! { <p class="title-ru" lang="ru">{t}</p> })}
                    <p class="date">{td_string!(l, mapping.signed, date = p.approved.local(l))}</p>
                    <p class="summary">{p.summary.clone()}</p>
                    {confidence_line(p.confidence, p.confidence_note.clone(), l)}
                    <h3>{td_string!(l, card.sources)}</h3>
                    {source_list(d, &p.sources)}
                    {node_links(road_maps, mapping, td_string!(l, mapping.from_road_maps))}
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
                    <p class="eyebrow">{format!("{} · {}", td_string!(d.locale, mapping.link), link.evidence.label(d.locale))}</p>
                    <h2 id="card-title">{format!("{from} → {to}")}</h2>
                    <p class="summary">{link.note.clone()}</p>
                    <h3>{td_string!(d.locale, card.sources)}</h3>
                    {source_list(d, &link.sources)}
                    {node_links(vec![(Node::RoadMap(link.from), from), (Node::Programme(link.to), to)], mapping, td_string!(d.locale, mapping.ends))}
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
    let i18n = use_i18n();
    view! {
        {move || match mapping.selected.get() {
            Some(t) => app.data.with(|d| card(d, t, app, mapping)),
            None => view! {
                <article class="event-card intro">
                    <h2>{t!(i18n, mapping.intro_title)}</h2>
                    <p>{t!(i18n, mapping.intro)}</p>
                    <p class="muted pointer-only">{t!(i18n, mapping.intro_help)}</p>
                    <p class="muted touch-only">{t!(i18n, mapping.intro_help_touch)}</p>
                </article>
            }.into_any(),
        }}
    }
}
