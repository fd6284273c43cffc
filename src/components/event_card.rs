//! The card beside the chart: the current event's title, date, status, Russian title, summary,
//! confidence, sources (with links) and any documented discrepancy.

use leptos::prelude::*;

use crate::app::AppState;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::model::{Confidence, Dataset, SourceKind};

/// The list of sources with their links (http and https only, opened without referrer or opener).
pub fn source_list(data: &Dataset, sources: &[usize]) -> impl IntoView {
    let items = sources
        .iter()
        .filter_map(|&s| data.sources.get(s))
        .map(|s| {
            let title = s.title.clone();
            let kind = s.kind.label(data.locale);
            let meta = match &s.publisher {
                Some(p) => format!(" — {p} ({kind})"),
                None => format!(" ({kind})"),
            };
            // The texts cite the seed documents by their identifiers ("S1 dates it to 2004"): each is
            // named so here.
            let tag = (s.kind == SourceKind::Seed).then(|| {
                view! { <span class="source-tag">{format!("{}: ", s.id.to_uppercase())}</span> }
            });
            // A source's title is in its own language (English in the Russian page, as a rule): marked
            // so where it is not the page's, for a screen reader's voice.
            let own = if title.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
                "ru"
            } else {
                "en"
            };
            let lang = (own != data.locale.to_string()).then_some(own);
            match &s.url {
                Some(url) => view! {
                    <li>{tag}<a href=url.clone() target="_blank" rel="noopener noreferrer" lang=lang>{title}</a>{meta}</li>
                }
                .into_any(),
                None => view! { <li>{tag}<span lang=lang>{title}</span>{meta}</li> }.into_any(),
            }
        })
        .collect_view();
    view! { <ul class="sources">{items}</ul> }
}

/// List items with buttons that open `events` in the timeline view (from another view's card).
pub fn timeline_links(
    d: &Dataset,
    events: &[usize],
    app: AppState,
    mapping: crate::app::MappingState,
) -> impl IntoView {
    events
        .iter()
        .filter_map(|&e| {
            d.events
                .get(e)
                .map(|ev| (e, ev.title.clone(), ev.date.local(d.locale).to_string()))
        })
        .map(|(e, title, date)| {
            view! {
                <li><button type="button" class="link" on:click=move |_| {
                    crate::app::switch_view(app, mapping, crate::app::View::Timeline);
                    app.go_to(e);
                }>{title}</button>" · "{date}</li>
            }
        })
        .collect_view()
}

/// The discrepancies documented for `e`: each what was claimed, by which sources, and what the evidence
/// shows, as the card and the printed list show them.
pub(crate) fn discrepancy_notes(data: &Dataset, e: &crate::model::Event) -> impl IntoView {
    let l = data.locale;
    e.discrepancies
        .iter()
        .filter_map(|&d| data.discrepancies.get(d))
        .map(|d| {
            let claimed_by: Vec<String> =
                d.claimed_by.iter().filter_map(|&s| data.sources.get(s)).map(|s| s.title.clone()).collect();
            view! {
                // Named by its title too: an event with two has two landmarks a screen reader tells apart.
                <aside class="discrepancy" aria-label=format!("{}: {}", td_string!(l, card.discrepancy), d.title)>
                    <h3>"⚠ " {d.title.clone()}</h3>
                    <p><strong>{td_string!(l, card.claim)}" "</strong>{d.claim.clone()}<span class="muted">{format!(" ({})", claimed_by.join("; "))}</span></p>
                    <p><strong>{td_string!(l, card.evidence)}" "</strong>{d.finding.clone()}</p>
                </aside>
            }
        })
        .collect_view()
}

