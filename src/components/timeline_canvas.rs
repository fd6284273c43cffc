//! The timeline's canvas: owns HiDPI sizing, redraws on every change, and turns pointer, wheel and
//! pinch input into selection, zoom and pan.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement, PointerEvent, WheelEvent};

use crate::app::AppState;
use crate::hooks::use_canvas::{
    clip_to, copy_region, draw_css, draw_region, frame_xy, layout_size, move_region, set_region,
    size_for, use_canvas_size, CanvasSize, FirstImage, Sheet,
};
use crate::i18n::td_string;
use crate::layout::anim::appearance;
use crate::layout::canvas_box::{area, assign, groups, holds, join, moved_over, store_for};
use crate::layout::lanes::place;
use crate::layout::lanes::PlacedEvent;
use crate::layout::lanes::Placement;
use crate::layout::scale::Window;
use crate::layout::tenths::Tenths;
use crate::layout::text;
use crate::model::{events_in, lanes_in, Dataset};
use crate::render::theme::Theme;
use crate::render::theme::PLAYHEAD_STROKE_PX;
use crate::render::timeline::{
    appearing, bar_bounds, draw_bar_patches, draw_bars, draw_event, draw_rings, draw_scene,
    event_bounds, label_patches, playhead_mark, playhead_tab_rows, ring_bounds, settled_count,
    Bounds, FrameState, PlayheadMark,
};

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

/// A placement and a serial number that is new whenever the layout is, so the layers can tell a new
/// layout from the same one cheaply.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    serial: u64,
    placement: Placement,
}

impl Placed {
    fn new(placement: Placement) -> Self {
        thread_local! {
            static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
        }
        let serial = NEXT.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        Placed { serial, placement }
    }
}

impl std::ops::Deref for Placed {
    type Target = Placement;
    fn deref(&self) -> &Placement {
        &self.placement
    }
}

/// Everything the scene layer's pixels depend on, apart from how many events are settled.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SceneKey {
    /// Which dataset is shown (the address of its shared copy).
    data: usize,
    layout: u64,
    theme: Theme,
    dpr: f64,
    selected: Option<usize>,
    hovered: Option<usize>,
}

impl SceneKey {
    /// Whether `event`'s label is set in bold in the scene: it is the one the user selected or points
    /// at. (The ring round the event the card shows, which follows the playhead, is drawn over the
    /// scene each frame, so that playing does not redraw the scene at every event.)
    fn emphasises(&self, event: usize) -> bool {
        self.selected == Some(event) || self.hovered == Some(event)
    }
}

/// The elements the timeline is drawn on, bottom to top.
struct Surfaces {
    /// Shows the whole drawing: base, settled events, ghosts (`#timeline-canvas`, which takes the
    /// input).
    scene: HtmlCanvasElement,
    /// The whole drawing while the layout is changing from frame to frame (a zoom, a pan, a window
    /// being resized): drawing on it is cheaper than handing a new image of the scene over each time.
    live: HtmlCanvasElement,
    /// The spans' bars, filled whole (the scene has their outlines), in groups apart from one another,
    /// each shown as an image (like the scene, it changes only with the layout, and a 2D canvas would be
    /// handed to the compositor again at every frame).
    spans: [HtmlCanvasElement; SPAN_LAYERS],
    /// What shows the span layers left of the playhead only: an element clipping what it holds, moved
    /// so that its right edge is at the playhead ...
    span_clip: HtmlElement,
    /// ... and one inside it moved back as far, so that the bars stay where they are drawn.
    span_unclip: HtmlElement,
    /// Events settled since the scene was last drawn, in clusters, each over the box it needs.
    recent: [HtmlCanvasElement; RECENT_LAYERS],
    /// Events part way through appearing and the rings, in groups apart from one another, each over
    /// the box it spans.
    moving: [HtmlCanvasElement; MOVING_LAYERS],
    /// The playhead's line (HTML, like its tab, so that moving it redraws no pixels).
    line: HtmlElement,
    /// The playhead's date tab.
    tab: HtmlElement,
    /// What hides the tick labels under the tab (see `PlayheadMark::cover`).
    cover: HtmlElement,
}

/// How many recent layers there are. Events settled since the scene was drawn are drawn on them, in
/// clusters, until none can take another, and then into the scene. Unlike the scene, each is drawn on
/// directly: a small canvas drawn on is handed to the compositor at the next frame, a copy of its few
/// pixels, which costs less than copying it into an image and handing that over (with thousands of
/// events, one settling at every frame, a frame costs about a third less); drawing into the scene costs
/// a copy of all of it, so that should happen seldom.
const RECENT_LAYERS: usize = 4;
/// How many layers the events appearing and the rings are drawn on: those far apart (events appearing
/// on distant lanes at once) are drawn on canvases of their own, not on one covering all of them.
const MOVING_LAYERS: usize = 3;
/// How many layers the spans' bars are drawn on: spans far apart on canvases of their own.
const SPAN_LAYERS: usize = 3;
/// The largest a recent layer grows, layout px squared, and its widest.
const RECENT_MAX_AREA: f64 = 448.0 * 288.0;
const RECENT_MAX_WIDTH: f64 = 640.0;
/// Room a recent layer leaves on its right for the events to come when it grows, layout px.
const RECENT_GROW_PX: f64 = 64.0;
/// How long the layout must be still before the scene is handed over as an image again, ms.
const LIVE_QUIET_MS: f64 = 250.0;
/// How long a zoom or pan by wheel, drag or pinch must pause before the timeline is laid out and drawn
/// for the new window, ms. Until then the picture already drawn is moved and stretched to match (a
/// change of one CSS transform, which costs next to nothing however many events there are), as maps do.
const GESTURE_QUIET_MS: f64 = 150.0;
/// The layers' boxes are rounded out to this grid, layout px, so they are resized only now and then.
const GRID_PX: f64 = 32.0;

