//! The membership view: the matrix of states by organisations at the playhead, and a card with the
//! history of the state or organisation picked.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::PointerEvent;

use crate::app::{AppState, MembershipPick, MembershipState};
use crate::components::controls::Controls;
use crate::components::event_card::source_list;
use crate::components::history_chart::HistoryChart;
use crate::components::text_alternative::MembershipTable;
use crate::hooks::use_canvas::{
    layout_size, pointer_xy, use_canvas_size, use_more_below, use_redraw, CanvasSize,
};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::layout::matrix::{layout, min_height, MatrixHit};
use crate::model::{Dataset, Membership, Standing};
use crate::render::membership::{draw_matrix, HistoryRow, MatrixFrame};

/// Every cell's standing at `t`, as JSON (`{"uz/csto":"member",...}`), for automation and tests.
fn standings_json(m: &Membership, t: f64) -> String {
    let mut items = Vec::new();
    for (s, state) in m.states.iter().enumerate() {
        for (o, org) in m.organisations.iter().enumerate() {
            let v = match m.standing(s, o, t) {
                Standing::None => continue,
                Standing::Left => "left",
                Standing::Is(x) => x.as_str(),
            };
            items.push(format!(r#""{}/{}":"{v}""#, state.id, org.id));
        }
    }
    format!("{{{}}}", items.join(","))
}

/// The spans of one state's intervals in one organisation (or the reverse), for a history chart.
fn rows_for(m: &Membership, pick: MembershipPick) -> Vec<HistoryRow> {
    let span = |i: usize| {
        let k = &m.intervals[i];
        (k.start().as_f64(), k.end().map(|d| d.as_f64()), k.status)
    };
    match pick {
        MembershipPick::State(s) => m
            .organisations
            .iter()
            .enumerate()
            .map(|(o, org)| HistoryRow {
                label: org.label.clone(),
                spans: m
                    .history_of_state(s)
                    .into_iter()
                    .filter(|&i| m.intervals[i].organisation == o)
                    .map(span)
                    .collect(),
            })
            .collect(),
        MembershipPick::Organisation(o) => m
            .states
            .iter()
            .enumerate()
            .map(|(s, st)| HistoryRow {
                label: st.label.clone(),
                spans: m
                    .history_of_organisation(o)
                    .into_iter()
                    .filter(|&i| m.intervals[i].state == s)
                    .map(span)
                    .collect(),
            })
            .collect(),
    }
}

fn pick_card(d: &Dataset, pick: MembershipPick) -> AnyView {
    let Some(m) = &d.membership else {
        return ().into_any();
    };
    let l = d.locale;
    let intervals: Vec<usize> = match pick {
        MembershipPick::State(s) => m.history_of_state(s),
        MembershipPick::Organisation(o) => m.history_of_organisation(o),
    };
    let items = intervals
        .into_iter()
        .map(|i| {
            let k = &m.intervals[i];
            let who = match pick {
                MembershipPick::State(_) => m.organisations[k.organisation].label.clone(),
                MembershipPick::Organisation(_) => m.states[k.state].label.clone(),
            };
            let until = k.to.map_or_else(|| td_string!(l, membership.now).to_owned(), |t| t.local(l).to_string());
            view! {
                <li>
                    <strong>{format!("{who}: {} ", k.status.label(l))}</strong>
                    // A full stop, unless the end already has one ("н. в.").
                    {format!("{} – {until}{} ", k.from.local(l), if until.ends_with('.') { "" } else { "." })}
                    <span class="muted">{format!("{} ({} {})", k.note, td_string!(l, card.confidence), k.confidence.label(l))}</span>
                    {source_list(d, &k.sources)}
                </li>
            }
        })
        .collect_view();
    let (kind, title, id, summary, sources) = match pick {
        MembershipPick::State(s) => (
            td_string!(l, membership.state),
            m.states[s].label.clone(),
            m.states[s].id.clone(),
            None,
            Vec::new(),
        ),
        MembershipPick::Organisation(o) => {
            let org = &m.organisations[o];
            let dates = match org.ended {
                Some(e) => format!("{} – {}", org.founded.local(l), e.local(l)),
                None => td_string!(l, membership.since, date = org.founded.local(l)),
            };
            (
                td_string!(l, membership.organisation),
                format!("{} ({})", org.name, org.label),
                org.id.clone(),
                Some(format!("{dates}. {}", org.summary)),
                org.sources.clone(),
            )
        }
    };
    let label = td_string!(l, alt.history_of, name = &title);
    view! {
        <article class="event-card" data-pick-id=id>
            <p class="eyebrow">{kind}</p>
            <h2 id="card-title">{title}</h2>
            {summary.map(|s| view! { <p class="summary">{s}</p> })}
            {(!sources.is_empty()).then(|| source_list(d, &sources))}
            <HistoryChart rows=rows_for(m, pick) label=label/>
            <h3>{td_string!(l, membership.history)}</h3>
            <ul class="history">{items}</ul>
        </article>
    }
    .into_any()
}

/// What the matrix shows now (read tracked).
pub fn frame(app: AppState, state: MembershipState) -> MatrixFrame {
    let focus = state.hovered.get().or(state.selected.get());
    MatrixFrame {
        playhead_day: app.playhead.get(),
        appear_days: app.appear_days(),
        state: match focus {
            Some(MembershipPick::State(s)) => Some(s),
            _ => None,
        },
        organisation: match focus {
            Some(MembershipPick::Organisation(o)) => Some(o),
            _ => None,
        },
    }
}

/// The matrix canvas.
#[component]
fn MatrixCanvas() -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = expect_context::<MembershipState>();
    let i18n = use_i18n();
    let canvas_ref = NodeRef::<Canvas>::new();
    let CanvasSize { size, dpr } = use_canvas_size(canvas_ref);
    let geometry = Memo::new(move |_| {
        let (w, h) = layout_size(size.get(), app.chart_theme().scale);
        app.data
            .with(|d| d.membership.as_ref().map(|m| layout(m, w, h)))
    });
    use_redraw(
        canvas_ref,
        dpr,
        app,
        geometry,
        |g| (g.width, g.height),
        "membership matrix",
        move |area, g, theme| {
            let frame = frame(app, state);
            app.data.with_untracked(|d| match &d.membership {
                Some(m) => draw_matrix(area, m, g, &frame, theme),
                None => Ok(()),
            })
        },
    );
    let pick_at = move |ev: &PointerEvent| {
        let (x, y) = pointer_xy(ev, app.chart_theme_untracked().scale);
        let (states, orgs) = app.data.with_untracked(|d| {
            d.membership
                .as_ref()
                .map_or((0, 0), |m| (m.states.len(), m.organisations.len()))
        });
        geometry
            .with_untracked(|g| g.as_ref().and_then(|g| g.hit(x, y, states, orgs)))
            .map(|h| match h {
                MatrixHit::Row(s, _) => MembershipPick::State(s),
                MatrixHit::Column(o) => MembershipPick::Organisation(o),
            })
    };
    // A frame too short for the states' names (a small embedded one) scrolls instead of crowding them.
    let least_height = move || {
        let scale = app.chart_theme().scale;
        let (w, _) = layout_size(size.get(), scale);
        app.data.with(|d| {
            d.membership
                .as_ref()
                .map(|m| format!("{}px", (min_height(m, w) * scale).ceil()))
        })
    };
    let cells = move || {
        let t = app.playhead.get();
        app.data.with(|d| {
            d.membership
                .as_ref()
                .map(|m| standings_json(m, t))
                .unwrap_or_default()
        })
    };
    let frame_ref = NodeRef::<Div>::new();
    let (more_below, look) = use_more_below(frame_ref, move || {
        let _ = (size.get(), least_height());
    });
    view! {
        <div class="canvas-frame matrix-frame" node_ref=frame_ref class:more-below=move || more_below.get()
            on:scroll=move |_| look()>
            <canvas id="membership-canvas" node_ref=canvas_ref tabindex="0" role="img"
                style:min-height=least_height
                aria-label=move || t_string!(i18n, membership.canvas)
                data-cells=cells
                class:hovering=move || state.hovered.get().is_some()
                on:pointermove=move |ev| {
                    let p = pick_at(&ev);
                    if p != state.hovered.get_untracked() {
                        state.hovered.set(p);
                    }
                }
                on:pointerleave=move |_| state.hovered.set(None)
                on:pointerup=move |ev| state.selected.set(pick_at(&ev))></canvas>
        </div>
    }
}

/// The whole view.
#[component]
pub fn MembershipView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = expect_context::<MembershipState>();
    let i18n = use_i18n();
    view! {
        <main class="membership-view" id=crate::app::VIEW_PANEL role="tabpanel"
            aria-labelledby=crate::app::View::Membership.tab_id()>
            <section class="chart-column" aria-label=move || t_string!(i18n, membership.view)>
                <MatrixCanvas/>
                <Controls/>
                <MembershipTable/>
            </section>
            <aside class="card-column">
                <ul class="legend" aria-label=move || t_string!(i18n, legend.legend)>
                    <li><span class="swatch member"></span>{t!(i18n, membership.l_member)}</li>
                    <li><span class="swatch associate"></span>{t!(i18n, membership.l_associate)}</li>
                    <li><span class="swatch observer"></span>{t!(i18n, membership.l_observer)}</li>
                    <li><span class="swatch participant"></span>{t!(i18n, membership.l_participant)}</li>
                    <li><span class="swatch suspended"></span>{t!(i18n, membership.l_suspended)}</li>
                    <li><span class="swatch leaving"></span>{t!(i18n, membership.l_leaving)}</li>
                    <li><span class="swatch pending"></span>{t!(i18n, membership.l_left)}</li>
                </ul>
                {move || match state.hovered.get().or(state.selected.get()) {
                    Some(p) => app.data.with(|d| pick_card(d, p)),
                    None => view! {
                        <article class="event-card intro">
                            <h2>{t!(i18n, membership.intro_title)}</h2>
                            <p>{t!(i18n, membership.intro)}</p>
                            <p class="muted pointer-only">{t!(i18n, membership.intro_help)}</p>
                            <p class="muted touch-only">{t!(i18n, membership.intro_help_touch)}</p>
                        </article>
                    }.into_any(),
                }}
            </aside>
        </main>
    }
}
