//! Playback controls: previous / play-pause / next, the scrubber, speed, loop and zoom reset.

use leptos::prelude::*;

use crate::app::{AppState, View};
use crate::components::story::StoryControls;
use crate::hooks::held_memo;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::layout::anim::SPEEDS;
use crate::model::date::Day;

/// The playhead's day.
pub fn playhead_date(t_days: f64) -> crate::model::PartialDate {
    let (y, m, d) = Day(t_days.floor() as i32).ymd();
    crate::model::PartialDate {
        year: y,
        month: Some(m),
        day: Some(d),
    }
}

/// The playhead's date as shown beside the scrubber ("8 Dec 1999", "8 дек. 1999"): a readout, short
/// enough to share the scrubber's row, so without the year's mark the cards carry.
pub fn playhead_label(t_days: f64, locale: Locale) -> String {
    playhead_date(t_days).local_plain(locale)
}

/// While the timeline plays, the scrubber and the date beside it follow the playhead at most this often,
/// ms, as a video player's controls do. At every frame (the date changes by days at each one) they
/// would be laid out and painted again each time, and the compositor would redraw the whole box from
/// them to the playhead, which it redraws anyway, since it redraws one box round all that changed.
const CONTROLS_REFRESH_MS: f64 = 100.0;

/// The playhead's day as the scrubber and the date beside it show it: the playhead itself, except that
/// while playing it moves on only every [`CONTROLS_REFRESH_MS`]. Pausing shows where it stopped.
fn shown_playhead(state: AppState) -> Memo<f64> {
    held_memo(
        move || state.playhead.get(),
        move || state.playing.get(),
        CONTROLS_REFRESH_MS,
    )
}

/// Icon outlines on a 16 x 16 grid, drawn inline so no icon font or file is needed.
const PLAY: &str = "M4 2.5v11l9-5.5z";
const PAUSE: &str = "M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z";
const PREVIOUS: &str = "M2.5 2.5h2v11h-2zM14 2.5v11l-8.5-5.5z";
const NEXT: &str = "M11.5 2.5h2v11h-2zM2 2.5v11l8.5-5.5z";
const FULLSCREEN: &str =
    "M1.5 1.5h5v2h-3v3h-2zM9.5 1.5h5v5h-2v-3h-3zM1.5 9.5h2v3h3v2h-5zM12.5 9.5h2v5h-5v-2h3z";
const LEAVE_FULLSCREEN: &str =
    "M4.5 1.5h2v5h-5v-2h3zM9.5 1.5h2v3h3v2h-5zM1.5 9.5h5v5h-2v-3h-3zM9.5 9.5h5v2h-3v3h-2z";

/// A small inline SVG icon, hidden from screen readers (its button carries the label).
#[component]
fn Icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor"/>
        </svg>
    }
}

/// What next and previous step through.
#[derive(Clone, Copy)]
enum Stepping {
    Steps,
    Events,
    Dates,
}

