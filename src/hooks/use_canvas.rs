//! A canvas that follows its CSS size and the screen's pixel ratio, and draws in CSS pixels.
//!
//! `plotters-canvas` draws in backing-store pixels and knows nothing of `devicePixelRatio`, so on a HiDPI
//! screen its output would be blurred. Here the backing store is sized to CSS size x ratio and the
//! context is scaled by the ratio, so draw code works in CSS px and comes out sharp.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

use crate::render::timeline::Bounds;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmapRenderingContext, OffscreenCanvas,
    OffscreenCanvasRenderingContext2d,
};

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

/// A pointer event's position in layout px from the top-left of `frame`'s padding box, which is not
/// moved by transforms of what it holds (unlike [`pointer_xy`], which is relative to the target).
pub fn frame_xy(ev: &web_sys::MouseEvent, frame: &web_sys::Element, scale: f64) -> (f64, f64) {
    let s = if scale > 0.0 { scale } else { 1.0 };
    let r = frame.get_bounding_client_rect();
    (
        (f64::from(ev.client_x()) - r.left() - f64::from(frame.client_left())) / s,
        (f64::from(ev.client_y()) - r.top() - f64::from(frame.client_top())) / s,
    )
}

/// The layout size of a canvas of CSS size `(w, h)` drawn at `scale`.
pub fn layout_size((w, h): (f64, f64), scale: f64) -> (f64, f64) {
    let s = if scale > 0.0 { scale } else { 1.0 };
    (w / s, h / s)
}

/// The backing-store size, device px, of a `w` x `h` layout px drawing shown at `scale`, and the device
/// px per layout px.
pub fn backing_size((w, h): (f64, f64), scale: f64) -> (u32, u32, f64) {
    let k = device_pixel_ratio() * if scale > 0.0 { scale } else { 1.0 };
    ((w * k).round() as u32, (h * k).round() as u32, k)
}

/// A canvas's 2D context, if it has or can have one.
fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// Sizes `canvas`'s backing store (which clears it, if the size changes) and sets its transform so
/// that drawing is in layout px. Returns the 2D context, or `None` if there is none.
fn prepare(
    canvas: &HtmlCanvasElement,
    (w, h): (f64, f64),
    scale: f64,
) -> Option<CanvasRenderingContext2d> {
    let (bw, bh, k) = backing_size((w, h), scale);
    if canvas.width() != bw {
        canvas.set_width(bw);
    }
    if canvas.height() != bh {
        canvas.set_height(bh);
    }
    let ctx = context_2d(canvas)?;
    // Everything drawn from here is in layout px; the transform maps them to device pixels.
    ctx.set_transform(k, 0.0, 0.0, k, 0.0, 0.0).ok()?;
    Some(ctx)
}

/// Where a drawing that changes seldom is made and how it is shown. The drawing is made on `paper`, a
/// canvas outside the page, and shown on `screen` as an image (through a `bitmaprenderer` context),
/// passed over by `relay`. Chromium hands every 2D canvas on the page to its compositor again at each
/// frame in which anything at all changes (a copy of all its pixels, about 2.5 ms for a full-screen
/// canvas at devicePixelRatio 2 with software compositing); an image is handed over once.
pub struct Sheet {
    /// The canvas drawn on, outside the page.
    pub paper: HtmlCanvasElement,
    relay: Option<OffscreenCanvas>,
    screen: HtmlCanvasElement,
    /// The screen's context, or `None` where there is no `bitmaprenderer` (the paper is then copied
    /// onto the screen's 2D context).
    shown: Option<ImageBitmapRenderingContext>,
}

impl Sheet {
    /// A sheet shown on `screen`, or `None` if no canvas can be made.
    pub fn new(screen: HtmlCanvasElement) -> Option<Sheet> {
        let paper = web_sys::window()?
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into::<HtmlCanvasElement>()
            .ok()?;
        let shown = screen
            .get_context("bitmaprenderer")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<ImageBitmapRenderingContext>().ok());
        let relay = shown.as_ref().and_then(|_| OffscreenCanvas::new(1, 1).ok());
        Some(Sheet {
            paper,
            relay,
            screen,
            shown,
        })
    }

    /// Shows the paper as it is now on the screen.
    pub fn show(&self) {
        let (w, h) = (self.paper.width(), self.paper.height());
        if self.screen.width() != w {
            self.screen.set_width(w);
        }
        if self.screen.height() != h {
            self.screen.set_height(h);
        }
        if let (Some(shown), Some(relay)) = (&self.shown, &self.relay) {
            // After a transfer the relay is blank at the same size; resizing it would allocate anew.
            if relay.width() != w {
                relay.set_width(w);
            }
            if relay.height() != h {
                relay.set_height(h);
            }
            let copied = relay
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<OffscreenCanvasRenderingContext2d>().ok())
                .and_then(|ctx| {
                    ctx.draw_image_with_html_canvas_element(&self.paper, 0.0, 0.0)
                        .ok()
                });
            if let (Some(()), Ok(bitmap)) = (copied, relay.transfer_to_image_bitmap()) {
                shown.transfer_from_image_bitmap(&bitmap);
            }
        } else if let Some(ctx) = context_2d(&self.screen) {
            let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
            let _ = ctx.draw_image_with_html_canvas_element(&self.paper, 0.0, 0.0);
        }
    }
}