/// `b` rounded out to the grid and kept inside the drawing.
fn snap(b: Bounds, p: &Placement) -> Bounds {
    let g = GRID_PX;
    (
        ((b.0 / g).floor() * g).max(0.0),
        ((b.1 / g).floor() * g).max(0.0),
        ((b.2 / g).ceil() * g).min(p.width),
        ((b.3 / g).ceil() * g).min(p.height),
    )
}

/// Draws events appearing and the rings of `frame` on a layer of what appears, covering `store`;
/// `made` says the canvas is new, so blank already.
#[allow(clippy::too_many_arguments)]
fn draw_moving(
    canvas: &HtmlCanvasElement,
    store: Bounds,
    made: bool,
    data: &Dataset,
    p: &Placement,
    frame: &FrameState,
    moving: &[&PlacedEvent],
    key: &SceneKey,
) {
    let theme = &key.theme;
    draw_region(
        canvas,
        store,
        (p.width, p.height),
        theme.scale,
        !made,
        "timeline",
        |area| {
            for &e in moving {
                let shown = appearance(e.anchor_day, frame.playhead_day, frame.appear_days);
                draw_event(area, data, p, e, shown, key.emphasises(e.event), theme)?;
            }
            draw_rings(area, p, frame, theme)
        },
    );
}

/// What a layer of what appears shows now.
#[derive(Debug, Clone, Copy, Default)]
struct Moving {
    /// The box its canvas covers (layout px). It holds the box of what it shows and may be larger:
    /// the next such box, usually of much the same size elsewhere, then needs the canvas moved, not
    /// made anew (a new backing store, and a new buffer for the compositor, at each event that
    /// appears).
    store: Option<Bounds>,
    /// Whether it is shown (hidden, it keeps its backing store and box, and what was drawn on it).
    shown: bool,
    /// What it was last drawn with when nothing on it was appearing: its box and the rings' events
    /// (hovered, selected). A frame with the same draws nothing there, so that playing through a
    /// stretch with no event appearing hands the compositor no new pixels at each frame.
    still: Option<(Bounds, Option<usize>, Option<usize>)>,
}

/// What the layers show now.
#[derive(Default)]
struct Layers {
    /// What the scene is drawn on and shown by (made at the first drawing).
    sheet: Option<Sheet>,
    /// What the scene was drawn for (`None`: nothing yet).
    key: Option<SceneKey>,
    /// Whether the live layer shows the scene, and when (ms since the epoch) the layout last changed.
    live: Option<f64>,
    /// The size (layout px) the scene was last drawn at, and when (ms since the epoch) it last changed.
    size: (f64, f64),
    resized: Option<f64>,
    /// Events `0..in_scene` of the placement are drawn settled in the scene.
    in_scene: usize,
    /// Events `in_scene..in_recent` are drawn settled on the recent layers.
    in_recent: usize,
    /// Each recent layer's box and the events it holds (indices into the placement's events).
    recent: [(Option<Bounds>, Vec<usize>); RECENT_LAYERS],
    /// The layers of what appears.
    moving: [Moving; MOVING_LAYERS],
    /// What the span layers were drawn for, and each one's box and sheet (made at its first drawing).
    spans: Option<SceneKey>,
    span_boxes: [Option<Bounds>; SPAN_LAYERS],
    span_sheets: [Option<Sheet>; SPAN_LAYERS],
    /// How far from the left the span layers are shown, CSS px.
    reached: Option<f64>,
    /// Whether the span layers are hidden (while the live layer shows the scene).
    spans_hidden: bool,
    /// The playhead as last shown.
    playhead: Option<PlayheadMark>,
    /// The theme and layout the playhead's style was set for.
    playhead_style: Option<(Theme, u64)>,
}

