//! The depth view: declared versus delivered integration per sector, at the playhead, with a card for
//! the sector or provision picked and links to its events on the timeline.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::PointerEvent;

use crate::app::{AppState, DepthState, MappingState};
use crate::components::controls::Controls;
use crate::components::event_card::{source_list, timeline_links};
use crate::components::text_alternative::DepthList;
use crate::hooks::use_canvas::{
    layout_size, pointer_xy, use_canvas_size, use_more_below, use_redraw, CanvasSize,
};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::layout::ladder::{layout, min_height, LadderHit};
use crate::layout::tenths::Tenths;
use crate::model::date::local_number;
use crate::model::Dataset;
use crate::render::ladder::{draw_ladder, LadderFrame};

fn provision_card(d: &Dataset, i: usize, app: AppState, mapping: MappingState) -> AnyView {
    let Some(depth) = &d.depth else {
        return ().into_any();
    };
    let Some(p) = depth.provisions.get(i) else {
        return ().into_any();
    };
    let l = d.locale;
    let sector = depth
        .sectors
        .get(p.sector)
        .map(|s| s.label.clone())
        .unwrap_or_default();
    let now = p
        .state_at(app.playhead.get_untracked())
        .map_or(td_string!(l, depth.not_yet_declared), |s| s.label(l));
    let outcomes = p
        .outcomes
        .iter()
        .map(|o| {
            let date = if o.by {
                td_string!(l, depth.by_date, date = o.date.local(l)).to_string()
            } else {
                o.date.local(l).to_string()
            };
            let claimed = if o.claimed {
                format!(" ({})", td_string!(l, depth.claimed))
            } else {
                String::new()
            };
            view! {
                <li>
                    <strong>{format!("{date}: {}{claimed}. ", o.state.label(l))}</strong>{o.note.clone()}
                    <ul class="related">{timeline_links(d, &o.events, app, mapping)}</ul>
                    {source_list(d, &o.sources)}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="event-card" data-provision-id=p.id.clone()>
            <p class="eyebrow">{format!("{} · {sector}", td_string!(l, depth.provision))}</p>
            <h2 id="card-title">{p.label.clone()}</h2>
            <p class="date">{td_string!(l, depth.declared, date = p.declared.local(l))}</p>
            <p class="status">{td_string!(l, depth.at_playhead)}" " <strong>{now}</strong></p>
            {p.inferred.then(|| view! { <p class="discrepancy">{td_string!(l, depth.inferred)}</p> })}
            {p.note.clone().map(|n| view! { <p class="summary">{n}</p> })}
            <h3>{td_string!(l, depth.declared_by)}</h3>
            <ul class="related">{timeline_links(d, &p.declared_by, app, mapping)}</ul>
            <h3>{td_string!(l, depth.became)}</h3>
            <ul class="history">{outcomes}</ul>
            <p class="confidence">{td_string!(l, card.confidence)}" " <strong>{p.confidence.label(l)}</strong></p>
            <h3>{td_string!(l, card.sources)}</h3>
            {source_list(d, &p.sources)}
        </article>
    }
    .into_any()
}

fn sector_card(d: &Dataset, s: usize, t: f64) -> AnyView {
    let Some(depth) = &d.depth else {
        return ().into_any();
    };
    let Some(sector) = depth.sectors.get(s) else {
        return ().into_any();
    };
    let level = depth.level(s, t);
    let l = d.locale;
    let provisions = depth
        .provisions
        .iter()
        .filter(|p| p.sector == s)
        .map(|p| {
            let state = p
                .state_at(t)
                .map_or(td_string!(l, depth.not_yet_declared), |x| x.label(l));
            view! { <li>{format!("{} ({}): {state}", p.label, p.declared.local(l))}</li> }
        })
        .collect_view();
    view! {
        <article class="event-card" data-sector-id=sector.id.clone()>
            <p class="eyebrow">{td_string!(l, legend.sector)}</p>
            <h2 id="card-title">{sector.label.clone()}</h2>
            <p class="status">{td_string!(l, depth.sector_level, declared = local_number(level.declared, l), delivered = local_number(level.delivered, l))}</p>
            {sector.claim.clone().map(|c| view! { <p class="summary"><strong>{td_string!(l, depth.seeds_claim)}" "</strong>{c}</p> })}
            {(!sector.claim_sources.is_empty()).then(|| source_list(d, &sector.claim_sources))}
            <h3>{td_string!(l, depth.provisions)}</h3>
            <ul class="history">{provisions}</ul>
        </article>
    }
    .into_any()
}

/// What the ladder shows now (read tracked).
pub fn frame(app: AppState, state: DepthState) -> LadderFrame {
    LadderFrame {
        playhead_day: app.playhead.get(),
        sector: state.hovered.get(),
        provision: state.selected.get(),
    }
}

/// The ladder canvas.
#[component]
fn LadderCanvas() -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = expect_context::<DepthState>();
    let canvas_ref = NodeRef::<Canvas>::new();
    let i18n = use_i18n();
    let CanvasSize { size, dpr } = use_canvas_size(canvas_ref);
    let geometry = Memo::new(move |_| {
        let (w, h) = layout_size(size.get(), app.chart_theme().scale);
        let b = app.bounds();
        app.data.with(|d| {
            d.depth
                .as_ref()
                .map(|depth| layout(depth, d.locale, w, h, (b.t0, b.t1)))
        })
    });
    use_redraw(
        canvas_ref,
        dpr,
        app,
        geometry,
        |g| (g.width, g.height),
        "depth ladder",
        move |area, g, theme| {
            let frame = frame(app, state);
            app.data.with_untracked(|d| match &d.depth {
                Some(depth) => draw_ladder(area, depth, g, &frame, theme),
                None => Ok(()),
            })
        },
    );
    // What a pointer is over: the sector (a mark's own, over a mark) and the provision of a mark.
    let pointed = move |ev: &PointerEvent| -> (Option<usize>, Option<usize>) {
        let (x, y) = pointer_xy(ev, app.chart_theme_untracked().scale);
        let slop = if ev.pointer_type() == "mouse" {
            3.0
        } else {
            10.0
        };
        let hit = geometry.with_untracked(|g| {
            let g = g.as_ref()?;
            Some(match g.hit(x, y, slop)? {
                LadderHit::Sector(s) => (Some(s), None),
                LadderHit::Mark(i) => (None, Some(g.marks[i].provision)),
            })
        });
        let Some((sector, provision)) = hit else {
            return (None, None);
        };
        let sector = sector.or_else(|| {
            app.data.with_untracked(|d| {
                let p = d.depth.as_ref()?.provisions.get(provision?)?;
                Some(p.sector)
            })
        });
        (sector, provision)
    };
    let levels = move || {
        let t = app.playhead.get();
        app.data.with(|d| {
            d.depth.as_ref().map_or_else(String::new, |depth| {
                let items: Vec<String> = depth
                    .sectors
                    .iter()
                    .enumerate()
                    .map(|(s, sec)| {
                        let l = depth.level(s, t);
                        format!(r#""{}":[{},{}]"#, sec.id, l.declared, l.delivered)
                    })
                    .collect();
                format!("{{{}}}", items.join(","))
            })
        })
    };
    // For automation and tests: the marks' centres in CSS px.
    let marks = Memo::new(move |_| {
        let k = app.chart_theme().scale;
        geometry.with(|g| {
            g.as_ref().map_or_else(String::new, |g| {
                let items: Vec<String> = g
                    .marks
                    .iter()
                    .map(|m| {
                        format!(
                            r#"{{"p":{},"x":{},"y":{}}}"#,
                            m.provision,
                            Tenths(m.x * k),
                            Tenths(m.y * k)
                        )
                    })
                    .collect();
                format!("[{}]", items.join(","))
            })
        })
    });
    // A frame too short for the rows (a small embedded one) scrolls instead of crowding them.
    let least_height = move || {
        let scale = app.chart_theme().scale;
        let (w, _) = layout_size(size.get(), scale);
        app.data.with(|d| {
            d.depth
                .as_ref()
                .map(|depth| format!("{}px", (min_height(depth, w) * scale).ceil()))
        })
    };
    let frame_ref = NodeRef::<Div>::new();
    let (more_below, look) = use_more_below(frame_ref, move || {
        let _ = (size.get(), least_height());
    });
    view! {
        <div class="canvas-frame ladder-frame" node_ref=frame_ref class:more-below=move || more_below.get()
            on:scroll=move |_| look()>
            <canvas id="depth-canvas" node_ref=canvas_ref tabindex="0" role="img"
                style:min-height=least_height
                aria-label=move || t_string!(i18n, depth.canvas)
                data-levels=levels
                data-marks=move || marks.get()
                on:pointermove=move |ev| {
                    let (sector, _) = pointed(&ev);
                    if sector != state.hovered.get_untracked() {
                        state.hovered.set(sector);
                    }
                }
                // A finger has no hover: a tap on a sector shows its card as pointing at it does,
                // until the next tap, and the finger's leaving clears nothing.
                on:pointerleave=move |ev| if ev.pointer_type() != "touch" { state.hovered.set(None) }
                on:pointerup=move |ev| {
                    let (sector, provision) = pointed(&ev);
                    if ev.pointer_type() == "touch" {
                        state.hovered.set(sector);
                    }
                    state.selected.set(provision);
                }></canvas>
        </div>
    }
}

/// The whole view.
#[component]
pub fn DepthView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = expect_context::<DepthState>();
    let mapping = expect_context::<MappingState>();
    let i18n = use_i18n();
    view! {
        <main class="depth-view" id=crate::app::VIEW_PANEL role="tabpanel"
            aria-labelledby=crate::app::View::Depth.tab_id()>
            <section class="chart-column" aria-label=move || t_string!(i18n, depth.view)>
                <LadderCanvas/>
                <Controls/>
                <DepthList/>
            </section>
            <aside class="card-column">
                <ul class="legend" aria-label=move || t_string!(i18n, legend.legend)>
                    <li><span class="line declared"></span>{t!(i18n, depth.legend_declared)}</li>
                    <li><span class="line delivered"></span>{t!(i18n, depth.legend_delivered)}</li>
                    <li><span class="swatch gap"></span>{t!(i18n, depth.legend_gap)}</li>
                </ul>
                {move || match (state.selected.get(), state.hovered.get()) {
                    (Some(p), _) => app.data.with(|d| provision_card(d, p, app, mapping)),
                    (None, Some(s)) => app.data.with(|d| sector_card(d, s, app.playhead.get_untracked())),
                    (None, None) => view! {
                        <article class="event-card intro">
                            <h2>{t!(i18n, depth.intro_title)}</h2>
                            <p>{t!(i18n, depth.intro)}</p>
                            <p class="muted pointer-only">{t!(i18n, depth.intro_help)}</p>
                            <p class="muted touch-only">{t!(i18n, depth.intro_help_touch)}</p>
                        </article>
                    }.into_any(),
                }}
            </aside>
        </main>
    }
}
