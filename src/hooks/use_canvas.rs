//! A canvas that follows its CSS size and the screen's pixel ratio, and draws in CSS pixels.
//!
//! `plotters-canvas` draws in backing-store pixels and knows nothing of `devicePixelRatio`, so on a HiDPI
//! screen its output would be blurred. Here the backing store is sized to CSS size x ratio and the
//! context is scaled by the ratio, so draw code works in CSS px and comes out sharp.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

use crate::render::batch::{Batched, Capsule, FillCircles};
use crate::render::timeline::Bounds;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap, ImageBitmapRenderingContext,
    OffscreenCanvas, OffscreenCanvasRenderingContext2d,
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
/// canvas at devicePixelRatio 2 with software compositing); an image is handed over once. Firefox is
/// the other way round (see [`images_as_bitmaps`]): there the paper is copied onto the screen's 2D
/// context.
///
/// The first image may be taken from the paper itself ([`FirstImage::Shared`]), which shares the
/// paper's pixels instead of copying them: the copy, 12 ms for a full-screen drawing at
/// devicePixelRatio 2, is then made only when the paper is drawn on again, and the first frame does not
/// wait for it. Later images are copied onto the relay, since they are shown at once (a browser may
/// resolve `createImageBitmap` in a later task), while the layers over the screen change with them.
pub struct Sheet {
    /// The canvas drawn on, outside the page.
    pub paper: HtmlCanvasElement,
    relay: Option<OffscreenCanvas>,
    screen: HtmlCanvasElement,
    /// The screen's context, or `None` in Firefox or where there is no `bitmaprenderer` (the paper is
    /// then copied onto the screen's 2D context).
    shown: Option<ImageBitmapRenderingContext>,
    /// How the first image is made.
    first: FirstImage,
    /// How many times the sheet has been shown: a shared first image, which may arrive later, is put on
    /// the screen only if no other has been since.
    shows: Rc<Cell<u32>>,
}

/// How a [`Sheet`]'s first image is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstImage {
    /// Sharing the paper's pixels, and shown once the browser has made it (at once in Chromium; a
    /// browser may take a task longer): for a drawing that is the page's first frame, which nothing
    /// else waits on.
    Shared,
    /// Copied and shown at once, as every later image is: for a drawing shown together with other
    /// changes to the page (the lane names' copy, shown when a gesture starts).
    Copied,
}

impl Sheet {
    /// A sheet shown on `screen`, its first image made as `first` says, or `None` if no canvas can be
    /// made.
    pub fn new(screen: HtmlCanvasElement, first: FirstImage) -> Option<Sheet> {
        let paper = web_sys::window()?
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into::<HtmlCanvasElement>()
            .ok()?;
        let shown = images_as_bitmaps()
            .then(|| screen.get_context("bitmaprenderer").ok().flatten())
            .flatten()
            .and_then(|c| c.dyn_into::<ImageBitmapRenderingContext>().ok());
        let relay = shown.as_ref().and_then(|_| OffscreenCanvas::new(1, 1).ok());
        Some(Sheet {
            paper,
            relay,
            screen,
            shown,
            first,
            shows: Rc::new(Cell::new(0)),
        })
    }

