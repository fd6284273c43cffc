//! The story: its controls, the caption the audience sees, and the presenter window.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::event_card::source_list;
use crate::hooks::use_keyboard::{focus_quietly, hold_space_release, presses_a_button};
use crate::hooks::use_story::{blank_main_window, use_presenter_link, PresenterOpener};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::keys::{action_for, Action};

/// Start or leave the story, and where in it we are.
#[component]
pub fn StoryControls() -> impl IntoView {
    let app = expect_context::<AppState>();
    let i18n = use_i18n();
    let count = move || {
        app.data
            .with(|d| d.story.as_ref().map_or(0, |s| s.steps.len()))
    };
    // Told or not: the controls are made again only when that changes, not at every step, so that
    // what has the focus keeps it from step to step.
    let telling = Memo::new(move |_| app.step.get().is_some());
    view! {
        <Show when=move || { count() > 0 }>
            {move || if telling.get() {
                view! {
                    // Where the focus goes when the story is begun from its button (which the story
                    // replaces): the next Tab reaches Exit story, and Space or Page Down still walk
                    // the steps (a focused button would take Space as its own).
                    <span id="story-position" class="story-position" tabindex="-1">{move || {
                        let i = app.step.get().unwrap_or(0);
                        td_string!(i18n.get_locale(), story.position, step = i + 1, count = count())
                    }}</span>
                    <button type="button" id="story-exit" title=move || t_string!(i18n, story.exit_title)
                        on:click=move |ev| {
                            let focus = had_focus(&ev);
                            app.step.set(None);
                            if focus {
                                focus_later("story-start");
                            }
                        }>{t!(i18n, story.exit)}</button>
                }.into_any()
            } else {
                view! {
                    <button type="button" id="story-start" title=move || t_string!(i18n, story.start_title)
                        on:click=move |ev| {
                            let focus = had_focus(&ev);
                            app.step.set(Some(0));
                            if focus {
                                focus_later("story-position");
                            }
                        }>{t!(i18n, story.story)}</button>
                }.into_any()
            }}
        </Show>
    }
}

/// Whether the button clicked has the focus (a key pressed it, or a click that focuses it).
fn had_focus(ev: &web_sys::MouseEvent) -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    match (
        ev.current_target(),
        document.and_then(|d| d.active_element()),
    ) {
        (Some(target), Some(active)) => js_sys::Object::is(&target, &active),
        _ => false,
    }
}

/// Focuses the element with `id` once the page has made it (after the next frame's rendering),
/// without scrolling to it.
fn focus_later(id: &'static str) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            focus_quietly(&element);
        }
    });
}

/// The caption of the current step, with its sources, across the top of every view.
#[component]
pub fn StoryCaption() -> impl IntoView {
    let app = expect_context::<AppState>();
    // The chart makes room for the caption while a story is told.
    Effect::new(move |_| {
        let on = app.step.get().is_some();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let list = root.class_list();
            let _ = if on {
                list.add_1("story")
            } else {
                list.remove_1("story")
            };
        }
    });
    move || {
        let i = app.step.get()?;
        app.data.with(|d| {
            let story = d.story.as_ref()?;
            let step = story.steps.get(i)?;
            Some(view! {
                <section id="story-caption" class="story-caption" aria-label=td_string!(d.locale, story.step)>
                    <p class="story-step-caption">
                        <strong>{format!("{} / {} · ", i + 1, story.steps.len())}</strong>
                        {step.caption.clone()}
                    </p>
                    <details><summary>{td_string!(d.locale, card.sources)}</summary>{source_list(d, &step.sources)}</details>
                </section>
            })
        })
    }
}

