//! A canvas that follows its CSS size and the screen's pixel ratio, and draws in CSS pixels.
//!
//! `plotters-canvas` draws in backing-store pixels and knows nothing of `devicePixelRatio`, so on a HiDPI
//! screen its output would be blurred. Here the backing store is sized to CSS size x ratio and the
//! context is scaled by the ratio, so draw code works in CSS px and comes out sharp.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The device pixel ratio, sanitised.
pub fn device_pixel_ratio() -> f64 {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if dpr.is_finite() && dpr > 0.0 {
        dpr.clamp(0.5, 8.0)
    } else {
        1.0
    }
}

/// A canvas's CSS size and pixel ratio, kept up to date.
#[derive(Debug, Clone, Copy)]
pub struct CanvasSize {
    /// CSS width and height, px (0 until the canvas is laid out).
    pub size: RwSignal<(f64, f64)>,
    /// Device pixel ratio.
    pub dpr: RwSignal<f64>,
}

/// Watches `canvas_ref`'s size (ResizeObserver) and the pixel ratio (window resize, which browser zoom
/// and moving to another screen fire). Stops watching when the owner is cleaned up.
pub fn use_canvas_size(canvas_ref: NodeRef<Canvas>) -> CanvasSize {
    let size = RwSignal::new((0.0f64, 0.0f64));
    let dpr = RwSignal::new(device_pixel_ratio());
    let observe = move |canvas: &HtmlCanvasElement| {
        let (w, h) = (
            f64::from(canvas.client_width()),
            f64::from(canvas.client_height()),
        );
        if (w, h) != size.get_untracked() && w > 0.0 && h > 0.0 {
            size.set((w, h));
        }
        let now = device_pixel_ratio();
        if now != dpr.get_untracked() {
            dpr.set(now);
        }
    };
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        observe(&canvas);
        // The callback reaches the canvas through its NodeRef rather than holding it, and is dropped
        // with the observer: a canvas that leaves the page (a view switched away, a card closed) can
        // then be freed with its backing store.
        let callback = Closure::<dyn Fn()>::new(move || {
            if let Some(c) = canvas_ref.get_untracked() {
                observe(&c);
            }
        });
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&canvas);
                let kept = SendWrapper::new((observer, callback));
                on_cleanup(move || {
                    kept.0.disconnect();
                    drop(kept);
                });
            }
            Err(e) => leptos::logging::error!("ResizeObserver is unavailable: {e:?}"),
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            observe(&canvas);
        }
    });
    on_cleanup(move || handle.remove());
    CanvasSize { size, dpr }
}

/// A pointer event's position in layout px: CSS px from the canvas's top-left, divided by the theme's
/// `scale` (the projector theme draws everything larger).
pub fn pointer_xy(ev: &web_sys::MouseEvent, scale: f64) -> (f64, f64) {
    let s = if scale > 0.0 { scale } else { 1.0 };
    (f64::from(ev.offset_x()) / s, f64::from(ev.offset_y()) / s)
}

/// The layout size of a canvas of CSS size `(w, h)` drawn at `scale`.
pub fn layout_size((w, h): (f64, f64), scale: f64) -> (f64, f64) {
    let s = if scale > 0.0 { scale } else { 1.0 };
    (w / s, h / s)
}

/// Sizes `canvas`'s backing store for a `w` x `h` layout px drawing shown at `scale` (CSS px per
/// layout px) and the current pixel ratio, and calls `draw` with a drawing area in layout px. Errors
/// are logged once, here.
pub fn draw_css<F>(canvas: &HtmlCanvasElement, (w, h): (f64, f64), scale: f64, what: &str, draw: F)
where
    F: FnOnce(
        &DrawingArea<CanvasBackend, Shift>,
    )
        -> Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>,
{
    if w < 1.0 || h < 1.0 {
        return;
    }
    let dpr = device_pixel_ratio() * if scale > 0.0 { scale } else { 1.0 };
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw {
        canvas.set_width(bw);
    }
    if canvas.height() != bh {
        canvas.set_height(bh);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    // Everything below draws in layout px; the transform maps them to device pixels.
    if ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).is_err() {
        return;
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let root = backend.into_drawing_area();
    let area = root.shrink((0, 0), (w.round() as u32, h.round() as u32));
    if let Err(e) = draw(&area) {
        leptos::logging::error!("drawing the {what} failed: {e}");
    }
}

/// Redraws a canvas whenever anything its drawing reads changes: the pixel ratio, the theme in force,
/// the layout in `geometry`, and whatever `draw` reads (the frame). `size` gives a layout's size in
/// layout px; nothing is drawn while the layout is `None`.
pub fn use_redraw<G, F>(
    canvas_ref: NodeRef<Canvas>,
    dpr: RwSignal<f64>,
    app: crate::app::AppState,
    geometry: Memo<Option<G>>,
    size: fn(&G) -> (f64, f64),
    what: &'static str,
    draw: F,
) where
    G: PartialEq + Send + Sync + 'static,
    F: Fn(
            &DrawingArea<CanvasBackend, Shift>,
            &G,
            &crate::render::theme::Theme,
        )
            -> Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>
        + 'static,
{
    Effect::new(move |_| {
        let _ = dpr.get();
        let theme = app.chart_theme();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        geometry.with(|g| {
            if let Some(g) = g {
                draw_css(&canvas, size(g), theme.scale, what, |area| {
                    draw(area, g, &theme)
                });
            }
        });
    });
}
