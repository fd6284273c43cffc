//! Lists rendered after the first frame, when the browser is idle (between animation frames), so that a
//! dataset shows its first frame before its text lists are made (they would cost it their elements and
//! their layout: the bundled dataset's events list alone has most of the page's elements), and playing
//! is not held up while they fill in. A short list is made in one step; a long one a chunk at a time,
//! and while the page is busy (the timeline playing, or being zoomed or panned), one chunk a second. A
//! list only paper shows is not rendered at all until the page is about to be printed.

use std::ops::Range;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The longest list made in one step ([`Fill::WhenIdle`]); a longer one is made a [`CHUNK`] at a time.
pub const AT_ONCE: usize = 200;
/// Items added by each step of a longer list.
pub const CHUNK: usize = 100;
/// Wait before the first step, so that the charts draw first.
const FIRST_DELAY: Duration = Duration::from_millis(150);
/// Wait between steps while the page is busy: each step costs the frame it falls in a millisecond or
/// more (making a hundred items and laying the list out), and between the frames of an animation the
/// browser is idle at every frame, so that a list of thousands would otherwise be made in the frames
/// of the first seconds of playing (ten thousand items in under three seconds), most of them dearer.
const BUSY_STEP: Duration = Duration::from_secs(1);

/// One chunk of a list: the generation of the list it belongs to (new whenever the items do) and the
/// indices of its items.
pub type Chunk = (u64, Range<usize>);

/// When a list's items are rendered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    /// Empty until [`FIRST_DELAY`] has passed and the browser is idle; then a list of up to
    /// [`AT_ONCE`] items in one step, a longer one a chunk at a time whenever the browser is idle, and
    /// no more than a chunk every [`BUSY_STEP`] while `busy` holds.
    WhenIdle {
        /// Whether the page is busy with something that should not wait on the list.
        busy: Option<Signal<bool>>,
    },
    /// Nothing until the page is about to be printed, then all at once (a list only paper shows: on
    /// screen it would only cost the start-up its elements, a thousand for the bundled dataset).
    ForPrint,
}

/// The chunks of a list ready to render. `len` gives the number of items and is tracked: whenever what
/// it reads changes (a new dataset, another language), the list starts over with a new generation, so
/// a keyed `<For>` over the chunks renders every item afresh.
pub fn use_chunks(
    len: impl Fn() -> usize + Send + Sync + 'static,
    fill: Fill,
) -> ReadSignal<Vec<Chunk>> {
    let chunks = RwSignal::new(Vec::new());
    let generation = StoredValue::new(0u64);
    let total = StoredValue::new(0usize);
    Effect::new(move |_| {
        let n = len();
        total.set_value(n);
        let now = generation.get_value().wrapping_add(1);
        generation.set_value(now);
        chunks.set(if fill == Fill::ForPrint && printing() && n > 0 {
            vec![(now, 0..n)]
        } else {
            Vec::new()
        });
        if let Fill::WhenIdle { busy } = fill {
            grow(chunks, generation, now, 0, n, FIRST_DELAY, busy);
        }
    });
    if fill == Fill::ForPrint {
        // Everything, at once: before the print dialog lays the page out, or when print styles apply
        // (which is also how automated tests ask for the printed form).
        let complete = move || {
            let n = total.get_value();
            let now = generation.get_value();
            let _ = chunks.try_update(|c| {
                let done = c.last().map_or(0, |(_, r)| r.end);
                if done < n {
                    c.push((now, done..n));
                }
            });
        };
        let before = window_event_listener(leptos::ev::beforeprint, move |_| complete());
        let media = web_sys::window().and_then(|w| w.match_media("print").ok().flatten());
        let listener = Closure::<dyn Fn()>::new(complete);
        if let Some(m) = &media {
            let _ = m.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        }
        let kept = send_wrapper::SendWrapper::new((media, listener));
        on_cleanup(move || {
            before.remove();
            let (media, listener) = kept.take();
            if let Some(m) = media {
                let _ = m.remove_event_listener_with_callback(
                    "change",
                    listener.as_ref().unchecked_ref(),
                );
            }
        });
    }
    chunks.read_only()
}

/// Whether print styles apply now (a list made while the page is being printed is made whole).
fn printing() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("print").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Adds the chunk starting at `from` (the rest of a list of up to [`AT_ONCE`] items, otherwise
/// [`CHUNK`] items) once `delay` has passed and the browser is idle, and schedules the next (at once,
/// or after [`BUSY_STEP`] while `busy` holds), unless the list has started over (or been dropped)
/// meanwhile.
fn grow(
    chunks: RwSignal<Vec<Chunk>>,
    generation: StoredValue<u64>,
    now: u64,
    from: usize,
    total: usize,
    delay: Duration,
    busy: Option<Signal<bool>>,
) {
    if from >= total {
        return;
    }
    let add = move || {
        if generation.try_get_value() != Some(now) {
            return;
        }
        let step = if total <= AT_ONCE { total } else { CHUNK };
        let to = (from + step).min(total);
        if chunks.try_update(|c| c.push((now, from..to))).is_some() {
            let wait = if busy.is_some_and(|b| b.try_get_untracked() == Some(true)) {
                BUSY_STEP
            } else {
                Duration::ZERO
            };
            grow(chunks, generation, now, to, total, wait, busy);
        }
    };
    set_timeout(move || when_idle(add), delay);
}

/// Runs `f` when the browser is next idle (at once where it cannot say).
fn when_idle(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let queued = web_sys::window()
        .and_then(|w| w.request_idle_callback(callback.unchecked_ref()).ok())
        .is_some();
    if !queued {
        if let Ok(f) = callback.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}