impl Layers {
    /// Brings every layer up to `frame`. The scene is drawn afresh when its key changes or the
    /// playhead goes back past a settled event (on the live layer while the layout keeps changing, and
    /// once it has been still for [`LIVE_QUIET_MS`] as the image again); events that settle are drawn
    /// once, on a recent layer, and moved into the scene when no recent layer can take more; only the
    /// events appearing, the rings and the playhead change from frame to frame, and they are small.
    /// Returns true while the live layer shows the scene, so the caller asks again after a quiet spell.
    fn draw(
        &mut self,
        s: &Surfaces,
        key: SceneKey,
        data: &Dataset,
        p: &Placement,
        frame: &FrameState,
    ) -> bool {
        let theme = key.theme;
        let size = (p.width, p.height);
        let settled = settled_count(p, frame);
        let emphasis = |e: &PlacedEvent| key.emphasises(e.event);
        if self.sheet.is_none() {
            self.sheet = Sheet::new(s.scene.clone(), FirstImage::Shared);
        }
        let Some(sheet) = self.sheet.take() else {
            return false;
        };
        let now = js_sys::Date::now();
        // A new layout, theme, selection or hover: drawn on the live layer straight away, since more
        // changes tend to follow (a zoom, a pan, the pointer moving over the marks). A new dataset is
        // a change on its own: it goes straight into the image, which spares sizing the live layer
        // (a full-screen store at devicePixelRatio 2 is 30 MB) and drawing it all again when it is
        // handed over. So is a new size on its own (the page round the chart laid out again: a
        // fullscreen, the controls on fewer rows for a dataset with no story, a turned phone); only
        // sizes that follow one another within the quiet spell (a window being dragged) go to the live
        // layer.
        let resized = size != self.size;
        let lone_resize = resized
            && self.resized.is_none_or(|t| now - t >= LIVE_QUIET_MS)
            && self.key.is_some_and(|k| {
                SceneKey {
                    layout: key.layout,
                    ..k
                } == key
            });
        // (The first size, the chart's at the page's first layout, is not one that another follows.)
        if resized && self.size.0 > 0.0 && self.size.1 > 0.0 {
            self.resized = Some(now);
        }
        let changed = self.key.is_some_and(|k| k != key && k.data == key.data) && !lone_resize;
        if changed {
            self.live = Some(now);
        }
        let quiet = self.live.is_some_and(|t| now - t >= LIVE_QUIET_MS);
        if changed || quiet || self.key != Some(key) || settled < self.in_recent {
            // The whole drawing: on the live layer while the layout keeps changing, otherwise as the
            // image again.
            // The live layer has the spans' bars filled in, up to the playhead as it is now, and the
            // span layers are hidden meanwhile: images of them made at each change would cost a copy
            // each.
            let (target, filled_to) = if changed {
                (&s.live, Some(reached_px(p, frame)))
            } else {
                (&sheet.paper, None)
            };
            draw_css(target, size, theme.scale, "timeline", |area| {
                draw_scene(
                    area,
                    data,
                    p,
                    settled,
                    filled_to,
                    |e| key.emphasises(e),
                    &theme,
                )
            });
            self.key = Some(key);
            self.size = size;
            (self.in_scene, self.in_recent) = (settled, settled);
            self.clear_recent(s, theme.scale);
            // A new layout, scale or theme: the layers of what appears are made again for it when
            // needed.
            for (layer, canvas) in self.moving.iter_mut().zip(&s.moving) {
                if layer.store.is_some() {
                    set_region(canvas, None, theme.scale);
                }
                *layer = Moving::default();
            }
            if changed {
                set_display(&s.live, true);
            } else {
                sheet.show();
                if self.live.take().is_some() {
                    // The image is up to date again: the live layer goes, and its memory with it.
                    set_display(&s.live, false);
                    s.live.set_width(0);
                    s.live.set_height(0);
                }
            }
        } else if settled > self.in_recent {
            for i in self.in_recent..settled {
                if self.add_recent(s, data, p, i, &key).is_none() {
                    // No recent layer can take it: everything settled goes into the scene (the
                    // live layer's, while it shows the scene).
                    let target = if self.live.is_some() {
                        &s.live
                    } else {
                        &sheet.paper
                    };
                    draw_css(target, size, theme.scale, "timeline", |area| {
                        for e in &p.events[self.in_scene..settled] {
                            draw_event(area, data, p, e, 1.0, emphasis(e), &theme)?;
                        }
                        Ok(())
                    });
                    if self.live.is_none() {
                        sheet.show();
                    }
                    self.in_scene = settled;
                    self.clear_recent(s, theme.scale);
                    break;
                }
            }
            self.in_recent = settled;
        }

        self.sheet = Some(sheet);

        // The events appearing and the rings, on layers just big enough for them: one for each group of
        // them apart from the others.
        let moving = &p.events[appearing(p, frame)];
        let boxes: Vec<Bounds> = moving.iter().map(|e| snap(event_bounds(p, e), p)).collect();
        let ring = |e: Option<usize>| {
            e.and_then(|e| p.find(e))
                .map(|r| snap(ring_bounds(p, r), p))
        };
        let (hovered, selected) = (ring(frame.hovered), ring(frame.selected));
        let all = boxes.iter().copied().chain(hovered).chain(selected);
        let regions = groups(all.collect(), MOVING_LAYERS);
        let shows = assign(self.moving.map(|m| m.store), &regions, size);
        for ((layer, canvas), region) in self.moving.iter_mut().zip(&s.moving).zip(shows) {
            match region {
                Some(region) => {
                    let (store, made) = match layer.store.and_then(|b| moved_over(b, region, size))
                    {
                        Some(store) => {
                            if Some(store) != layer.store {
                                move_region(canvas, store, theme.scale);
                            }
                            if !layer.shown {
                                set_display(canvas, true);
                            }
                            (store, false)
                        }
                        None => {
                            let store = store_for(layer.store, region, size);
                            set_region(canvas, Some(store), theme.scale);
                            (store, true)
                        }
                    };
                    layer.store = Some(store);
                    layer.shown = true;
                    let mine: Vec<&PlacedEvent> = moving
                        .iter()
                        .zip(&boxes)
                        .filter(|(_, &b)| holds(region, b))
                        .map(|(e, _)| e)
                        .collect();
                    let here = |b: Option<Bounds>, e: Option<usize>| {
                        e.filter(|_| b.is_some_and(|b| holds(region, b)))
                    };
                    let frame = FrameState {
                        hovered: here(hovered, frame.hovered),
                        selected: here(selected, frame.selected),
                        ..*frame
                    };
                    let still = mine
                        .is_empty()
                        .then_some((store, frame.hovered, frame.selected));
                    if made || still.is_none() || still != layer.still {
                        draw_moving(canvas, store, made, data, p, &frame, &mine, &key);
                    }
                    layer.still = still;
                }
                None if layer.shown => {
                    // Nothing to show here: the canvas is hidden (a blank one shown would still be
                    // composited at every frame), keeping its backing store and box for the next
                    // time; it is blanked when it is drawn on again.
                    set_display(canvas, false);
                    layer.shown = false;
                    layer.still = None;
                }
                None => {}
            }
        }

        self.show_spans(s, key, data, p, frame);
        self.show_playhead(s, key.layout, p, frame, &theme);
        self.live.is_some()
    }