/// The presenter window (`?presenter=1`): the step the main window shows, its speaker notes, the next
/// step, a clock, and buttons that move the main window.
#[component]
pub fn PresenterView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let (link, go) = use_presenter_link();
    let i18n = use_i18n();
    // The clock counts from when the window opened, or from its Reset (pressed just before the talk).
    let started = RwSignal::new(js_sys::Date::now());
    let now = RwSignal::new(started.get_untracked());
    let tick = set_interval_with_handle(
        move || now.set(js_sys::Date::now()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    let clock = move || {
        let s = ((now.get() - started.get()) / 1000.0).max(0.0) as u64;
        format!("{:02}:{:02}", s / 60, s % 60)
    };
    let reset_clock = move |_| {
        let t = js_sys::Date::now();
        started.set(t);
        now.set(t);
    };
    // The step the story was left at in the main window (to answer a question, say): the clicker's
    // next or previous key here takes it up again there, not at its first step.
    let left_at = RwSignal::new(None::<usize>);
    Effect::new(move |was: Option<Option<usize>>| {
        let step = link.step.get();
        if let (Some(Some(i)), None) = (was, step) {
            left_at.set(Some(i));
        }
        step
    });
    let count = move || {
        app.data
            .with(|d| d.story.as_ref().map_or(0, |s| s.steps.len()))
    };
    // The clicker works here too (this window has the focus once it is dragged to the laptop's
    // screen): next, previous, first and last move the main window's story, and its blank key (B or
    // ".") blanks the main window.
    hold_space_release();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || presses_a_button(&ev) {
            return;
        }
        let (n, at) = (count(), link.step.get_untracked());
        let action = action_for(&ev.key(), ev.shift_key());
        // The clicker's blank key blanks the audience's screen, not this one.
        if action == Some(Action::Blank) {
            ev.prevent_default();
            blank_main_window();
            return;
        }
        let resume = left_at.get_untracked().unwrap_or(0);
        let to = match action {
            Some(Action::Next) => at.map_or(resume, |i| i + 1),
            Some(Action::Previous) => at.map_or(resume, |i| i.saturating_sub(1)),
            Some(Action::First) => 0,
            Some(Action::Last) => n.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        if n > 0 {
            go(to.min(n - 1));
        }
    });
    on_cleanup(move || keys.remove());
    let step_text = move |i: usize, what: fn(&crate::model::Step) -> Option<String>| {
        app.data
            .with(|d| d.story.as_ref().and_then(|s| s.steps.get(i)).and_then(what))
            .unwrap_or_default()
    };
    view! {
        <main class="presenter" id="presenter">
            <header>
                <h1>{t!(i18n, story.presenter)}</h1>
                <span class="clock-box">
                    <span class="clock" role="timer" aria-label=move || t_string!(i18n, story.clock)>{clock}</span>
                    <button type="button" id="presenter-clock-reset" title=move || t_string!(i18n, story.clock_reset_title) on:click=reset_clock>{t!(i18n, story.clock_reset)}</button>
                </span>
            </header>
            {move || match (link.step.get(), left_at.get()) {
                (None, None) => view! {
                    <p>{t!(i18n, story.not_telling)}</p>
                    <div class="presenter-buttons">
                        <button type="button" id="presenter-start" on:click=move |_| go(0)>{t!(i18n, story.start)}</button>
                    </div>
                }.into_any(),
                (None, Some(left)) => view! {
                    <p>{move || td_string!(i18n.get_locale(), story.left_at, step = left + 1, count = count())}</p>
                    <div class="presenter-buttons">
                        <button type="button" id="presenter-resume" on:click=move |_| go(left)>
                            {move || td_string!(i18n.get_locale(), story.resume, step = left + 1)}
                        </button>
                        <button type="button" id="presenter-start" on:click=move |_| go(0)>{t!(i18n, story.start_over)}</button>
                    </div>
                }.into_any(),
                (Some(i), _) => view! {
                    <p class="presenter-position">{move || td_string!(i18n.get_locale(), story.position_of, step = i + 1, count = count())}</p>
                    <h2>{t!(i18n, story.now)}</h2>
                    <p class="presenter-caption">{step_text(i, |s| Some(s.caption.clone()))}</p>
                    <h2>{t!(i18n, story.notes)}</h2>
                    <p id="presenter-notes" class="presenter-notes">{step_text(i, |s| s.notes.clone())}</p>
                    <h2>{t!(i18n, story.next)}</h2>
                    <p class="presenter-next">{move || if i + 1 < count() { step_text(i + 1, |s| Some(s.caption.clone())) } else { t_string!(i18n, story.end).to_owned() }}</p>
                    <div class="presenter-buttons">
                        <button type="button" id="presenter-previous" disabled=move || { i == 0 } on:click=move |_| go(i.saturating_sub(1))>{t!(i18n, story.previous)}</button>
                        <button type="button" id="presenter-next" disabled=move || { i + 1 >= count() } on:click=move |_| go(i + 1)>{t!(i18n, story.next)}</button>
                    </div>
                }.into_any(),
            }}
        </main>
    }
}

/// Opens the presenter window (for the Menu).
pub fn presenter_button() -> impl IntoView {
    let i18n = use_i18n();
    let presenter = PresenterOpener::from_context();
    view! { <button type="button" id="open-presenter" on:click=move |_| presenter.open()>{t!(i18n, story.open_presenter)}</button> }
}
