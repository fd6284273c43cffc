//! The application root: start-up, shared state, and the page's layout.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::controls::Controls;
use crate::components::event_card::EventCard;
use crate::components::timeline_canvas::TimelineCanvas;
use crate::hooks::use_keyboard::use_keyboard;
use crate::hooks::use_playback::use_playback;
use crate::layout::anim::{next_anchor, previous_anchor, DAYS_PER_SECOND};
use crate::layout::scale::Window;
use crate::model::{self, Dataset};

/// Installs the panic hook and mounts [`App`] on the page.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crate::components::fatal::show(&info.to_string());
    }));
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The timeline's shared state, created once at the root and provided through context.
#[derive(Debug, Clone, Copy)]
pub struct TimelineState {
    /// The dataset every view draws.
    pub data: RwSignal<Arc<Dataset>>,
    /// Playhead, days since 1970-01-01.
    pub playhead: RwSignal<f64>,
    /// Whether playback runs.
    pub playing: RwSignal<bool>,
    /// Speed multiplier (1.0 = one year per second).
    pub speed: RwSignal<f64>,
    /// Whether playback starts over at the end.
    pub looping: RwSignal<bool>,
    /// The event the user picked (click, step, keyboard), if any.
    pub selected: RwSignal<Option<usize>>,
    /// The event under the pointer, if any.
    pub hovered: RwSignal<Option<usize>>,
    /// The visible window of time.
    pub window: RwSignal<Window>,
    /// Whether the introduction shows in the card (until the user first plays, steps, scrubs or picks).
    pub intro: RwSignal<bool>,
}

impl TimelineState {
    /// State for a dataset: the whole span in view, every event shown (the playhead at the end), paused,
    /// with the introduction in the card. Play starts from the beginning.
    pub fn new(data: Arc<Dataset>) -> TimelineState {
        let bounds = bounds_of(&data);
        TimelineState {
            intro: RwSignal::new(true),
            playhead: RwSignal::new(bounds.t1),
            data: RwSignal::new(data),
            playing: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            looping: RwSignal::new(false),
            selected: RwSignal::new(None),
            hovered: RwSignal::new(None),
            window: RwSignal::new(bounds),
        }
    }

    /// The widest window the user may see: the data's span with a little margin.
    pub fn bounds(&self) -> Window {
        self.data.with(|d| bounds_of(d))
    }

    /// Anchor days of all events, ascending.
    pub fn anchors(&self) -> Vec<f64> {
        self.data
            .with(|d| d.events.iter().map(|e| e.date.anchor().as_f64()).collect())
    }

    /// The event the card shows: the selection, or else the last event the playhead has passed; none
    /// while the introduction shows.
    pub fn current(&self) -> Option<usize> {
        if self.intro.get() {
            return None;
        }
        self.selected.get().or_else(|| {
            let t = self.playhead.get();
            self.data
                .with(|d| d.events.iter().rposition(|e| e.date.anchor().as_f64() <= t))
        })
    }

    /// Selects an event and moves the playhead to it, pausing playback and bringing it into view.
    pub fn go_to(&self, event: usize) {
        let Some(day) = self
            .data
            .with_untracked(|d| d.events.get(event).map(|e| e.date.anchor().as_f64()))
        else {
            return;
        };
        self.intro.set(false);
        self.playing.set(false);
        self.selected.set(Some(event));
        // A little past the anchor, so the event has fully appeared.
        self.playhead.set(day);
        let bounds = self.bounds();
        self.window.update(|w| *w = w.follow(day, 0.15, bounds));
    }

    /// Steps to the next event after the playhead.
    pub fn step_next(&self) {
        let t = self
            .selected_day()
            .unwrap_or_else(|| self.playhead.get_untracked());
        if let Some(i) = next_anchor(&self.anchors(), t) {
            self.go_to(i);
        }
    }

    /// Steps to the previous event before the playhead.
    pub fn step_previous(&self) {
        let t = self
            .selected_day()
            .unwrap_or_else(|| self.playhead.get_untracked());
        if let Some(i) = previous_anchor(&self.anchors(), t) {
            self.go_to(i);
        }
    }

    fn selected_day(&self) -> Option<f64> {
        let sel = self.selected.get_untracked()?;
        self.data
            .with_untracked(|d| d.events.get(sel).map(|e| e.date.anchor().as_f64()))
    }

    /// Starts or pauses playback; starting at the end starts over.
    pub fn toggle_play(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
            return;
        }
        let b = self.bounds();
        if self.playhead.get_untracked() >= b.t1 - 1.0 {
            self.playhead.set(b.t0);
        }
        self.intro.set(false);
        self.selected.set(None);
        self.playing.set(true);
    }

    /// Moves the playhead to `t` (scrubbing): pauses, clears the selection, keeps `t` in view.
    pub fn scrub_to(&self, t: f64) {
        let b = self.bounds();
        let t = t.clamp(b.t0, b.t1);
        self.intro.set(false);
        self.playing.set(false);
        self.selected.set(None);
        self.playhead.set(t);
        self.window.update(|w| *w = w.follow(t, 0.05, b));
    }

    /// Days an event takes to appear at the current speed.
    pub fn appear_days(&self) -> f64 {
        crate::layout::anim::APPEAR_SECONDS * self.speed.get() * DAYS_PER_SECOND
    }
}

/// Padding added on both sides of the data's span, in days.
const SPAN_PAD_DAYS: f64 = 120.0;

fn bounds_of(data: &Dataset) -> Window {
    let (first, last) = data.span();
    Window {
        t0: first.as_f64() - SPAN_PAD_DAYS,
        t1: last.as_f64() + SPAN_PAD_DAYS,
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    match model::bundled() {
        Ok(data) => view! { <Loaded data=Arc::new(data.clone())/> }.into_any(),
        Err(error) => view! {
            <main class="error-panel" role="alert">
                <h1>"The bundled dataset could not be read"</h1>
                <ul>{error.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </main>
        }
        .into_any(),
    }
}

/// The page once a dataset is loaded.
#[component]
fn Loaded(data: Arc<Dataset>) -> impl IntoView {
    let title = data.title.clone();
    let state = TimelineState::new(data);
    provide_context(state);
    use_playback(state);
    use_keyboard(state);
    view! {
        <header class="page-header">
            <h1>{title}</h1>
        </header>
        <main class="timeline-view">
            <section class="chart-column" aria-label="Timeline">
                <TimelineCanvas/>
                <Controls/>
            </section>
            <EventCard/>
        </main>
    }
}