    /// Draws the spans' bars on the span layers when anything the scene is drawn for changes, and
    /// shows them as far as the playhead, so that a span is seen lasting up to the playhead's date,
    /// growing as it moves on, while playing draws nothing: only the clipping element moves. The
    /// labels crossing the bars are drawn over them again, as they are in the scene below. While the
    /// live layer shows the scene, with the bars in it, the span layers are hidden and left as they
    /// are.
    fn show_spans(
        &mut self,
        s: &Surfaces,
        key: SceneKey,
        data: &Dataset,
        p: &Placement,
        frame: &FrameState,
    ) {
        let k = key.theme.scale;
        let live = self.live.is_some();
        if self.spans_hidden != live {
            set_display(&s.span_clip, !live);
            self.spans_hidden = live;
        }
        if live {
            return;
        }
        if self.spans != Some(key) {
            let bars: Vec<(&PlacedEvent, Bounds)> = p
                .events
                .iter()
                .filter_map(|e| Some((e, snap(bar_bounds(p, e)?, p))))
                .collect();
            let regions = groups(bars.iter().map(|&(_, b)| b).collect(), SPAN_LAYERS);
            for (i, canvas) in s.spans.iter().enumerate() {
                let region = regions.get(i).copied();
                if region.is_none() && self.span_boxes[i].is_none() {
                    continue;
                }
                set_region(canvas, region, k);
                self.span_boxes[i] = region;
                if self.span_sheets[i].is_none() {
                    self.span_sheets[i] = Sheet::new(canvas.clone(), FirstImage::Shared);
                }
                let Some(sheet) = &self.span_sheets[i] else {
                    continue;
                };
                let Some(region) = region else {
                    size_for(&sheet.paper, None, k);
                    continue;
                };
                size_for(&sheet.paper, Some(region), k);
                let mine: Vec<&PlacedEvent> = bars
                    .iter()
                    .filter(|&&(_, b)| holds(region, b))
                    .map(|&(e, _)| e)
                    .collect();
                let size = (p.width, p.height);
                draw_region(&sheet.paper, region, size, k, false, "timeline", |area| {
                    draw_bars(
                        area,
                        data,
                        p,
                        mine.iter().copied(),
                        f64::INFINITY,
                        &key.theme,
                    )
                });
                // Where labels lie over the bars, the whole drawing again, kept to those patches:
                // elsewhere the scene shows what is there.
                let patches = label_patches(p, &mine);
                if !patches.is_empty() {
                    clip_to(&sheet.paper, region, k, &patches);
                    draw_region(&sheet.paper, region, size, k, false, "timeline", |area| {
                        let bold = |e: usize| key.emphasises(e);
                        draw_bar_patches(area, data, p, &mine, &patches, bold, &key.theme)
                    });
                }
                sheet.show();
            }
            self.spans = Some(key);
            self.reached = None;
        }
        let (reached, width) = (reached_px(p, frame) * k, p.width * k);
        if self.reached != Some(reached) {
            let move_by = |el: &HtmlElement, dx: f64| {
                let _ = HtmlElement::style(el)
                    .set_property("transform", &format!("translateX({dx}px)"));
            };
            move_by(&s.span_clip, reached - width);
            move_by(&s.span_unclip, width - reached);
            self.reached = Some(reached);
        }
    }

    /// The canvas holding the scene as it is shown now: the live layer while it shows the scene,
    /// otherwise the image's paper.
    fn scene_pixels(&self, live: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
        if self.live.is_some() {
            Some(live.clone())
        } else {
            self.sheet.as_ref().map(|s| s.paper.clone())
        }
    }

    /// Draws the settled event `i` on a recent layer: one whose box holds it already, or the
    /// one that grows least to take it (drawn afresh), within the limits. Returns the layer, or `None`
    /// if none can take it.
    fn add_recent(
        &mut self,
        s: &Surfaces,
        data: &Dataset,
        p: &Placement,
        i: usize,
        key: &SceneKey,
    ) -> Option<usize> {
        let theme = &key.theme;
        let e = p.events.get(i)?;
        let b = snap(event_bounds(p, e), p);
        let draw = |canvas: &HtmlCanvasElement, region: Bounds, events: &[usize]| {
            draw_region(
                canvas,
                region,
                (p.width, p.height),
                theme.scale,
                false,
                "timeline",
                |area| {
                    for &k in events {
                        if let Some(e) = p.events.get(k) {
                            draw_event(area, data, p, e, 1.0, key.emphasises(e.event), theme)?;
                        }
                    }
                    Ok(())
                },
            );
        };
        if let Some(k) = self
            .recent
            .iter()
            .position(|(r, _)| r.is_some_and(|r| holds(r, b)))
        {
            let region = self.recent[k].0?;
            draw(&s.recent[k], region, &[i]);
            self.recent[k].1.push(i);
            return Some(k);
        }
        // The layer that grows least, empty ones costing their new box.
        let (k, grown, _) = self
            .recent
            .iter()
            .enumerate()
            .filter_map(|(k, (r, _))| {
                let grown = match r {
                    Some(r) => join(*r, b),
                    None => b,
                };
                let grown = (
                    grown.0,
                    grown.1,
                    (grown.2 + RECENT_GROW_PX).min(p.width),
                    grown.3,
                );
                let fits = area(grown) <= RECENT_MAX_AREA && grown.2 - grown.0 <= RECENT_MAX_WIDTH;
                fits.then(|| (k, grown, area(grown) - r.map_or(0.0, area)))
            })
            .min_by(|a, b| a.2.total_cmp(&b.2))?;
        set_region(&s.recent[k], Some(grown), theme.scale);
        self.recent[k].0 = Some(grown);
        self.recent[k].1.push(i);
        draw(&s.recent[k], grown, &self.recent[k].1);
        Some(k)
    }

