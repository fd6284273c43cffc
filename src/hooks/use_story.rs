//! Telling the story: applying a step (view, selection, time, window) with an animated transition, and
//! keeping the presenter window in step through a `BroadcastChannel`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{switch_view, AppState, View};
use crate::components::data_loader::{Notice, NoticeState};
use crate::hooks::now_ms;
use crate::hooks::use_url::States;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::layout::anim::ease_in_out_cubic;
use crate::layout::scale::Window;
use crate::model::StepView;
use crate::params::LinkState;

/// The channel the main window and the presenter window talk on.
pub const CHANNEL: &str = "union-state-presenter";
/// How long a transition between steps takes, ms.
const TRANSITION_MS: f64 = 900.0;

fn app_view(v: StepView) -> View {
    match v {
        StepView::Timeline => View::Timeline,
        StepView::Mapping => View::Mapping,
        StepView::Membership => View::Membership,
        StepView::Depth => View::Depth,
    }
}

/// Moves the playhead and the window to a step's, eased over [`TRANSITION_MS`] (at once with reduced
/// motion). A newer transition cancels an older one; so do playing and a link shown (back or forward).
fn animate(app: AppState, to_t: f64, to_w: Window, generation: Arc<AtomicU64>) {
    let mine = generation.fetch_add(1, Ordering::Relaxed) + 1;
    if app.reduced_motion.get_untracked() {
        app.heading_to.set_value(None);
        app.playhead.set(to_t);
        app.window.set(to_w);
        return;
    }
    app.heading_to.set_value(Some(to_t));
    let (from_t, from_w) = (app.playhead.get_untracked(), app.window.get_untracked());
    let start = now_ms();
    fn frame(
        app: AppState,
        from: (f64, Window),
        to: (f64, Window),
        start: f64,
        generation: Arc<AtomicU64>,
        mine: u64,
    ) {
        request_animation_frame(move || {
            // A newer transition, a link shown (back or forward, which clears `heading_to`) or
            // playing started takes the playhead from here.
            if generation.load(Ordering::Relaxed) != mine
                || app.heading_to.try_get_value() != Some(Some(to.0))
                || app.playing.get_untracked()
            {
                return;
            }
            let k = ease_in_out_cubic((now_ms() - start) / TRANSITION_MS);
            let lerp = |a: f64, b: f64| a + (b - a) * k;
            app.playhead.set(lerp(from.0, to.0));
            app.window.set(Window {
                t0: lerp(from.1.t0, to.1.t0),
                t1: lerp(from.1.t1, to.1.t1),
            });
            if k < 1.0 {
                frame(app, from, to, start, generation, mine);
            } else {
                let _ = app.heading_to.try_set_value(None);
            }
        });
    }
    frame(app, (from_t, from_w), (to_t, to_w), start, generation, mine);
}

/// The presenter window's question on opening: which step does the main window show?
const WHERE: &str = "where";
/// The main window's answer, and its word when the story ends: no step is shown.
const NO_STORY: &str = "none";
/// Before a language's code: the main window's language (which the presenter window takes).
const LANGUAGE: &str = "lang:";
/// The presenter window's word for a clicker's blank key (B or "."): the main window blanks its
/// screen, or brings it back.
const BLANK: &str = "blank";

/// Asks the main window to blank its screen, or to bring it back (from the presenter window).
pub fn blank_main_window() {
    if let Some(ch) = channel() {
        let _ = ch.post_message(&JsValue::from_str(BLANK));
        ch.close();
    }
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(CHANNEL).ok()
}

/// Opens the presenter window; made where the page's notice and language are at hand (a component or a
/// hook), used from an event handler.
#[derive(Clone, Copy)]
pub struct PresenterOpener {
    notice: Option<RwSignal<Option<Notice>>>,
    i18n: leptos_i18n::I18nContext<Locale>,
}

impl PresenterOpener {
    /// Takes the page's notice and language from the context.
    pub fn from_context() -> PresenterOpener {
        PresenterOpener {
            notice: use_context::<NoticeState>().map(|n| n.0),
            i18n: use_i18n(),
        }
    }

    /// Opens the presenter window: the same page with `presenter=1`, which shows the current step's
    /// notes, the next step, a clock, and buttons that drive this window. Where the browser refuses
    /// (pop-ups blocked, or a file's page inside a frame), a notice says so and what to do.
    pub fn open(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let mut link = LinkState::parse(&location.search().unwrap_or_default());
        link.other
            .retain(|(k, _)| k != "presenter" && k != "embed" && k != "kiosk");
        link.other.push(("presenter".into(), "1".into()));
        let url = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            link.to_query()
        );
        let opened = window
            .open_with_url_and_target_and_features(
                &url,
                "union-state-presenter",
                "width=960,height=640",
            )
            .ok()
            .flatten()
            .is_some();
        if !opened {
            let l = self.i18n.get_locale_untracked();
            // Inside another page's frame (an embedded single file, say) windows may not be opened
            // at all; a page of its own has had a pop-up blocked.
            let framed = window
                .top()
                .ok()
                .flatten()
                .is_none_or(|top| !js_sys::Object::is(&top, &window));
            let why = if framed {
                td_string!(l, story.blocked_framed)
            } else {
                td_string!(l, story.blocked_popup)
            };
            let said = Notice {
                error: true,
                title: td_string!(l, story.blocked).to_owned(),
                lines: vec![why.to_owned()],
            };
            match self.notice {
                Some(notice) => notice.set(Some(said)),
                None => leptos::logging::warn!("{}", said.title),
            }
        }
    }
}

