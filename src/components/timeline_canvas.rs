//! The timeline's canvas: owns HiDPI sizing, redraws on every change, and turns pointer, wheel and
//! pinch input into selection, zoom and pan.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::{PointerEvent, WheelEvent};

use crate::app::AppState;
use crate::hooks::use_canvas::{draw_css, layout_size, pointer_xy, use_canvas_size, CanvasSize};
use crate::i18n::td_string;
use crate::layout::lanes::place;
use crate::render::timeline::{draw_timeline, FrameState};

/// How far a mouse may miss a marker and still hit it, px.
const MOUSE_SLOP_PX: f64 = 4.0;
/// How far a finger may miss, px.
const TOUCH_SLOP_PX: f64 = 14.0;
/// Movement beyond which a press becomes a drag rather than a click, px.
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Wheel zoom sensitivity: zoom factor per pixel of wheel delta.
const WHEEL_ZOOM_PER_PX: f64 = 0.0015;
/// Pixels per wheel "line" when the browser reports lines.
const WHEEL_LINE_PX: f64 = 40.0;
/// At most this many hit targets are exposed in `data-hit-targets`, so that a dataset of thousands of
/// events does not make every zoom step write a huge attribute.
const MAX_EXPOSED_TARGETS: usize = 500;
/// Zoom factor of one keyboard zoom step.
const KEY_ZOOM: f64 = 1.5;

/// Pointers currently pressed on the canvas, for drags and pinches.
#[derive(Default)]
struct Gesture {
    /// Pressed pointers: id and last position (CSS px).
    pointers: Vec<(i32, f64, f64)>,
    /// Total movement since the first press, px.
    travelled: f64,
    /// Distance between two pinching pointers at the last move.
    pinch_distance: Option<f64>,
}

/// What the timeline shows now (read tracked, so an effect calling it redraws on change).
pub fn frame(state: AppState) -> FrameState {
    FrameState {
        playhead_day: state.playhead.get(),
        appear_days: state.appear_days(),
        selected: state.current(),
        hovered: state.hovered.get(),
    }
}