    /// Hides the recent layers and forgets what they held.
    fn clear_recent(&mut self, s: &Surfaces, scale: f64) {
        for (k, (region, events)) in self.recent.iter_mut().enumerate() {
            if region.take().is_some() {
                set_region(&s.recent[k], None, scale);
            }
            events.clear();
        }
    }

    /// Moves the playhead's line and tab, and sets their colours and sizes when the theme or layout
    /// changes. Everything is in CSS px: layout px times the theme's scale.
    fn show_playhead(
        &mut self,
        s: &Surfaces,
        layout: u64,
        p: &Placement,
        frame: &FrameState,
        theme: &Theme,
    ) {
        let k = theme.scale;
        let mark = playhead_mark(p, frame, theme);
        let set = |el: &HtmlElement, name: &str, value: &str| {
            let _ = HtmlElement::style(el).set_property(name, value);
        };
        // A new layout or theme: everything is set again, whether the playhead is shown or not.
        let fresh = self.playhead_style != Some((*theme, layout));
        if fresh {
            let m = &p.metrics;
            let colour = css_colour(theme.playhead);
            set(&s.line, "background", &colour);
            set(&s.line, "top", &format!("{}px", p.plot.y * k));
            set(&s.line, "height", &format!("{}px", p.plot.h * k));
            set(
                &s.line,
                "width",
                &format!("{}px", f64::from(PLAYHEAD_STROKE_PX) * k),
            );
            set(&s.tab, "background", &colour);
            set(&s.tab, "color", &css_colour(theme.background));
            set(&s.cover, "background", &css_colour(theme.background));
            let (tab_top, tab_h) = playhead_tab_rows(p);
            let tab_h = tab_h * k;
            set(&s.tab, "top", &format!("{}px", tab_top * k));
            set(&s.tab, "height", &format!("{tab_h}px"));
            set(&s.cover, "top", &format!("{}px", tab_top * k));
            set(&s.cover, "height", &format!("{tab_h}px"));
            set(&s.tab, "line-height", &format!("{tab_h}px"));
            set(
                &s.tab,
                "font",
                &format!("bold {}px {}", m.axis_font_px * k, theme.font_family),
            );
            self.playhead_style = Some((*theme, layout));
            self.playhead = None;
        }
        let now = mark;
        if now == self.playhead && !fresh {
            return;
        }
        let before = self.playhead.as_ref();
        match &now {
            Some(m) => {
                let half = f64::from(PLAYHEAD_STROKE_PX) / 2.0;
                if before.map(|b| b.x) != Some(m.x) {
                    set(
                        &s.line,
                        "transform",
                        &format!("translateX({}px)", (m.x - half) * k),
                    );
                }
                if before.map(|b| b.tab_left) != Some(m.tab_left) {
                    set(
                        &s.tab,
                        "transform",
                        &format!("translateX({}px)", m.tab_left * k),
                    );
                }
                if before.map(|b| b.tab_width) != Some(m.tab_width) {
                    set(&s.tab, "width", &format!("{}px", m.tab_width * k));
                }
                if before.map(|b| &b.label) != Some(&m.label) {
                    s.tab.set_text_content(Some(&m.label));
                }
                // The tick labels under the tab hidden whole (see `PlayheadMark::cover`): set only
                // as labels come under the tab and leave it.
                if before.map(|b| b.cover) != Some(m.cover) {
                    match m.cover {
                        Some((from, to)) => {
                            set(
                                &s.cover,
                                "transform",
                                &format!("translateX({}px)", from * k),
                            );
                            set(&s.cover, "width", &format!("{}px", (to - from) * k));
                            set(&s.cover, "display", "block");
                        }
                        None => set(&s.cover, "display", "none"),
                    }
                }
                if before.is_none() {
                    set(&s.line, "display", "block");
                    set(&s.tab, "display", "block");
                }
            }
            None => {
                set(&s.line, "display", "none");
                set(&s.tab, "display", "none");
                set(&s.cover, "display", "none");
            }
        }
        self.playhead = now;
    }
}

/// Where the title of an event the chart cuts or leaves unlabelled is shown, in CSS px, and in what.
#[derive(Debug, Clone, PartialEq)]
struct Callout {
    left: String,
    right: String,
    top: String,
    max_width: String,
    font_size: String,
    colour: String,
    title: String,
}

/// How far from the left the spans' bars are filled at `frame`, layout px: to the playhead's x as its
/// line is drawn, kept to the drawing when it is out of view.
fn reached_px(p: &Placement, frame: &FrameState) -> f64 {
    p.scale
        .x_px_from_day(frame.playhead_day)
        .round()
        .clamp(0.0, p.width)
}

/// Shows or hides a layer.
fn set_display(el: &HtmlElement, shown: bool) {
    let _ = HtmlElement::style(el).set_property("display", if shown { "block" } else { "none" });
}