    /// Shows the paper as it is now on the screen.
    pub fn show(&self) {
        let shows = self.shows.get().saturating_add(1);
        self.shows.set(shows);
        if shows == 1 && self.first == FirstImage::Shared && self.show_shared() {
            return;
        }
        let (w, h) = (self.paper.width(), self.paper.height());
        size_screen(&self.screen, (w, h));
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

    /// Shows an image sharing the paper's pixels, when the browser has made it (at once in Chromium; a
    /// browser may take a task longer), unless the sheet has been shown again by then. False if no
    /// such image can be asked for.
    fn show_shared(&self) -> bool {
        let Some(shown) = self.shown.clone() else {
            return false;
        };
        let Some(asked) = web_sys::window().and_then(|w| {
            w.create_image_bitmap_with_html_canvas_element(&self.paper)
                .ok()
        }) else {
            return false;
        };
        let (screen, shows) = (self.screen.clone(), Rc::clone(&self.shows));
        let size = (self.paper.width(), self.paper.height());
        leptos::task::spawn_local(async move {
            let Ok(made) = wasm_bindgen_futures::JsFuture::from(asked).await else {
                return;
            };
            let Ok(bitmap) = made.dyn_into::<ImageBitmap>() else {
                return;
            };
            if shows.get() == 1 {
                size_screen(&screen, size);
                shown.transfer_from_image_bitmap(&bitmap);
            } else {
                bitmap.close();
            }
        });
        true
    }
}

/// Whether a [`Sheet`] is best shown as an image, through a `bitmaprenderer` context: everywhere but in
/// Gecko (Firefox). There, with software compositing at devicePixelRatio 2, the timeline's scene shown
/// as an image held the playing timeline to about 51 frames a second against 60 on a 2D canvas
/// (`tests/bench/firefox.mjs`), and a full-screen image slowed any page on which anything moved, where
/// a 2D canvas not drawn on did not (`BENCHMARKS.md`). Gecko is known by a property only it has.
fn images_as_bitmaps() -> bool {
    !web_sys::css::supports_with_value("-moz-appearance", "none").unwrap_or(false)
}

/// Sizes a sheet's screen to its paper's backing store, `(w, h)` device px.
fn size_screen(screen: &HtmlCanvasElement, (w, h): (u32, u32)) {
    if screen.width() != w {
        screen.set_width(w);
    }
    if screen.height() != h {
        screen.set_height(h);
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

/// Moves a canvas laid over a region by [`set_region`] to lie over `region`, of the same size, keeping
/// its backing store and what is drawn on it.
pub fn move_region(canvas: &HtmlCanvasElement, region: Bounds, scale: f64) {
    let s = if scale > 0.0 { scale } else { 1.0 };
    let style = web_sys::HtmlElement::style(canvas);
    for (name, v) in [("left", region.0), ("top", region.1)] {
        let _ = style.set_property(name, &format!("{}px", v * s));
    }
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

/// Lets what is drawn next on `canvas`, sized for `region` by [`size_for`] (which clears this too), reach
/// only inside `boxes`, layout px.
pub fn clip_to(canvas: &HtmlCanvasElement, region: Bounds, scale: f64, boxes: &[Bounds]) {
    let k = backing_size((1.0, 1.0), scale).2;
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    if ctx
        .set_transform(k, 0.0, 0.0, k, -region.0 * k, -region.1 * k)
        .is_err()
    {
        return;
    }
    ctx.begin_path();
    for &(l, t, r, b) in boxes {
        ctx.rect(l, t, r - l, b - t);
    }
    ctx.clip();
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

/// The canvas backend every drawing here goes through, wrapped so that opaque circles are drawn in
/// batches ([`Batched`]).
pub type Canvas2d = Batched<Over>;

/// A canvas backend that claims the size of the whole drawing. Plotters clamps the points of shapes to
/// its backend's size; on a canvas laid over part of a drawing, shapes are given in the layout px of the
/// whole drawing (the canvas's transform places them), so the size it claims must be the whole
/// drawing's or shapes below and right of the part would be pulled back into it.
///
/// Shapes are drawn on the context directly, setting a colour or width only when it differs from the
/// last one set, and a batch of circles is one path; text goes through `plotters-canvas`. A colour goes
/// to the canvas as an opaque CSS string (made once per colour, not per shape) and its opacity as the
/// context's global alpha, a number: events fading in bring a new opacity at every frame, which as
/// colour strings would each be made, sent and parsed anew. The global alpha is 1 again when the
/// backend is dropped, so that nothing drawn on the canvas afterwards comes out faded.
pub struct Over {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    /// The fill colour set on the context (opaque), if known.
    fill: Option<BackendColor>,
    /// The stroke colour (opaque) and width set on the context, if known.
    stroke: Option<(BackendColor, u32)>,
    /// The global alpha set on the context.
    alpha: f64,
    /// The CSS strings of the colours used so far.
    colours: Vec<(BackendColor, JsValue)>,
}

/// Most CSS colour strings an [`Over`] keeps (an event fading in brings a new alpha at every frame).
const MAX_COLOURS: usize = 64;

/// `c` without its opacity (which goes to the context as its global alpha).
fn opaque(c: BackendColor) -> BackendColor {
    BackendColor {
        alpha: 1.0,
        rgb: c.rgb,
    }
}

fn same(a: BackendColor, b: BackendColor) -> bool {
    a.rgb == b.rgb && a.alpha == b.alpha
}

impl Over {
    /// A backend drawing on `canvas` (whose context is set up already) for a drawing `size` layout px.
    fn new(canvas: &HtmlCanvasElement, size: (u32, u32)) -> Option<Over> {
        let ctx = context_2d(canvas)?;
        ctx.set_global_alpha(1.0);
        Some(Over {
            inner: CanvasBackend::with_canvas_object(canvas.clone())?,
            ctx,
            size,
            fill: None,
            stroke: None,
            alpha: 1.0,
            colours: Vec::new(),
        })
    }

    /// Sets the context's global alpha to `alpha` (clamped to 0..=1) if it is not that already.
    fn set_alpha(&mut self, alpha: f64) {
        let a = if alpha.is_finite() {
            alpha.clamp(0.0, 1.0)
        } else {
            1.0
        };
        if a != self.alpha {
            self.ctx.set_global_alpha(a);
            self.alpha = a;
        }
    }

    fn css(&mut self, c: BackendColor) -> JsValue {
        if let Some((_, v)) = self.colours.iter().find(|(k, _)| same(*k, c)) {
            return v.clone();
        }
        let (r, g, b) = c.rgb;
        let v = JsValue::from_str(&format!("rgba({r},{g},{b},{})", c.alpha));
        if self.colours.len() >= MAX_COLOURS {
            self.colours.clear();
        }
        self.colours.push((c, v.clone()));
        v
    }

    fn set_fill(&mut self, c: BackendColor) {
        let opaque = opaque(c);
        if self.fill.is_none_or(|f| !same(f, opaque)) {
            let v = self.css(opaque);
            // The `JsValue` form takes the string made once for the colour; the `&str` form would
            // send it over again.
            #[allow(deprecated)]
            self.ctx.set_fill_style(&v);
            self.fill = Some(opaque);
        }
        self.set_alpha(c.alpha);
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let opaque = opaque(c);
        if self
            .stroke
            .is_none_or(|(s, w)| !same(s, opaque) || w != width)
        {
            let v = self.css(opaque);
            #[allow(deprecated)]
            self.ctx.set_stroke_style(&v);
            if self.stroke.is_none_or(|(_, w)| w != width) {
                self.ctx.set_line_width(f64::from(width));
            }
            self.stroke = Some((opaque, width));
        }
        self.set_alpha(c.alpha);
    }

    /// Starts a path through `points`, closed if `close`.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        let mut points = points.into_iter();
        self.ctx.begin_path();
        if let Some((x, y)) = points.next() {
            self.ctx.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
            if close {
                self.ctx.close_path();
            }
        }
    }

    /// Fills (`stroke` `None`) or strokes the path just made.
    fn paint(&mut self, c: BackendColor, stroke: Option<u32>) {
        match stroke {
            None => {
                self.set_fill(c);
                self.ctx.fill();
            }
            Some(w) => {
                self.set_stroke(c, w);
                self.ctx.stroke();
            }
        }
    }
}

impl Drop for Over {
    fn drop(&mut self) {
        if self.alpha != 1.0 {
            self.ctx.set_global_alpha(1.0);
        }
    }
}

/// Shifts a horizontal or vertical line by half a pixel so that it covers whole pixels, as
/// `plotters-canvas` does.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if a.0 == b.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if a.1 == b.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

type CanvasResult = Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

#[wasm_bindgen]
extern "C" {
    /// A 2D context, for the two methods bound here without web-sys. web-sys binds them so that an
    /// exception comes back as an error, which makes every call allocate on the JavaScript heap (an
    /// `arguments` object, and a function to hand it to), and `arc`'s angles are fractions, each a
    /// new number there. A dense timeline draws thousands of circles a second: that was most of what
    /// playing allocated, and of the collections it called for. Circles and capsules are drawn as
    /// rounded rectangles instead (a square whose corners' radius is half its side is a circle), whose
    /// arguments here are all whole pixels.
    type Plain2d;
    /// `roundRect` with one radius for all four corners. It throws only for a negative radius, which
    /// the radii here (from a `u32`) cannot be.
    #[wasm_bindgen(method, js_name = roundRect)]
    fn round_rect(this: &Plain2d, x: f64, y: f64, w: f64, h: f64, radius: f64);
    /// `arc`, for the holes of rings (turning the other way, which a rounded rectangle cannot). It
    /// throws only for a negative radius.
    #[wasm_bindgen(method)]
    fn arc(this: &Plain2d, x: f64, y: f64, radius: f64, from: f64, to: f64, anticlockwise: bool);
}

impl FillCircles for Over {
    fn draw_circles(
        &mut self,
        colour: BackendColor,
        stroke: Option<u32>,
        circles: &[(BackendCoord, u32)],
    ) -> CanvasResult {
        use std::f64::consts::TAU;
        if colour.alpha == 0.0 || circles.is_empty() {
            return Ok(());
        }
        self.ctx.begin_path();
        let plain = self.ctx.unchecked_ref::<Plain2d>();
        // A circle's outline `w` wide is the ring between the radii r - w/2 and r + w/2, filled: the
        // same shape as the stroke, without the canvas working out the stroke's outline (which made
        // the rings of a dense timeline cost as much to rasterise as all its discs).
        let half = stroke.map_or(0.0, |w| f64::from(w) / 2.0);
        for &((x, y), r) in circles {
            let (x, y, r) = (f64::from(x), f64::from(y), f64::from(r));
            // Each circle its own sub-path (a rounded rectangle always starts one), turning clockwise.
            let outer = r + half;
            plain.round_rect(x - outer, y - outer, 2.0 * outer, 2.0 * outer, outer);
            let inner = r - half;
            if stroke.is_some() && inner > 0.0 {
                // Turning the other way, so that the hole is not filled (and a ring overlapping
                // another's hole still is).
                self.ctx.move_to(x + inner, y);
                plain.arc(x, y, inner, TAU, 0.0, true);
            }
        }
        self.paint(colour, None);
        Ok(())
    }

    fn fill_capsules(&mut self, colour: BackendColor, capsules: &[Capsule]) -> CanvasResult {
        if colour.alpha == 0.0 || capsules.is_empty() {
            return Ok(());
        }
        self.ctx.begin_path();
        let plain = self.ctx.unchecked_ref::<Plain2d>();
        for c in capsules {
            let (x0, y, r) = (
                f64::from(c.left.0),
                f64::from(c.left.1),
                f64::from(c.radius),
            );
            let x1 = f64::from(c.right_x.max(c.left.0));
            // Each its own sub-path, all turning the same way: a rectangle reaching a radius beyond
            // both ends' centres, as tall as a marker, its corners rounded into half circles.
            plain.round_rect(x0 - r, y - r, x1 - x0 + 2.0 * r, 2.0 * r, r);
        }
        self.paint(colour, None);
        Ok(())
    }
}

impl DrawingBackend for Over {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> CanvasResult {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        self.ctx
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.paint(style.color(), Some(style.stroke_width()));
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.set_fill(c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(c, style.stroke_width());
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.trace(path, false);
        self.paint(style.color(), Some(style.stroke_width()));
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        let stroke = (!fill).then(|| style.stroke_width());
        self.draw_circles(style.color(), stroke, &[(center, radius)])
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.trace(vert, true);
        self.paint(style.color(), None);
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> CanvasResult {
        // plotters-canvas sets the fill colour for the text, opacity included.
        self.fill = None;
        self.set_alpha(1.0);
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
        &DrawingArea<Canvas2d, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<<Canvas2d as DrawingBackend>::ErrorType>>,
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
    let size = (full.0.ceil().max(1.0) as u32, full.1.ceil().max(1.0) as u32);
    let Some(backend) = Over::new(canvas, size) else {
        return;
    };
    // Presenting draws what the batches still hold, and reports any error in doing so.
    let area = Batched::new(backend).into_drawing_area();
    if let Err(e) = draw(&area).and_then(|()| area.present()) {
        leptos::logging::error!("drawing the {what} failed: {e}");
    }
}

/// Sizes `canvas`'s backing store for a `w` x `h` layout px drawing shown at `scale` (CSS px per
/// layout px) and the current pixel ratio, and calls `draw` with a drawing area in layout px. Errors
/// are logged once, here.
pub fn draw_css<F>(canvas: &HtmlCanvasElement, (w, h): (f64, f64), scale: f64, what: &str, draw: F)
where
    F: FnOnce(
        &DrawingArea<Canvas2d, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<<Canvas2d as DrawingBackend>::ErrorType>>,
{
    if w < 1.0 || h < 1.0 || prepare(canvas, (w, h), scale).is_none() {
        return;
    }
    let Some(backend) = Over::new(canvas, (w.round() as u32, h.round() as u32)) else {
        return;
    };
    // Presenting draws what the batches still hold, and reports any error in doing so.
    let area = Batched::new(backend).into_drawing_area();
    if let Err(e) = draw(&area).and_then(|()| area.present()) {
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
            &DrawingArea<Canvas2d, Shift>,
            &G,
            &crate::render::theme::Theme,
        ) -> Result<(), DrawingAreaErrorKind<<Canvas2d as DrawingBackend>::ErrorType>>
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

/// Whether the scrolling frame `frame_ref` has more below what it shows, and the check to run when it
/// scrolls: a frame whose canvas keeps a least height taller than the frame shades its foot while more
/// is below, since some systems show no scroll bar until a frame is scrolled. Checked again in the
/// frame after each change of what `watch` reads (the canvas's size and least height).
pub fn use_more_below(
    frame_ref: NodeRef<leptos::html::Div>,
    watch: impl Fn() + 'static,
) -> (ReadSignal<bool>, impl Fn() + Copy + 'static) {
    let more_below = RwSignal::new(false);
    // Run in the next frame, when the view may be gone (a link's view at once replaced by its story
    // step's): then its signal and node are disposed, and there is nothing to look at.
    let look = move || {
        if let Some(Some(f)) = frame_ref.try_get_untracked() {
            let below = f.scroll_height() - f.scroll_top() - f.client_height() > 2;
            if more_below.try_get_untracked().is_some_and(|b| b != below) {
                more_below.try_set(below);
            }
        }
    };
    Effect::new(move |_| {
        watch();
        // Once the page has the canvas's new least height.
        request_animation_frame(look);
    });
    (more_below.read_only(), look)
}