/// The timeline canvas. Reads and writes the [`AppState`] from context.
#[component]
pub fn TimelineCanvas() -> impl IntoView {
    let state = expect_context::<AppState>();
    let canvas_ref = NodeRef::<Canvas>::new();
    let CanvasSize { size, dpr } = use_canvas_size(canvas_ref);

    let placement = Memo::new(move |_| {
        let (w, h) = layout_size(size.get(), state.chart_theme().scale);
        let window = state.window.get();
        state.data.with(|d| place(d, w, h, window))
    });

    // Expose the first hit targets (id, x, y in CSS px) for automation and tests; updated only on
    // re-layout.
    let hit_targets = Memo::new(move |_| {
        let k = state.chart_theme().scale;
        placement.with(|p| {
            state.data.with(|d| {
                let items: Vec<String> = p
                    .events
                    .iter()
                    .take(MAX_EXPOSED_TARGETS)
                    .filter_map(|e| {
                        let id = &d.events.get(e.event)?.id;
                        Some(format!(
                            r#"{{"id":"{id}","x":{:.1},"y":{:.1}}}"#,
                            e.x_px * k,
                            e.y_px * k
                        ))
                    })
                    .collect();
                format!("[{}]", items.join(","))
            })
        })
    });

    Effect::new(move |_| {
        let _ = dpr.get();
        let theme = state.chart_theme();
        let frame = frame(state);
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        placement.with(|p| {
            draw_css(
                &canvas,
                (p.width, p.height),
                theme.scale,
                "timeline",
                |area| {
                    state
                        .data
                        .with_untracked(|data| draw_timeline(area, data, p, &frame, &theme))
                },
            );
        });
    });

    let gesture = Rc::new(RefCell::new(Gesture::default()));
    let slop = |ev: &PointerEvent| {
        if ev.pointer_type() == "mouse" {
            MOUSE_SLOP_PX
        } else {
            TOUCH_SLOP_PX
        }
    };
    let pos = move |ev: &PointerEvent| pointer_xy(ev, state.chart_theme_untracked().scale);

    let g = Rc::clone(&gesture);
    let on_pointer_down = move |ev: PointerEvent| {
        let (x, y) = pos(&ev);
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_pointer_capture(ev.pointer_id());
            let _ = canvas.focus();
        }
        let mut g = g.borrow_mut();
        if g.pointers.is_empty() {
            g.travelled = 0.0;
        }
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pointers.push((ev.pointer_id(), x, y));
        g.pinch_distance = None;
    };

    let g = Rc::clone(&gesture);
    let on_pointer_move = move |ev: PointerEvent| {
        let (x, y) = pos(&ev);
        let mut g = g.borrow_mut();
        let Some(i) = g.pointers.iter().position(|p| p.0 == ev.pointer_id()) else {
            // Hovering, no button pressed.
            let hit = placement.with_untracked(|p| p.hit(x, y, slop(&ev)));
            if hit != state.hovered.get_untracked() {
                state.hovered.set(hit);
            }
            return;
        };
        let (_, px0, py0) = g.pointers[i];
        g.pointers[i] = (ev.pointer_id(), x, y);
        g.travelled += (x - px0).hypot(y - py0);
        let bounds = state.bounds();
        if g.pointers.len() >= 2 {
            // Pinch: zoom by the change of distance, around the midpoint.
            let (a, b) = (g.pointers[0], g.pointers[1]);
            let distance = (a.1 - b.1).hypot(a.2 - b.2).max(1.0);
            if let Some(before) = g.pinch_distance {
                let mid_x = (a.1 + b.1) / 2.0;
                let anchor = placement.with_untracked(|p| p.scale.day_from_x_px(mid_x));
                state
                    .window
                    .update(|w| *w = w.zoom(distance / before, anchor, bounds));
            }
            g.pinch_distance = Some(distance);
        } else if g.travelled > DRAG_THRESHOLD_PX {
            let days = placement.with_untracked(|p| (x - px0) / p.scale.px_per_day());
            state.window.update(|w| *w = w.pan(-days, bounds));
        }
    };

    let g = Rc::clone(&gesture);
    let on_pointer_up = move |ev: PointerEvent| {
        let (x, y) = pos(&ev);
        let mut g = g.borrow_mut();
        let was_click = g.pointers.len() == 1 && g.travelled <= DRAG_THRESHOLD_PX;
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pinch_distance = None;
        if was_click {
            match placement.with_untracked(|p| p.hit(x, y, slop(&ev))) {
                Some(event) => state.go_to(event),
                None => state.selected.set(None),
            }
        }
    };
    let g = Rc::clone(&gesture);
    let on_pointer_cancel = move |ev: PointerEvent| {
        let mut g = g.borrow_mut();
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pinch_distance = None;
    };

    let on_wheel = move |ev: WheelEvent| {
        ev.prevent_default();
        let unit = if ev.delta_mode() == WheelEvent::DOM_DELTA_LINE {
            WHEEL_LINE_PX
        } else {
            1.0
        };
        let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
        let bounds = state.bounds();
        if ev.shift_key() || dx.abs() > dy.abs() {
            let pan = if dx.abs() > dy.abs() { dx } else { dy };
            let days = placement.with_untracked(|p| pan / p.scale.px_per_day());
            state.window.update(|w| *w = w.pan(days, bounds));
        } else {
            let anchor = placement.with_untracked(|p| {
                p.scale
                    .day_from_x_px(pointer_xy(&ev, state.chart_theme_untracked().scale).0)
            });
            state
                .window
                .update(|w| *w = w.zoom((-dy * WHEEL_ZOOM_PER_PX).exp(), anchor, bounds));
        }
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let bounds = state.bounds();
        let anchor = state.playhead.get_untracked();
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                state
                    .window
                    .update(|w| *w = w.zoom(KEY_ZOOM, anchor, bounds));
                true
            }
            "-" | "_" => {
                state
                    .window
                    .update(|w| *w = w.zoom(1.0 / KEY_ZOOM, anchor, bounds));
                true
            }
            "0" => {
                state.window.set(bounds);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let label = move || {
        state.data.with(|d| {
            td_string!(
                d.locale,
                timeline.canvas,
                events = d.events.len(),
                lanes = d.tracks.len()
            )
        })
    };

    view! {
        <div class="canvas-frame">
            <canvas
                id="timeline-canvas"
                node_ref=canvas_ref
                tabindex="0"
                role="img"
                aria-label=label
                data-hit-targets=move || hit_targets.get()
                class:hovering=move || state.hovered.get().is_some()
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_cancel
                on:pointerleave=move |_| state.hovered.set(None)
                on:wheel=on_wheel
                on:keydown=on_key
            ></canvas>
        </div>
    }
}