/// Lays `canvas` (absolutely positioned over a drawing shown at `scale`) over `region` of it, in layout
/// px, with a backing store for that part only, blank; or hides it and frees its backing store when
/// `region` is `None`. Small layers cost little to hand to the compositor each frame, where a canvas
/// the size of the screen costs a copy of all its pixels.
pub fn set_region(canvas: &HtmlCanvasElement, region: Option<Bounds>, scale: f64) {
    let s = if scale > 0.0 { scale } else { 1.0 };
    let style = web_sys::HtmlElement::style(canvas);
    let Some((l, t, r, b)) = region.filter(|&(l, t, r, b)| r > l && b > t) else {
        canvas.set_width(0);
        canvas.set_height(0);
        let _ = style.set_property("display", "none");
        return;
    };
    size_for(canvas, Some((l, t, r, b)), scale);
    for (name, v) in [("left", l), ("top", t), ("width", r - l), ("height", b - t)] {
        let _ = style.set_property(name, &format!("{}px", v * s));
    }
    let _ = style.set_property("display", "block");
}

/// Copies the part `region` (layout px) of the drawing on `from` (drawn whole at `scale`) onto `to`,
/// whose backing store is sized for it only if it is not already.
pub fn copy_region(from: &HtmlCanvasElement, to: &HtmlCanvasElement, region: Bounds, scale: f64) {
    let (l, t, r, b) = region;
    let (bw, bh, k) = backing_size((r - l, b - t), scale);
    if (to.width(), to.height()) != (bw, bh) {
        to.set_width(bw);
        to.set_height(bh);
    }
    if let Some(ctx) = context_2d(to) {
        let (w, h) = (f64::from(bw), f64::from(bh));
        let _ = ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            from,
            l * k,
            t * k,
            w,
            h,
            0.0,
            0.0,
            w,
            h,
        );
    }
}

/// Sizes `canvas`'s backing store for `region`, layout px, at `scale` (which blanks it); `None` frees it.
pub fn size_for(canvas: &HtmlCanvasElement, region: Option<Bounds>, scale: f64) {
    let (bw, bh) = region.map_or((0, 0), |(l, t, r, b)| {
        let (bw, bh, _) = backing_size((r - l, b - t), scale);
        (bw, bh)
    });
    canvas.set_width(bw);
    canvas.set_height(bh);
}

/// A canvas backend that claims the size of the whole drawing. Plotters clamps the points of shapes to
/// its backend's size; on a canvas laid over part of a drawing, shapes are given in the layout px of the
/// whole drawing (the canvas's transform places them), so the size it claims must be the whole
/// drawing's or shapes below and right of the part would be pulled back into it.
pub struct Over {
    inner: CanvasBackend,
    size: (u32, u32),
}

impl DrawingBackend for Over {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }
}

/// Draws on a canvas laid over `region` by [`set_region`], in the layout px of the whole drawing, `full`
/// by its size (so the same draw code serves every layer). With `clear`, the region is blanked first.
pub fn draw_region<F>(
    canvas: &HtmlCanvasElement,
    region: Bounds,
    full: (f64, f64),
    scale: f64,
    clear: bool,
    what: &str,
    draw: F,
) where
    F: FnOnce(
        &DrawingArea<Over, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<<Over as DrawingBackend>::ErrorType>>,
{
    let (l, t, r, b) = region;
    let k = backing_size((1.0, 1.0), scale).2;
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    if ctx.set_transform(k, 0.0, 0.0, k, -l * k, -t * k).is_err() {
        return;
    }
    if clear {
        ctx.clear_rect(l, t, r - l, b - t);
    }
    let Some(inner) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let size = (full.0.ceil().max(1.0) as u32, full.1.ceil().max(1.0) as u32);
    if let Err(e) = draw(&Over { inner, size }.into_drawing_area()) {
        leptos::logging::error!("drawing the {what} failed: {e}");
    }
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
    if w < 1.0 || h < 1.0 || prepare(canvas, (w, h), scale).is_none() {
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
