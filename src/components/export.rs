//! Export of the current view: PNG at 1×, 2× and 4× the size on screen (for slides), and SVG drawn by
//! the same code through plotters' SVG backend.

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, DepthState, MappingState, MembershipState, View};
use crate::components::controls::playhead_date;
use crate::components::{depth_view, mapping_canvas, membership_view, timeline_canvas};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::layout::{bipartite, ladder, lanes, matrix};
use crate::render::legend::{self, Chart, Item, LegendLayout};
use crate::render::theme::Theme;
use crate::render::{
    ladder as ladder_render, mapping as mapping_render, membership as membership_render, timeline,
};

/// The states every view's drawing reads.
#[derive(Clone, Copy)]
struct Views {
    app: AppState,
    mapping: MappingState,
    membership: MembershipState,
    depth: DepthState,
}

fn view_name(v: View) -> &'static str {
    match v {
        View::Timeline => "timeline",
        View::Mapping => "road-maps",
        View::Membership => "memberships",
        View::Depth => "depth",
    }
}

/// What an export shows: the current view's chart, or the officials' claims beside the road maps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// The view's main chart.
    View,
    /// The claims chart in the road maps' side column (its key is part of its drawing).
    Claims,
}

impl Subject {
    /// Its canvas on the page, whose size the export takes.
    fn canvas(self) -> &'static str {
        match self {
            Subject::View => "main canvas",
            Subject::Claims => "#claims-canvas",
        }
    }

    /// The file's name, without its extension.
    fn file_name(self, view: View) -> String {
        match self {
            Subject::View => format!("union-state-{}", view_name(view)),
            Subject::Claims => format!("union-state-{}-claims", view_name(view)),
        }
    }
}

/// The least width of the claims chart's export, layout px: its title in two lines and its key and
/// caption whole, in either language.
const CLAIMS_MIN_WIDTH: f64 = 400.0;

/// What an export draws: a chart at its size on screen, in layout px, with its legend under it.
struct Figure {
    /// What it shows.
    subject: Subject,
    /// The charts' theme in force (its `scale` is layout px to CSS px).
    theme: Theme,
    /// The view's size, layout px.
    size: (f64, f64),
    /// The legend's entries and their places.
    items: Vec<Item>,
    legend: LegendLayout,
}

/// The figure of `subject` as it is on screen: its theme and size, and its legend (the view's marks,
/// none for the claims chart, which has its own key, and a line saying what the figure shows: the view,
/// the playhead's date and the dataset's title). None before its canvas has a size.
fn figure(v: Views, subject: Subject) -> Option<Figure> {
    let (cw, ch) = canvas_size(subject.canvas())?;
    let theme = v.app.chart_theme_untracked();
    let (w, h) = (cw / theme.scale, ch / theme.scale);
    // The claims chart's column can be narrower than its title, key and caption need (a 1024 px
    // projector's, in Russian): the figure, made for a slide or a paper, is drawn wider then.
    let w = match subject {
        Subject::View => w,
        Subject::Claims => w.max(CLAIMS_MIN_WIDTH),
    };
    let l = theme.locale;
    untrack(|| {
        let view = v.app.view.get();
        let (chart, name) = match view {
            View::Timeline => (Chart::Timeline, td_string!(l, app.tab_timeline)),
            View::Mapping => (Chart::Mapping, td_string!(l, app.tab_mapping)),
            View::Membership => (Chart::Membership, td_string!(l, app.tab_membership)),
            View::Depth => (Chart::Depth, td_string!(l, app.tab_depth)),
        };
        let (items, name) = match subject {
            Subject::View => (legend::items(chart, l), name),
            // Beside the road maps, but a chart of its own: named as such, not as the view.
            Subject::Claims => (Vec::new(), td_string!(l, export.claims_figure)),
        };
        // Written as the cards write dates (with the year's mark in Russian), not as the readout.
        let date = playhead_date(v.app.playhead.get()).local(l).to_string();
        // The view and the date first: a narrow figure cuts the end of the line, the dataset's title.
        let caption = v
            .app
            .data
            .with(|d| format!("{name} · {date} · {}", d.title));
        let legend = legend::layout(&items, &caption, w);
        Some(Figure {
            subject,
            theme,
            size: (w, h),
            items,
            legend,
        })
    })
}

/// Draws `fig` into `root`, whose coordinates are layout px: the view, and its legend under it.
fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    v: Views,
    fig: &Figure,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = fig.size;
    let (top, below) = root.split_vertically(h.round() as u32);
    let top = top.shrink((0, 0), (w.round() as u32, h.round() as u32));
    let below = below.shrink((0, 0), (w.round() as u32, fig.legend.size.1.round() as u32));
    match fig.subject {
        Subject::View => draw_view(&top, v, &fig.theme, fig.size)?,
        Subject::Claims => untrack(|| {
            v.app.data.with(|d| match &d.mapping {
                Some(m) => {
                    mapping_render::draw_claims(&top, m, fig.size, v.app.playhead.get(), &fig.theme)
                }
                None => Ok(()),
            })
        })?,
    }
    legend::draw_legend(&below, &fig.items, &fig.legend, &fig.theme)
}