/// The canvases of `refs`, once every one of them is on the page.
fn mounted<const N: usize>(refs: &[NodeRef<Canvas>; N]) -> Option<[HtmlCanvasElement; N]> {
    refs.iter()
        .filter_map(|r| r.get())
        .collect::<Vec<_>>()
        .try_into()
        .ok()
}

/// A colour as CSS.
fn css_colour(c: plotters::style::RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
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

    // When a gesture last moved the window, ms since the epoch (0: no gesture under way).
    let gesture_at = StoredValue::new(0.0_f64);
    let recheck = RwSignal::new(0u32);
    let waiting = StoredValue::new(false);
    let in_gesture = move || js_sys::Date::now() - gesture_at.get_value() < GESTURE_QUIET_MS;
    // The window the timeline is laid out and drawn for. It follows the view's window at once, except
    // during a zoom or pan by wheel, drag or pinch: then it follows once the gesture pauses for
    // GESTURE_QUIET_MS or the pointer is let go, and until then the picture is moved and stretched to
    // show the view's window (see the preview below). A memo, not a signal kept in step by an effect,
    // so that a new dataset and its window are laid out once, together, not the dataset in the old
    // window first.
    let drawn = Memo::new(move |before: Option<&Window>| {
        let _ = recheck.get();
        let w = state.window.get();
        match before {
            Some(&b) if in_gesture() => b,
            _ => w,
        }
    });
    // During a gesture, and for as long as the window drawn is not the view's, the window is looked
    // at again once the gesture may have paused. Whether it has is read from the clock here, in
    // `drawn` and in the preview, each at its own moment; without the second condition, a look that
    // found the gesture over here, just after `drawn` had found it still going, would arm nothing,
    // and the picture would stay stretched until the next input.
    Effect::new(move |_| {
        let _ = recheck.get();
        let view = state.window.get();
        let lagging = drawn.get() != view;
        let since = js_sys::Date::now() - gesture_at.get_value();
        if since >= GESTURE_QUIET_MS && !lagging && state.gesturing.get_untracked() {
            state.gesturing.set(false);
        }
        if (since < GESTURE_QUIET_MS || lagging) && !waiting.get_value() {
            waiting.set_value(true);
            let wait =
                std::time::Duration::from_millis((GESTURE_QUIET_MS - since).max(0.0) as u64 + 5);
            set_timeout(
                move || {
                    let _ = waiting.try_set_value(false);
                    let _ = recheck.try_update(|n| *n += 1);
                },
                wait,
            );
        }
    });

    let placement = Memo::new(move |_| {
        let (w, h) = layout_size(size.get(), state.chart_theme().scale);
        let window = drawn.get();
        Placed::new(state.data.with(|d| place(d, w, h, window)))
    });

    // Where the compact layout has no room for its lanes' names, the legend gives them.
    Effect::new(move |_| {
        let unnamed = placement.with(|p| p.metrics.narrow && p.lanes.iter().any(|l| !l.named));
        if state.lanes_unnamed.get_untracked() != unnamed {
            state.lanes_unnamed.set(unnamed);
        }
    });
    on_cleanup(move || {
        let _ = state.lanes_unnamed.try_set(false);
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
                            r#"{{"id":"{id}","x":{},"y":{}}}"#,
                            Tenths(e.x_px * k),
                            Tenths(e.y_px * k)
                        ))
                    })
                    .collect();
                format!("[{}]", items.join(","))
            })
        })
    });

    // The title of the event pointed at where the chart draws it cut or not at all, whole, else of the
    // one selected where the chart gives it no label (a dense stretch leaves an event no room for
    // one), as much of it as fits before the next marker or label: in HTML over the layers, beside it
    // (see `Placement::callout_spot`), moved with them by a preview. Not while playing, when the
    // selection follows the playhead and the card names it.
    let callout = Memo::new(move |_| {
        if state.playing.get() {
            return None;
        }
        let hovered = state.hovered.get();
        let target = hovered.or(state.selected.get())?;
        let theme = state.chart_theme();
        let k = theme.scale;
        placement.with(|p| {
            let e = p.find(target).filter(|e| p.in_plot(e.x_px))?;
            let (title, track) = state
                .data
                .with(|d| d.events.get(target).map(|ev| (ev.title.clone(), ev.track)))?;
            // Pointed at, the title is shown where the chart cuts it too; selected, only where the
            // chart gives it no label at all, so that a chosen event does not keep its neighbours'
            // labels covered.
            let whole = e.label.as_deref() == Some(title.as_str());
            if whole || (hovered.is_none() && e.label.is_some()) {
                return None;
            }
            let m = &p.metrics;
            // The element's size, as its style sets it: bold type, padding of half an em at each
            // side and a tenth above and below, a border of 4 px on the left and 1 px elsewhere,
            // at most 28 rem (16 px each, in the chart's px).
            let font = m.label_font_px;
            let w =
                (text::width_px(&title, font) * text::BOLD_WIDER + font + 6.0).min(28.0 * 16.0 / k);
            // Selected, it covers none of its neighbours (cut, or not shown, where they are
            // close); pointed at, it is shown whole.
            let spot = p.callout_spot(e, w, font * 1.5 + 2.0, hovered.is_none())?;
            let px = |v: f64| format!("{v}px");
            // Set through the element's style, one property at a time: the page's Content Security
            // Policy forbids style attributes.
            let (left, right) = if spot.rightwards {
                (px(spot.x0 * k), "auto".to_owned())
            } else {
                ("auto".to_owned(), px((p.width - spot.x1) * k))
            };
            Some(Callout {
                left,
                right,
                top: px(spot.y * k),
                max_width: format!("min(28rem, {}px)", spot.room.max(0.0) * k),
                font_size: px(m.label_font_px * k),
                colour: css_colour(theme.track(track)),
                title,
            })
        })
    });

    // Layers: the scene (`#timeline-canvas`, which takes the focus and keys), the recent and moving
    // layers over it, and the playhead in HTML on top, all in one element that a preview moves; pointer
    // and wheel input is taken on the frame round it. See `Layers::draw`.
    let layers = Rc::new(RefCell::new(Layers::default()));
    let preview_layers = Rc::clone(&layers);
    let live_ref = NodeRef::<Canvas>::new();
    // Bumped after a quiet spell, so that the live layer is handed over as the image again.
    let settle = RwSignal::new(0u32);
    let recent_refs: [NodeRef<Canvas>; RECENT_LAYERS] = std::array::from_fn(|_| NodeRef::new());
    let moving_refs: [NodeRef<Canvas>; MOVING_LAYERS] = std::array::from_fn(|_| NodeRef::new());
    let span_refs: [NodeRef<Canvas>; SPAN_LAYERS] = std::array::from_fn(|_| NodeRef::new());
    let span_clip_ref = NodeRef::<Div>::new();
    let span_unclip_ref = NodeRef::<Div>::new();
    let frame_ref = NodeRef::<Div>::new();
    let pan_ref = NodeRef::<Div>::new();
    let gutter_ref = NodeRef::<Canvas>::new();
    let line_ref = NodeRef::<Div>::new();
    let tab_ref = NodeRef::<Div>::new();
    let cover_ref = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let _ = settle.get();
        let dpr = dpr.get();
        let theme = state.chart_theme();
        let frame = frame(state);
        let (Some(recent), Some(moving), Some(spans)) = (
            mounted(&recent_refs),
            mounted(&moving_refs),
            mounted(&span_refs),
        ) else {
            return;
        };
        let (Some(span_clip), Some(span_unclip)) = (span_clip_ref.get(), span_unclip_ref.get())
        else {
            return;
        };
        let (Some(scene), Some(live), Some(line), Some(tab), Some(cover)) = (
            canvas_ref.get(),
            live_ref.get(),
            line_ref.get(),
            tab_ref.get(),
            cover_ref.get(),
        ) else {
            return;
        };
        let surfaces = Surfaces {
            scene,
            live,
            spans,
            span_clip: span_clip.into(),
            span_unclip: span_unclip.into(),
            recent,
            moving,
            line: line.into(),
            tab: tab.into(),
            cover: cover.into(),
        };
        placement.with(|p| {
            let selected = state.selected.get();
            let live = state.data.with_untracked(|data| {
                let key = SceneKey {
                    data: Arc::as_ptr(data) as usize,
                    layout: p.serial,
                    theme,
                    dpr,
                    selected,
                    hovered: frame.hovered,
                };
                layers.borrow_mut().draw(&surfaces, key, data, p, &frame)
            });
            if live {
                let wait = std::time::Duration::from_millis(LIVE_QUIET_MS as u64 + 10);
                set_timeout(
                    move || settle.try_update(|n| *n += 1).map_or((), |_| ()),
                    wait,
                );
            }
        });
    });

    // The preview while the view's window differs from the one drawn: every layer and the playhead
    // moved and stretched along the time axis by one CSS transform, under a copy of the lane names on
    // the left, which stay where they are.
    let previewing = Cell::new(false);
    // The lane names' copy: shown as an image, like the scene, so that it costs nothing per frame.
    let gutter_sheet = RefCell::new(None::<Sheet>);
    let gutter_at = Cell::new(None::<Bounds>);
    Effect::new(move |_| {
        let _ = recheck.get();
        let view = state.window.get();
        let k = state.chart_theme().scale;
        let (Some(pan), Some(gutter), Some(live)) =
            (pan_ref.get(), gutter_ref.get(), live_ref.get())
        else {
            return;
        };
        placement.with(|p| {
            let (shift, stretch) = p.scale.preview(view);
            let style = HtmlElement::style(&pan);
            // The lane names' copy is hidden and shown by its visibility, which needs no new layout
            // of the page.
            let gutter_style = HtmlElement::style(&gutter);
            // Only a gesture is previewed: any other change of the window (playback following the
            // playhead, a key, a new dataset) is laid out at once, and may be seen here a moment before
            // the layout follows.
            let over = !in_gesture();
            if over || (shift.abs() < 1e-6 && (stretch - 1.0).abs() < 1e-9) {
                let _ = style.remove_property("transform");
                // The copy stays while the gesture goes on (a zoom back to where it started, which
                // would otherwise copy it again at the next step), and goes when it is over.
                if over && previewing.replace(false) {
                    let _ = gutter_style.set_property("visibility", "hidden");
                }
                return;
            }
            let _ = style.set_property("transform-origin", &format!("{}px 0", p.scale.x0 * k));
            let _ = style.set_property(
                "transform",
                &format!("translateX({}px) scaleX({})", shift * k, stretch),
            );
            if !previewing.replace(true) {
                let region = (0.0, 0.0, p.scale.x0, p.height);
                if gutter_at.get() != Some(region) {
                    set_region(&gutter, Some(region), k);
                    gutter_at.set(Some(region));
                }
                let mut sheet = gutter_sheet.borrow_mut();
                if sheet.is_none() {
                    *sheet = Sheet::new(gutter.clone(), FirstImage::Copied);
                }
                if let (Some(sheet), Some(from)) =
                    (sheet.as_ref(), preview_layers.borrow().scene_pixels(&live))
                {
                    copy_region(&from, &sheet.paper, region, k);
                    sheet.show();
                    let _ = gutter_style.set_property("visibility", "visible");
                }
            }
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
    // Positions are taken from the frame, which the preview does not move, and turned into days with
    // the view's scale; hits are looked up in the layout drawn.
    let pos = move |ev: &web_sys::MouseEvent| {
        frame_ref.get_untracked().map_or((0.0, 0.0), |f| {
            frame_xy(ev, &f, state.chart_theme_untracked().scale)
        })
    };
    let view_scale = move || {
        placement.with_untracked(|p| state.window.get_untracked().scale(p.scale.x0, p.scale.x1))
    };
    let hit = move |x: f64, y: f64, slop: f64| {
        let day = view_scale().day_from_x_px(x);
        placement.with_untracked(|p| p.hit(p.scale.x_px_from_day(day), y, slop))
    };
    let moved = move || {
        gesture_at.set_value(js_sys::Date::now());
        if !state.gesturing.get_untracked() {
            state.gesturing.set(true);
        }
    };
    // A timeline taken away in the middle of a gesture (another view chosen) leaves none under way.
    on_cleanup(move || {
        let _ = state.gesturing.try_set(false);
    });

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
            let hit = hit(x, y, slop(&ev));
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
                let anchor = view_scale().day_from_x_px(mid_x);
                moved();
                state
                    .window
                    .update(|w| *w = w.zoom(distance / before, anchor, bounds));
            }
            g.pinch_distance = Some(distance);
        } else if g.travelled > DRAG_THRESHOLD_PX {
            let days = (x - px0) / view_scale().px_per_day();
            moved();
            state.window.update(|w| *w = w.pan(-days, bounds));
        }
    };

    // A drag or pinch let go: the timeline is drawn for where it ended, without waiting.
    let released = move || {
        if gesture_at.get_value() > 0.0 {
            gesture_at.set_value(0.0);
            recheck.update(|n| *n += 1);
        }
    };
    let g = Rc::clone(&gesture);
    let on_pointer_up = move |ev: PointerEvent| {
        let (x, y) = pos(&ev);
        let mut g = g.borrow_mut();
        let was_click = g.pointers.len() == 1 && g.travelled <= DRAG_THRESHOLD_PX;
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pinch_distance = None;
        let done = g.pointers.is_empty();
        drop(g);
        if was_click {
            match hit(x, y, slop(&ev)) {
                Some(event) => state.go_to(event),
                None => state.selected.set(None),
            }
        } else if done {
            released();
        }
    };
    let g = Rc::clone(&gesture);
    let on_pointer_cancel = move |ev: PointerEvent| {
        let mut g = g.borrow_mut();
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pinch_distance = None;
        let done = g.pointers.is_empty();
        drop(g);
        if done {
            released();
        }
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
        let view = view_scale();
        moved();
        if ev.shift_key() || dx.abs() > dy.abs() {
            let pan = if dx.abs() > dy.abs() { dx } else { dy };
            let days = pan / view.px_per_day();
            state.window.update(|w| *w = w.pan(days, bounds));
        } else {
            let anchor = view.day_from_x_px(pos(&ev).0);
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
                events = events_in(d.events.len(), d.locale),
                lanes = lanes_in(d.tracks.len(), d.locale)
            )
        })
    };

    view! {
        // Input is taken on the frame, so that it is still taken where a preview has moved the
        // canvas away.
        <div
            class="canvas-frame layered"
            node_ref=frame_ref
            on:pointerdown=on_pointer_down
            on:pointermove=on_pointer_move
            on:pointerup=on_pointer_up
            on:pointercancel=on_pointer_cancel
            on:pointerleave=move |_| state.hovered.set(None)
            on:wheel=on_wheel
        >
            <div class="timeline-pan" node_ref=pan_ref>
                <canvas
                    id="timeline-canvas"
                    node_ref=canvas_ref
                    tabindex="0"
                    role="img"
                    aria-label=label
                    data-hit-targets=move || hit_targets.get()
                    class:hovering=move || state.hovered.get().is_some()
                    on:keydown=on_key
                ></canvas>
                <canvas class="timeline-layer live" node_ref=live_ref aria-hidden="true"></canvas>
                <div class="span-clip" node_ref=span_clip_ref aria-hidden="true">
                    <div node_ref=span_unclip_ref>
                        {span_refs
                            .into_iter()
                            .map(|r| view! { <canvas class="timeline-layer" node_ref=r></canvas> })
                            .collect_view()}
                    </div>
                </div>
                {recent_refs
                    .into_iter()
                    .map(|r| view! { <canvas class="timeline-layer" node_ref=r aria-hidden="true"></canvas> })
                    .collect_view()}
                {moving_refs
                    .into_iter()
                    .map(|r| view! { <canvas class="timeline-layer moving" node_ref=r aria-hidden="true"></canvas> })
                    .collect_view()}
                {move || callout.get().map(|c| view! {
                    <div class="event-callout" aria-hidden="true" style:left=c.left style:right=c.right
                        style:top=c.top style:max-width=c.max_width style:font-size=c.font_size style:border-left-color=c.colour>
                        {c.title}
                    </div>
                })}
                <div class="playhead-line" node_ref=line_ref aria-hidden="true"></div>
                <div class="playhead-cover" node_ref=cover_ref aria-hidden="true"></div>
                <div class="playhead-tab" node_ref=tab_ref aria-hidden="true"></div>
            </div>
            <canvas class="timeline-layer gutter" node_ref=gutter_ref aria-hidden="true"></canvas>
        </div>
    }
}