/// The row of playback controls under the timeline.
#[component]
pub fn Controls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let bounds = move || state.bounds();
    let shown = shown_playhead(state);
    let on_scrub = move |ev: leptos::ev::Event| {
        if let Ok(t) = event_target_value(&ev).parse::<f64>() {
            state.scrub_to(t);
        }
    };
    let on_speed = move |ev: leptos::ev::Event| {
        if let Ok(s) = event_target_value(&ev).parse::<f64>() {
            if SPEEDS.contains(&s) {
                state.speed.set(s);
            }
        }
    };
    // What the buttons beside Play step through: a story's steps, the timeline's events, or, in the
    // other views, the dates on which something happened (see `AppState::step_next`).
    let stepping = move || match (state.step.get().is_some(), state.view.get()) {
        (true, _) => Stepping::Steps,
        (false, View::Timeline) => Stepping::Events,
        (false, _) => Stepping::Dates,
    };
    let previous = move |title: bool| match (stepping(), title) {
        (Stepping::Steps, false) => t_string!(i18n, controls.previous_step),
        (Stepping::Steps, true) => t_string!(i18n, controls.previous_step_title),
        (Stepping::Events, false) => t_string!(i18n, controls.previous),
        (Stepping::Events, true) => t_string!(i18n, controls.previous_title),
        (Stepping::Dates, false) => t_string!(i18n, controls.previous_date),
        (Stepping::Dates, true) => t_string!(i18n, controls.previous_date_title),
    };
    let next = move |title: bool| match (stepping(), title) {
        (Stepping::Steps, false) => t_string!(i18n, controls.next_step),
        (Stepping::Steps, true) => t_string!(i18n, controls.next_step_title),
        (Stepping::Events, false) => t_string!(i18n, controls.next),
        (Stepping::Events, true) => t_string!(i18n, controls.next_title),
        (Stepping::Dates, false) => t_string!(i18n, controls.next_date),
        (Stepping::Dates, true) => t_string!(i18n, controls.next_date_title),
    };
    view! {
        <div class="controls" role="toolbar" aria-label=move || t_string!(i18n, controls.playback)>
            <button id="step-previous" type="button" title=move || previous(true) aria-label=move || previous(false)
                on:click=move |_| state.step_previous()><Icon path=PREVIOUS/></button>
            <button id="play" type="button" class="primary"
                aria-pressed=move || state.playing.get().to_string()
                title=move || t_string!(i18n, controls.play_title)
                on:click=move |_| state.toggle_play()>
                {move || if state.playing.get() {
                    view! { <Icon path=PAUSE/>" "{t!(i18n, controls.pause)} }.into_any()
                } else {
                    view! { <Icon path=PLAY/>" "{t!(i18n, controls.play)} }.into_any()
                }}
            </button>
            <button id="step-next" type="button" title=move || next(true) aria-label=move || next(false)
                on:click=move |_| state.step_next()><Icon path=NEXT/></button>
            <input id="scrub" type="range" step="1" aria-label=move || t_string!(i18n, controls.time)
                min=move || bounds().t0.floor().to_string()
                max=move || state.last_day().ceil().to_string()
                prop:value=move || shown.get().round().to_string()
                aria-valuetext=move || playhead_label(shown.get(), i18n.get_locale())
                on:input=on_scrub/>
            <output id="playhead-date" aria-live="off">{move || playhead_label(shown.get(), i18n.get_locale())}</output>
            <select id="speed" aria-label=move || t_string!(i18n, controls.speed) title=move || t_string!(i18n, controls.speed_title) on:change=on_speed>
                {SPEEDS.iter().map(|&s| view! {
                    <option value=s.to_string() selected=move || state.speed.get() == s>{format!("{s}×")}</option>
                }).collect_view()}
            </select>
            <label class="loop">
                <input id="loop" type="checkbox"
                    prop:checked=move || state.looping.get()
                    on:change=move |ev| state.looping.set(event_target_checked(&ev))/>
                " "{t!(i18n, controls.loop_label)}
            </label>
            <StoryControls/>
            <Show when=move || state.view.get() == View::Timeline>
                <button id="zoom-reset" type="button" title=move || t_string!(i18n, controls.show_all_title)
                    on:click=move |_| state.window.set(state.bounds())>{t!(i18n, controls.show_all)}</button>
            </Show>
            // Shown only embedded, where the header (and its own) is hidden.
            <FullscreenButton/>
            // Embedded, the page's side column is hidden; this shows the view's legend above the chart.
            <Show when=move || state.embed.get()>
                <button id="key-toggle" type="button" title=move || t_string!(i18n, controls.key_title)
                    aria-pressed=move || state.key.get().to_string()
                    on:click=move |_| state.key.update(|k| *k = !*k)>{t!(i18n, controls.key)}</button>
            </Show>
        </div>
    }
}

/// Fullscreen and back (as F does), where the page may have it: not in a frame that does not allow it.
/// One is in the header, one with the playback controls; the style sheet shows the header's, or,
/// embedded, the other.
#[component]
pub fn FullscreenButton() -> impl IntoView {
    let i18n = use_i18n();
    let document = web_sys::window().and_then(|w| w.document());
    let allowed = document.as_ref().is_some_and(|d| d.fullscreen_enabled());
    let full = RwSignal::new(document.is_some_and(|d| d.fullscreen_element().is_some()));
    let changed = window_event_listener_untyped("fullscreenchange", move |_| {
        let now = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.fullscreen_element().is_some());
        full.set(now);
    });
    on_cleanup(move || changed.remove());
    allowed.then(|| {
        view! {
            <button type="button" class="fullscreen"
                aria-pressed=move || full.get().to_string()
                aria-label=move || t_string!(i18n, controls.fullscreen)
                title=move || t_string!(i18n, controls.fullscreen_title)
                on:click=move |_| {
                    crate::hooks::use_keyboard::toggle_fullscreen();
                }>
                {move || if full.get() { view! { <Icon path=LEAVE_FULLSCREEN/> } } else { view! { <Icon path=FULLSCREEN/> } }}
            </button>
        }
    })
}