/// Draws the current view as it is now, laid out for `(w, h)` layout px, into `area`.
fn draw_view<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    v: Views,
    theme: &Theme,
    (w, h): (f64, f64),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    untrack(|| {
        v.app.data.with(|d| match v.app.view.get() {
            View::Timeline => {
                let placement = lanes::place(d, w, h, v.app.window.get());
                let frame = timeline_canvas::frame(v.app);
                let picked = [v.app.selected.get(), frame.hovered];
                let bold = |e: usize| picked.contains(&Some(e));
                timeline::draw_timeline(area, d, &placement, &frame, bold, theme)
            }
            View::Mapping => match &d.mapping {
                Some(m) => {
                    let g = bipartite::layout_at(m, w, h, v.mapping.filter.get(), theme.scale);
                    mapping_render::draw_mapping(
                        area,
                        m,
                        &g,
                        &mapping_canvas::frame(v.app, v.mapping),
                        theme,
                    )
                }
                None => Ok(()),
            },
            View::Membership => match &d.membership {
                Some(m) => {
                    let g = matrix::layout(m, w, h);
                    membership_render::draw_matrix(
                        area,
                        m,
                        &g,
                        &membership_view::frame(v.app, v.membership),
                        theme,
                    )
                }
                None => Ok(()),
            },
            View::Depth => match &d.depth {
                Some(x) => {
                    let b = v.app.bounds();
                    let g = ladder::layout(x, d.locale, w, h, (b.t0, b.t1));
                    ladder_render::draw_ladder(
                        area,
                        x,
                        &g,
                        &depth_view::frame(v.app, v.depth),
                        theme,
                    )
                }
                None => Ok(()),
            },
        })
    })
}

/// The CSS size of the first canvas `selector` finds.
fn canvas_size(selector: &str) -> Option<(f64, f64)> {
    let canvas = web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??;
    let el: web_sys::HtmlElement = canvas.dyn_into().ok()?;
    let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
    (w > 0.0 && h > 0.0).then_some((w, h))
}

/// Offers `blob` to the user as a download named `name`.
fn download(blob: &web_sys::Blob, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a").and_then(|a| {
        a.dyn_into::<web_sys::HtmlAnchorElement>()
            .map_err(Into::into)
    }) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The click has started the download; the address can go once it has been read.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// Exports `subject` as PNG at `factor` times its size on screen.
fn export_png(v: Views, subject: Subject, factor: f64) {
    let Some(fig) = figure(v, subject) else {
        return;
    };
    let scale = fig.theme.scale;
    let (w, h) = fig.size;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(canvas) = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width((w * scale * factor).round() as u32);
    canvas.set_height(((h + fig.legend.size.1) * scale * factor).round() as u32);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let k = factor * scale;
    if ctx.set_transform(k, 0.0, 0.0, k, 0.0, 0.0).is_err() {
        return;
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    // In layout px: the context's transform scales them.
    let root = backend.into_drawing_area();
    if let Err(e) = draw_figure(&root, v, &fig) {
        leptos::logging::error!("the PNG export failed: {e}");
        return;
    }
    let name = format!(
        "{}@{factor}x.png",
        subject.file_name(v.app.view.get_untracked())
    );
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            download(&blob, &name);
        }
    });
    let _ = canvas.to_blob(done.unchecked_ref());
}

/// Exports `subject` as SVG, drawn by the same code through plotters' SVG backend.
fn export_svg(v: Views, subject: Subject) {
    let Some(fig) = figure(v, subject) else {
        return;
    };
    let (w, h) = fig.size;
    let mut svg = String::new();
    {
        let size = (w.round() as u32, (h + fig.legend.size.1).round() as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        if let Err(e) = draw_figure(&root, v, &fig).and_then(|()| root.present()) {
            leptos::logging::error!("the SVG export failed: {e}");
            return;
        }
    }
    download_text(
        &svg,
        "image/svg+xml",
        &format!("{}.svg", subject.file_name(v.app.view.get_untracked())),
    );
}

/// Offers `text` to the user as a download named `name`, of the media type `mime`.
pub(crate) fn download_text(text: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download(&blob, name);
    }
}

/// The export buttons.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let v = Views {
        app: expect_context(),
        mapping: expect_context(),
        membership: expect_context(),
        depth: expect_context(),
    };
    let i18n = use_i18n();
    view! {
        <div class="export-menu" role="group" aria-label=move || t_string!(i18n, export.group)>
            <span class="muted">{t!(i18n, export.label)}" "</span>
            <button type="button" id="export-png-1" title=move || t_string!(i18n, export.png1) on:click=move |_| export_png(v, Subject::View, 1.0)>"PNG 1×"</button>
            <button type="button" id="export-png-2" title=move || t_string!(i18n, export.png2) on:click=move |_| export_png(v, Subject::View, 2.0)>"2×"</button>
            <button type="button" id="export-png-4" title=move || t_string!(i18n, export.png4) on:click=move |_| export_png(v, Subject::View, 4.0)>"4×"</button>
            <button type="button" id="export-svg" title=move || t_string!(i18n, export.svg) on:click=move |_| export_svg(v, Subject::View)>"SVG"</button>
        </div>
        // Beside the road maps, the officials' claims are a chart of their own.
        <Show when=move || v.app.view.get() == View::Mapping>
            <div class="export-menu" role="group" aria-label=move || t_string!(i18n, export.claims_group)>
                <span class="muted">{t!(i18n, export.claims_label)}" "</span>
                <button type="button" id="export-claims-png-2" title=move || t_string!(i18n, export.png2) on:click=move |_| export_png(v, Subject::Claims, 2.0)>"PNG 2×"</button>
                <button type="button" id="export-claims-png-4" title=move || t_string!(i18n, export.png4) on:click=move |_| export_png(v, Subject::Claims, 4.0)>"4×"</button>
                <button type="button" id="export-claims-svg" title=move || t_string!(i18n, export.svg) on:click=move |_| export_svg(v, Subject::Claims)>"SVG"</button>
            </div>
        </Show>
    }
}
