//! The road-map diagram's canvas: draws at the shared playhead, highlights the path under the pointer,
//! isolates a clicked node or link, and shows a truncated label's full text in a tooltip.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::PointerEvent;

use crate::app::{AppState, MappingState};
use crate::hooks::use_canvas::{
    layout_size, pointer_xy, use_canvas_size, use_more_below, use_redraw, CanvasSize,
};
use crate::i18n::{t_string, use_i18n, Locale};
use crate::layout::bipartite::{
    layout_at, min_height, programme_progress, scroll_to_show, Node, Target,
};
use crate::layout::tenths::Tenths;
use crate::model::Mapping;
use crate::render::mapping::{draw_mapping, MappingFrame};

/// How far a mouse may miss, px.
const MOUSE_SLOP_PX: f64 = 2.0;
/// How far a finger may miss, px.
const TOUCH_SLOP_PX: f64 = 8.0;

/// The full name of a target, for the tooltip.
fn full_label(m: &Mapping, t: Target, l: Locale) -> String {
    match t {
        Target::Node(Node::RoadMap(i)) => m.road_maps.get(i).map(|r| {
            if r.count > 1 {
                format!("{} × {} ({})", r.count, r.label, r.status.label(l))
            } else {
                format!("{} ({})", r.label, r.status.label(l))
            }
        }),
        Target::Node(Node::Programme(i)) => m.programmes.get(i).map(|p| p.label.clone()),
        Target::Link(i) => m.links.get(i).and_then(|k| {
            let from = &m.road_maps.get(k.from)?.label;
            let to = &m.programmes.get(k.to)?.label;
            Some(format!("{from} → {to} ({})", k.evidence.label(l)))
        }),
    }
    .unwrap_or_default()
}

/// What the diagram shows now (read tracked).
pub fn frame(app: AppState, state: MappingState) -> MappingFrame {
    MappingFrame {
        playhead_day: app.playhead.get(),
        highlight: state.hovered.get().or(state.selected.get()),
        selected: state.selected.get(),
    }
}