/// The card for one event, built from the dataset. All text is inserted as text, never as HTML.
fn card(data: &Dataset, index: usize, state: AppState) -> AnyView {
    let Some(e) = data.events.get(index) else {
        return ().into_any();
    };
    let track = data
        .tracks
        .get(e.track)
        .map(|t| t.label.clone())
        .unwrap_or_default();
    let l = data.locale;
    let date = format!(
        "{}{}",
        crate::layout::text::keep_together(&e.date.local(l).to_string()),
        e.date.precision_note(l)
    );
    let confidence_class = match e.confidence {
        Confidence::High => "confidence high",
        Confidence::Medium => "confidence medium",
        Confidence::Low => "confidence low",
    };
    let sources = source_list(data, &e.sources);
    let discrepancies = discrepancy_notes(data, e);
    let related = e
        .related
        .iter()
        .filter_map(|&r| data.events.get(r).map(|ev| (r, ev.title.clone(), ev.date.local(l).to_string())))
        .map(|(r, title, date)| {
            view! { <li><button type="button" class="link" on:click=move |_| state.go_to(r)>{title}</button>" · "{date}</li> }
        })
        .collect_view();
    let has_related = !e.related.is_empty();
    view! {
        <article class="event-card" data-event-id=e.id.clone()>
            <p class="eyebrow">
                <span class="track-chip" data-track=e.track.to_string()>{track}</span>
                " · " {e.kind.label(l)}
            </p>
            <h2 id="card-title">{e.title.clone()}</h2>
            {e.title_ru.clone().map(|t| view! { <p class="title-ru" lang="ru">{t}</p> })}
            <p class="date"><time>{date}</time></p>
            {e.status.map(|s| view! { <p class="status">{td_string!(l, card.status)}" " <strong>{s.label(l)}</strong></p> })}
            <p class="summary">{e.summary.clone()}</p>
            {discrepancies}
            <p class=confidence_class>{td_string!(l, card.confidence)}" " <strong>{e.confidence.label(l)}</strong>
                {e.confidence_note.clone().map(|n| view! { <span class="note">{format!(" — {n}")}</span> })}
            </p>
            <h3>{td_string!(l, card.sources)}</h3>
            {sources}
            {has_related.then(|| view! { <h3>{td_string!(l, card.related)}</h3><ul class="related">{related}</ul> })}
        </article>
    }
    .into_any()
}

/// What the timeline's marks mean. Their shape carries it, never their colour alone (each track has
/// its own colour, named beside its lane), so the marks are drawn in one neutral colour here; where
/// the timeline is too short to name its lanes, their colours are named here instead.
#[component]
fn TimelineLegend() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let lanes = move || {
        state.lanes_unnamed.get().then(|| {
            let theme = state.chart_theme();
            state.data.with(|d| {
                d.tracks
                    .iter()
                    .enumerate()
                    .map(|(i, track)| {
                        let c = theme.track(i);
                        let colour = format!("rgb({}, {}, {})", c.0, c.1, c.2);
                        view! {
                            <li class="lane"><span class="mark lane" style:background-color=colour></span>{track.label.clone()}</li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <ul class="legend timeline-legend" aria-label=move || t_string!(i18n, legend.legend)>
            <li><span class="mark disc"></span>{t!(i18n, legend.timeline_event)}</li>
            <li><span class="mark ring"></span>{t!(i18n, legend.timeline_undelivered)}</li>
            <li><span class="mark span"></span>{t!(i18n, legend.timeline_span)}</li>
            <li><span class="mark ahead"></span>{t!(i18n, legend.timeline_ahead)}</li>
            {lanes}
        </ul>
    }
}

/// The card column: what the marks mean, and the current event, or an introduction before the first.
#[component]
pub fn EventCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <aside class="card-column" aria-label=move || t_string!(i18n, card.current)>
            <TimelineLegend/>
            {move || match state.current() {
                Some(i) => state.data.with(|d| card(d, i, state)),
                None => state.data.with(|d| {
                    let description = d.description.clone().unwrap_or_default();
                    let l = d.locale;
                    view! {
                        <article class="event-card intro">
                            <h2>{td_string!(l, card.intro_title)}</h2>
                            <p>{description}</p>
                            <p class="muted pointer-only">{td_string!(l, card.intro_help)}</p>
                            <p class="muted touch-only">{td_string!(l, card.intro_help_touch)}</p>
                        </article>
                    }.into_any()
                }),
            }}
        </aside>
    }
}