/// Applies story steps as `app.step` changes, tells the presenter window (and the language it speaks),
/// and obeys it.
pub fn use_story() {
    let states = States::from_context();
    let app = states.app;
    let generation = Arc::new(AtomicU64::new(0));
    let out = channel().map(SendWrapper::new);
    let replies = out.clone();
    let speaker = out.clone();
    Effect::new(move |_| {
        let as_linked = app.step_as_linked.try_update_value(Option::take).flatten();
        let Some(i) = app.step.get() else {
            // The story has ended (or not begun): the presenter window says so.
            if let Some(ch) = &out {
                let _ = ch.post_message(&JsValue::from_str(NO_STORY));
            }
            return;
        };
        let Some(step) = app
            .data
            .with_untracked(|d| d.story.as_ref().and_then(|s| s.steps.get(i).cloned()))
        else {
            return;
        };
        if as_linked == Some(i) {
            // Shown already, as a link describes it; a link holds no window, so the step's is taken
            // where its view is shown, moved if need be to hold the link's time.
            let bounds = app.bounds();
            if let (Some((a, b)), true) =
                (step.window, app.view.get_untracked() == app_view(step.view))
            {
                let window = Window {
                    t0: a.as_f64(),
                    t1: b.as_f64(),
                }
                .clamp_to(bounds);
                app.window
                    .set(window.follow(app.playhead.get_untracked(), 0.1, bounds));
            }
            if let Some(ch) = &out {
                let _ = ch.post_message(&JsValue::from_f64(i as f64));
            }
            return;
        }
        app.playing.set(false);
        app.intro.set(false);
        let view = app_view(step.view);
        switch_view(app, states.mapping, view);
        // The step's selection and no other (an earlier step's would stay in another view's state).
        states.clear_selections();
        if let Some(id) = &step.selection {
            states.select(view, id);
        }
        let bounds = app.bounds();
        let t = step.time.as_f64().clamp(bounds.t0, bounds.t1);
        let window = match step.window {
            Some((a, b)) => Window {
                t0: a.as_f64(),
                t1: b.as_f64(),
            }
            .clamp_to(bounds),
            None => app.window.get_untracked().follow(t, 0.1, bounds),
        };
        animate(app, t, window, Arc::clone(&generation));
        if let Some(ch) = &out {
            let _ = ch.post_message(&JsValue::from_f64(i as f64));
        }
    });
    // The presenter window speaks the main window's language, from the start and when it changes.
    let i18n = states.i18n;
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        if let Some(ch) = &speaker {
            let _ = ch.post_message(&JsValue::from_str(&format!("{LANGUAGE}{locale}")));
        }
    });
    // The presenter window sends the step it wants, and asks for the step shown when it opens.
    if let Some(ch) = channel() {
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(text) = ev.data().as_string() else {
                    return;
                };
                if text == WHERE {
                    if let Some(out) = &replies {
                        let _ = match app.step.get_untracked() {
                            Some(i) => out.post_message(&JsValue::from_f64(i as f64)),
                            None => out.post_message(&JsValue::from_str(NO_STORY)),
                        };
                        let locale = i18n.get_locale_untracked();
                        let _ =
                            out.post_message(&JsValue::from_str(&format!("{LANGUAGE}{locale}")));
                    }
                } else if text == BLANK {
                    app.blank.update(|b| *b = !*b);
                } else if let Some(s) = text
                    .strip_prefix("go:")
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    app.step.set(Some(s));
                }
            });
        ch.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let ch = SendWrapper::new(ch);
        on_cleanup(move || ch.close());
    }
}

/// The presenter window's side: the step the main window shows, kept in step, and a way to ask for
/// another.
#[derive(Clone, Copy)]
pub struct PresenterLink {
    /// The step the main window shows.
    pub step: RwSignal<Option<usize>>,
}

/// Listens to the main window; returns the step it shows and a sender for "go to step".
pub fn use_presenter_link() -> (PresenterLink, impl Fn(usize) + Copy + 'static) {
    let step = RwSignal::new(None::<usize>);
    let i18n = crate::i18n::use_i18n();
    let ch = channel().map(SendWrapper::new);
    if let Some(c) = &ch {
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                let text = data.as_string();
                if let Some(n) = data.as_f64() {
                    step.set(Some(n as usize));
                } else if text.as_deref() == Some(NO_STORY) {
                    step.set(None);
                } else if let Some(Ok(locale)) = text
                    .as_deref()
                    .and_then(|t| t.strip_prefix(LANGUAGE))
                    .map(str::parse::<crate::i18n::Locale>)
                {
                    if locale != i18n.get_locale_untracked() {
                        i18n.set_locale(locale);
                    }
                }
            });
        c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Opened while a story is told: the main window answers with the step it shows.
        let _ = c.post_message(&JsValue::from_str(WHERE));
    }
    let sender = StoredValue::new(ch);
    let go = move |i: usize| {
        sender.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&JsValue::from_str(&format!("go:{i}")));
            }
        });
        step.set(Some(i));
    };
    (PresenterLink { step }, go)
}