/// The diagram.
#[component]
pub fn MappingCanvas() -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = expect_context::<MappingState>();
    let i18n = use_i18n();
    let canvas_ref = NodeRef::<Canvas>::new();
    let CanvasSize { size, dpr } = use_canvas_size(canvas_ref);
    let tooltip = RwSignal::new(None::<(f64, f64, String)>);

    let geometry = Memo::new(move |_| {
        let scale = app.chart_theme().scale;
        let (w, h) = layout_size(size.get(), scale);
        let filter = state.filter.get();
        app.data.with(|d| {
            d.mapping
                .as_ref()
                .map(|m| layout_at(m, w, h, filter, scale))
        })
    });

    // In a window too short for the diagram its frame scrolls (see the stylesheet): what is selected (a
    // story's step, an item of the list) is brought into sight if it is not.
    Effect::new(move |_| {
        let Some(target) = state.selected.get() else {
            return;
        };
        let k = app.chart_theme().scale;
        let Some(frame) = canvas_ref.get().and_then(|c| c.parent_element()) else {
            return;
        };
        let span = geometry.with(|g| g.as_ref().and_then(|g| g.vertical_span(target)));
        let view_top = f64::from(frame.scroll_top());
        let view_height = f64::from(frame.client_height());
        if let Some(top) =
            span.and_then(|(t, b)| scroll_to_show((t * k, b * k), view_top, view_height))
        {
            frame.set_scroll_top(top.round() as i32);
        }
    });

    use_redraw(
        canvas_ref,
        dpr,
        app,
        geometry,
        |g| (g.width, g.height),
        "road-map diagram",
        move |area, g, theme| {
            let frame = frame(app, state);
            app.data.with_untracked(|d| match &d.mapping {
                Some(m) => draw_mapping(area, m, g, &frame, theme),
                None => Ok(()),
            })
        },
    );
    // For automation and tests: node centres in CSS px (updated on re-layout) and how far the morph
    // has got.
    let targets = Memo::new(move |_| {
        let k = app.chart_theme().scale;
        geometry.with(|g| {
            let Some(g) = g else { return "[]".to_owned() };
            app.data.with(|d| {
                let Some(m) = &d.mapping else {
                    return "[]".to_owned();
                };
                let nodes = g.left.iter().chain(&g.right).map(|b| {
                    let (kind, id) = match b.node {
                        Node::RoadMap(i) => ("road-map", &m.road_maps[i].id),
                        Node::Programme(i) => ("programme", &m.programmes[i].id),
                    };
                    format!(
                        r#"{{"kind":"{kind}","id":"{id}","x":{},"y":{}}}"#,
                        Tenths((b.rect.x + b.rect.w / 2.0) * k),
                        Tenths((b.rect.y + b.rect.h / 2.0) * k)
                    )
                });
                let links = g.links.iter().map(|l| {
                    let (x, y) = l.points[l.points.len() / 2];
                    let (x, y) = (Tenths(x * k), Tenths(y * k));
                    format!(r#"{{"kind":"link","id":"{}","x":{x},"y":{y}}}"#, l.link)
                });
                format!("[{}]", nodes.chain(links).collect::<Vec<_>>().join(","))
            })
        })
    });
    let morph = move || {
        let t = app.playhead.get();
        app.data.with(|d| {
            d.mapping.as_ref().map_or(0.0, |m| {
                (0..m.programmes.len())
                    .map(|i| programme_progress(m, i, t))
                    .fold(1.0, f64::min)
            })
        })
    };

    let slop = |ev: &PointerEvent| {
        if ev.pointer_type() == "mouse" {
            MOUSE_SLOP_PX
        } else {
            TOUCH_SLOP_PX
        }
    };
    let hit = move |ev: &PointerEvent| {
        let (x, y) = pointer_xy(ev, app.chart_theme_untracked().scale);
        geometry.with_untracked(|g| g.as_ref().and_then(|g| g.hit(x, y, slop(ev))))
    };
    let on_move = move |ev: PointerEvent| {
        let target = hit(&ev);
        if target != state.hovered.get_untracked() {
            state.hovered.set(target);
        }
        let label = target.map(|t| {
            app.data.with_untracked(|d| {
                d.mapping
                    .as_ref()
                    .map(|m| full_label(m, t, d.locale))
                    .unwrap_or_default()
            })
        });
        tooltip.set(label.map(|l| (f64::from(ev.offset_x()), f64::from(ev.offset_y()), l)));
    };
    let on_click = move |ev: PointerEvent| match hit(&ev) {
        Some(t) => state.selected.set(Some(t)),
        None => state.clear(),
    };

    // A frame too short for every road map and programme in the smallest type (a projector's screen
    // in its larger type, a small embedded frame) scrolls instead of cutting the diagram off.
    let least_height = move || {
        let scale = app.chart_theme().scale;
        let (w, _) = layout_size(size.get(), scale);
        let filter = state.filter.get();
        app.data.with(|d| {
            d.mapping
                .as_ref()
                .map(|m| format!("{}px", (min_height(m, w, filter, scale) * scale).ceil()))
        })
    };

    let frame_ref = NodeRef::<Div>::new();
    let (more_below, look) = use_more_below(frame_ref, move || {
        let _ = (size.get(), least_height());
    });

    view! {
        <div class="canvas-frame mapping-frame" node_ref=frame_ref class:more-below=move || more_below.get()
            on:scroll=move |_| look()>
            <canvas
                id="mapping-canvas"
                node_ref=canvas_ref
                style:min-height=least_height
                tabindex="0"
                role="img"
                aria-label=move || t_string!(i18n, mapping.canvas)
                data-targets=move || targets.get()
                data-morph=move || format!("{:.3}", morph())
                class:hovering=move || state.hovered.get().is_some()
                on:pointermove=on_move
                on:pointerleave=move |_| {
                    state.hovered.set(None);
                    tooltip.set(None);
                }
                on:pointerup=on_click
            ></canvas>
            {move || tooltip.get().map(|(x, y, label)| view! {
                <div class="tooltip" role="tooltip" style:left=format!("{x}px") style:top=format!("{y}px")>{label}</div>
            })}
        </div>
    }
}
