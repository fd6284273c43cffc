//! The application root: start-up, shared state, and the page's layout.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::controls::Controls;
use crate::components::data_loader::{
    clip, data_param, open_param, use_drop_loading, DataMenu, Notice, NoticeBar, NoticeState,
    Opening,
};
use crate::components::depth_view::DepthView;
use crate::components::event_card::EventCard;
use crate::components::export::ExportMenu;
use crate::components::language::{use_language, LanguageSwitch};
use crate::components::mapping_view::MappingView;
use crate::components::membership_view::MembershipView;
use crate::components::presenting::{Blank, EmbedCaption, EmbedCode, KeysHelp, ThemeMenu};
use crate::components::print_list::PrintList;
use crate::components::story::{presenter_button, PresenterView, StoryCaption};
use crate::components::text_alternative::{Announcer, EventList};
use crate::components::timeline_canvas::TimelineCanvas;
use crate::hooks::held_memo;
use crate::hooks::use_keyboard::{close_menu, use_keyboard};
use crate::hooks::use_media::use_media;
use crate::hooks::use_modes::use_modes;
use crate::hooks::use_playback::use_playback;
use crate::hooks::use_story::use_story;
use crate::hooks::use_url::use_url;
use crate::i18n::{t, t_string, td_string, use_i18n, I18nContextProvider, Locale};
use crate::layout::anim::{next_anchor, previous_anchor, CARD_HOLD_MS, DAYS_PER_SECOND};
use crate::layout::bipartite::{Node, Target};
use crate::layout::scale::Window;
use crate::model::{self, Dataset};
use crate::render::theme::{Theme, DARK, LIGHT, PROJECTOR};

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
    calibrate_text();
    leptos::mount::mount_to_body(App);
}

/// Fits the charts' text-width estimate to the face this browser draws them in (see
/// [`crate::layout::text::calibrate`]): a few lines measured once, before anything is laid out.
fn calibrate_text() {
    use wasm_bindgen::JsCast;
    let Some(ctx) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.set_font(&format!(
        "100px {}",
        crate::render::theme::LIGHT.font_family
    ));
    crate::layout::text::calibrate(|s| ctx.measure_text(s).map_or(f64::NAN, |m| m.width() / 100.0));
}

/// The views the product offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The animated timeline of the legal framework.
    Timeline,
    /// Road maps to union programmes.
    Mapping,
    /// Overlapping membership of the post-Soviet organisations.
    Membership,
    /// Declared versus delivered integration by sector.
    Depth,
}

/// The id of the element that shows the view: each view's `main`, the tab panel its tab controls.
pub const VIEW_PANEL: &str = "view-panel";

impl View {
    /// The id of the view's tab in the header, which names its panel.
    pub fn tab_id(self) -> &'static str {
        match self {
            View::Timeline => "tab-timeline",
            View::Mapping => "tab-mapping",
            View::Membership => "tab-membership",
            View::Depth => "tab-depth",
        }
    }
}

/// The state the views share (the data, the clock, the timeline's selection and window), created once
/// at the root and provided through context.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// Which view shows.
    pub view: RwSignal<View>,
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
    /// Whether the user is zooming or panning the timeline (by wheel, drag or pinch), until the gesture
    /// pauses or is let go: work that can wait, such as filling a long list, waits.
    pub gesturing: RwSignal<bool>,
    /// Whether the introduction shows in the card (until the user first plays, steps, scrubs or picks).
    pub intro: RwSignal<bool>,
    /// Whether the screen is blanked (B or ".").
    pub blank: RwSignal<bool>,
    /// Whether the list of keys is open (?).
    pub help: RwSignal<bool>,
    /// The theme chosen.
    pub theme: RwSignal<ThemeChoice>,
    /// Whether the system prefers dark colours.
    pub system_dark: RwSignal<bool>,
    /// Whether the system asks for reduced motion: sweeps become cuts.
    pub reduced_motion: RwSignal<bool>,
    /// Whether the page runs as an unattended kiosk (`?kiosk`): it plays over and over, cycling views.
    pub kiosk: RwSignal<bool>,
    /// Whether the page is embedded without its chrome (`?embed`).
    pub embed: RwSignal<bool>,
    /// Whether an embedded view shows its legend above the chart (`?key=1`, or its Key button).
    pub key: RwSignal<bool>,
    /// Whether the timeline is too short to name its lanes beside them: its legend names them then.
    pub lanes_unnamed: RwSignal<bool>,
    /// The story step shown, while a story is told (next and previous then walk the steps).
    pub step: RwSignal<Option<usize>>,
    /// A step a link has just shown as the link describes it (its view, time and selection, which the
    /// reader may have changed since the step was applied): the story marks it as the step shown
    /// without applying it again.
    pub step_as_linked: StoredValue<Option<usize>>,
    /// While a story step's transition moves the playhead, the time it moves to: what a link names
    /// (a time on the way would be a picture no step shows).
    pub heading_to: StoredValue<Option<f64>>,
    /// The JSON text of a dataset the user loaded (none for the bundled one): read again in the other
    /// language when the language changes.
    pub source: StoredValue<Option<Arc<str>>>,
    /// The data's span with its margin ([`AppState::bounds`]), worked out once per dataset: playing
    /// asks for it at every frame, and it takes a pass over every event.
    span: Memo<Window>,
    /// The event the card shows ([`AppState::current`]), held while playing ([`CARD_HOLD_MS`]).
    card: Memo<Option<usize>>,
}

impl AppState {
    /// State for a dataset: the whole span in view, every event shown (the playhead at the end), paused,
    /// with the introduction in the card. Play starts from the beginning.
    pub fn new(data: Arc<Dataset>) -> AppState {
        let data = RwSignal::new(data);
        let span = Memo::new(move |_| data.with(|d| bounds_of(d)));
        let bounds = span.get_untracked();
        let intro = RwSignal::new(true);
        let playhead = RwSignal::new(last_day(bounds));
        let playing = RwSignal::new(false);
        let selected = RwSignal::new(None);
        let card = held_memo(
            move || {
                if intro.get() {
                    None
                } else {
                    selected.get().or_else(|| {
                        let t = playhead.get();
                        data.with(|d| d.last_passed(t))
                    })
                }
            },
            // A choice of the user's shows at once; only the playhead's passing is held.
            move || selected.get_untracked().is_none() && !intro.get_untracked() && playing.get(),
            CARD_HOLD_MS,
        );
        AppState {
            view: RwSignal::new(View::Timeline),
            intro,
            blank: RwSignal::new(false),
            help: RwSignal::new(false),
            theme: RwSignal::new(ThemeChoice::System),
            system_dark: RwSignal::new(false),
            reduced_motion: RwSignal::new(false),
            kiosk: RwSignal::new(false),
            embed: RwSignal::new(false),
            key: RwSignal::new(false),
            lanes_unnamed: RwSignal::new(false),
            step: RwSignal::new(None),
            step_as_linked: StoredValue::new(None),
            heading_to: StoredValue::new(None),
            source: StoredValue::new(None),
            playhead,
            data,
            span,
            card,
            playing,
            speed: RwSignal::new(1.0),
            looping: RwSignal::new(false),
            selected,
            hovered: RwSignal::new(None),
            window: RwSignal::new(bounds),
            gesturing: RwSignal::new(false),
        }
    }

    /// The widest window the user may see: the data's span with a little margin.
    pub fn bounds(&self) -> Window {
        self.span.get()
    }

    /// The data's last day: where the playhead rests when every event is shown (at the start, after
    /// playing), the end of playing and of the scrubber. Not the window's end, whose margin is a date
    /// no event has, and which the caption of an export would name.
    pub fn last_day(&self) -> f64 {
        last_day(self.bounds())
    }

    /// Anchor days of all events, ascending.
    pub fn anchors(&self) -> Vec<f64> {
        self.data
            .with(|d| d.events.iter().map(|e| e.date.anchor().as_f64()).collect())
    }

    /// The event the card shows: the selection, or else the last event the playhead has passed (while
    /// playing, moving on at most every [`CARD_HOLD_MS`]); none while the introduction shows.
    pub fn current(&self) -> Option<usize> {
        self.card.get()
    }

    /// Keeps `day` in view, moving the window only if it has to: a window written with the same value
    /// would still wake everything that reads it (the timeline's layout among them) every frame.
    pub fn follow(&self, day: f64, margin: f64) {
        let bounds = self.bounds();
        let now = self.window.get_untracked();
        let next = now.follow(day, margin, bounds);
        if next != now {
            self.window.set(next);
        }
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
        // On its date; paused, the playhead shows the event whole (see `appear_days`).
        self.playhead.set(day);
        self.follow(day, 0.15);
    }

    /// Steps to the next event: after the selected one, or else after the playhead.
    pub fn step_next(&self) {
        if let Some(i) = self.step.get_untracked() {
            let n = self
                .data
                .with_untracked(|d| d.story.as_ref().map_or(0, |s| s.steps.len()));
            self.step.set(Some((i + 1).min(n.saturating_sub(1))));
            return;
        }
        // On the timeline, from a selected event, the next in date order (events on the same day
        // included); otherwise, and in the views that show a date's state rather than an event, the
        // first event after the playhead's day, so that every press shows another date.
        let next = match self.selected.get_untracked() {
            Some(i) if self.view.get_untracked() == View::Timeline => {
                Some(i + 1).filter(|&n| n < self.data.with_untracked(|d| d.events.len()))
            }
            _ => next_anchor(&self.anchors(), self.playhead.get_untracked()),
        };
        if let Some(i) = next {
            self.go_to(i);
        }
    }

    /// Steps to the previous event: before the selected one, or else before the playhead.
    pub fn step_previous(&self) {
        if let Some(i) = self.step.get_untracked() {
            self.step.set(Some(i.saturating_sub(1)));
            return;
        }
        let previous = match self.selected.get_untracked() {
            Some(i) if self.view.get_untracked() == View::Timeline => i.checked_sub(1),
            _ => previous_anchor(&self.anchors(), self.playhead.get_untracked()),
        };
        if let Some(i) = previous {
            self.go_to(i);
        }
    }

    /// Goes to the first (or, with `last`, the last) step while a story is told, else to the first (the
    /// last) event.
    pub fn go_to_end(&self, last: bool) {
        let (steps, events) = self.data.with_untracked(|d| {
            (
                d.story.as_ref().map_or(0, |s| s.steps.len()),
                d.events.len(),
            )
        });
        let end = |n: usize| if last { n.saturating_sub(1) } else { 0 };
        if self.step.get_untracked().is_some() {
            self.step.set(Some(end(steps)));
        } else if events > 0 {
            self.go_to(end(events));
        }
    }

    /// Starts or pauses playback; starting at the end starts over.
    pub fn toggle_play(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
            return;
        }
        if self.playhead.get_untracked() >= self.last_day() - 1.0 {
            self.playhead.set(self.bounds().t0);
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
        self.follow(t, 0.05);
    }

    /// Shows another dataset: paused, the whole span in view, every event shown, nothing selected.
    pub fn replace(&self, data: Arc<Dataset>) {
        self.playing.set(false);
        self.selected.set(None);
        self.hovered.set(None);
        self.intro.set(true);
        self.data.set(data);
        let bounds = self.span.get_untracked();
        self.window.set(bounds);
        self.playhead.set(last_day(bounds));
    }

    /// Days an event takes to appear at the current speed while playing; none with reduced motion (a
    /// cut), and none while paused: a stopped playhead (a step to an event, a link to a date) shows
    /// every event it has reached whole, the event it stands on too.
    pub fn appear_days(&self) -> f64 {
        if self.reduced_motion.get() || !self.playing.get() {
            return 0.0;
        }
        crate::layout::anim::APPEAR_SECONDS * self.speed.get() * DAYS_PER_SECOND
    }

    /// The theme in force: the choice, or the system's preference.
    pub fn resolved_theme(&self) -> ThemeChoice {
        match self.theme.get() {
            ThemeChoice::System if self.system_dark.get() => ThemeChoice::Dark,
            ThemeChoice::System => ThemeChoice::Light,
            other => other,
        }
    }

    /// Whether the dataset has what `view` shows (the timeline always has). Tracks the data.
    pub fn has_view(&self, view: View) -> bool {
        self.data.with(|d| match view {
            View::Timeline => true,
            View::Mapping => d.mapping.is_some(),
            View::Membership => d.membership.is_some(),
            View::Depth => d.depth.is_some(),
        })
    }

    /// [`AppState::chart_theme`], read without tracking (for event handlers).
    pub fn chart_theme_untracked(&self) -> Theme {
        untrack(|| self.chart_theme())
    }

    /// The charts' colours and scale for the theme in force, with the words in the data's language.
    pub fn chart_theme(&self) -> Theme {
        let base = match self.resolved_theme() {
            ThemeChoice::Dark => DARK,
            ThemeChoice::Projector => PROJECTOR,
            _ => LIGHT,
        };
        Theme {
            locale: self.data.with(|d| d.locale),
            ..base
        }
    }
}

/// The theme the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow the system's light or dark preference.
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// High contrast with large type, for projectors.
    Projector,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::System,
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::Projector,
    ];

    /// The name used in the URL and the menu's values.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Projector => "projector",
        }
    }

    /// Reads a name from the URL or the menu.
    pub fn parse(text: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The label in the menu.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            ThemeChoice::System => td_string!(locale, theme.system),
            ThemeChoice::Light => td_string!(locale, theme.light),
            ThemeChoice::Dark => td_string!(locale, theme.dark),
            ThemeChoice::Projector => td_string!(locale, theme.projector),
        }
    }
}

/// The road-map diagram's own state.
#[derive(Debug, Clone, Copy)]
pub struct MappingState {
    /// The sector shown, or all.
    pub filter: RwSignal<Option<usize>>,
    /// The node or link under the pointer.
    pub hovered: RwSignal<Option<Target>>,
    /// The node or link clicked (isolated, with its card open).
    pub selected: RwSignal<Option<Target>>,
}

impl MappingState {
    fn new() -> MappingState {
        MappingState {
            filter: RwSignal::new(None),
            hovered: RwSignal::new(None),
            selected: RwSignal::new(None),
        }
    }

    /// Clears the selection and the hover (Esc, or a click on empty space).
    pub fn clear(&self) {
        self.selected.set(None);
        self.hovered.set(None);
    }
}

/// What the membership view has picked: a state (its history) or an organisation (its timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipPick {
    /// A state (index into the states).
    State(usize),
    /// An organisation (index into the organisations).
    Organisation(usize),
}

/// The membership view's state.
#[derive(Debug, Clone, Copy)]
pub struct MembershipState {
    /// Under the pointer.
    pub hovered: RwSignal<Option<MembershipPick>>,
    /// Clicked.
    pub selected: RwSignal<Option<MembershipPick>>,
}

/// The depth view's state.
#[derive(Debug, Clone, Copy)]
pub struct DepthState {
    /// The sector under the pointer.
    pub hovered: RwSignal<Option<usize>>,
    /// The provision clicked.
    pub selected: RwSignal<Option<usize>>,
}

/// Switches views, carrying the selection across where it relates: a timeline event about a road map
/// or programme selects that node, and a selected node selects its first timeline event. The playhead
/// is shared, so the time always carries over.
pub fn switch_view(app: AppState, mapping: MappingState, to: View) {
    if app.view.get_untracked() == to {
        return;
    }
    app.data.with_untracked(|d| {
        let Some(m) = &d.mapping else { return };
        match to {
            View::Mapping => {
                let Some(e) = app.selected.get_untracked() else {
                    return;
                };
                let node = m
                    .road_maps
                    .iter()
                    .position(|r| r.events.contains(&e))
                    .map(Node::RoadMap)
                    .or_else(|| {
                        m.programmes
                            .iter()
                            .position(|p| p.events.contains(&e))
                            .map(Node::Programme)
                    });
                if let Some(n) = node {
                    mapping.selected.set(Some(Target::Node(n)));
                }
            }
            View::Membership | View::Depth => {}
            View::Timeline => {
                let events = match mapping.selected.get_untracked() {
                    Some(Target::Node(Node::RoadMap(r))) => {
                        m.road_maps.get(r).map(|r| r.events.clone())
                    }
                    Some(Target::Node(Node::Programme(p))) => {
                        m.programmes.get(p).map(|p| p.events.clone())
                    }
                    _ => None,
                };
                if let Some(&e) = events.as_ref().and_then(|v| v.first()) {
                    app.intro.set(false);
                    app.selected.set(Some(e));
                }
            }
        }
    });
    app.view.set(to);
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

/// The last day of the data whose bounds are `bounds` (see [`bounds_of`]).
fn last_day(bounds: Window) -> f64 {
    bounds.t1 - SPAN_PAD_DAYS
}

/// The whole page, in the language the link asks for (English otherwise, so that a link opens in the
/// language it was copied in).
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Start/>
        </I18nContextProvider>
    }
}

/// The language a link asks for, if it names one this product speaks.
fn linked_locale() -> Option<Locale> {
    let search = web_sys::window().and_then(|w| w.location().search().ok())?;
    crate::params::LinkState::parse(&search).lang?.parse().ok()
}

/// Start-up: the bundled dataset in the page's language, or the dataset the `data` URL parameter
/// names, read before the page is built (so the bundled dataset is not built and drawn first, only to
/// be replaced); the bundled one, with a notice, if that cannot be read.
#[component]
fn Start() -> impl IntoView {
    let i18n = use_i18n();
    let locale = linked_locale().unwrap_or(Locale::en);
    // After the provider's own first pass, which picks the browser's language.
    Effect::new(move |_| i18n.set_locale(locale));
    let path = match data_param(locale) {
        None => return bundled_page(locale, None).into_any(),
        Some(Err(notice)) => return bundled_page(locale, Some(notice)).into_any(),
        Some(Ok(path)) => path,
    };
    let opening = StoredValue::new(None::<Opening>);
    let ready = RwSignal::new(false);
    let name = clip(&path);
    leptos::task::spawn_local(async move {
        let opened = open_param(path, locale).await;
        opening.set_value(Some(opened));
        ready.set(true);
    });
    (move || {
        if !ready.get() {
            return view! {
                <p class="loading" role="status">{td_string!(locale, data.loading, name = name.clone())}</p>
            }
            .into_any();
        }
        match opening.try_update_value(Option::take).flatten() {
            Some(Opening {
                data: Some((data, text)),
                notice,
            }) => view! { <Loaded data=Arc::new(data) notice=Some(notice) source=Some(text)/> }
            .into_any(),
            Some(Opening { notice, .. }) => bundled_page(locale, Some(notice)).into_any(),
            None => bundled_page(locale, None).into_any(),
        }
    })
    .into_any()
}

/// The page with the bundled dataset, and a notice of what became of a `data` parameter, if there was
/// one.
fn bundled_page(locale: Locale, notice: Option<Notice>) -> impl IntoView {
    match model::bundled_in(locale) {
        Ok(data) => view! { <Loaded data=Arc::clone(data) notice=notice/> }.into_any(),
        Err(error) => view! {
            <main class="error-panel" role="alert">
                <h1>{td_string!(locale, app.bundled_failed)}</h1>
                <ul>{error.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </main>
        }
        .into_any(),
    }
}

/// The page once a dataset is loaded, with a notice to show first (what became of a `data` URL
/// parameter) and the text of the dataset if it came from a file.
#[component]
fn Loaded(
    data: Arc<Dataset>,
    #[prop(default = None)] notice: Option<Notice>,
    #[prop(default = None)] source: Option<Arc<str>>,
) -> impl IntoView {
    let state = AppState::new(data);
    state.source.set_value(source);
    let title = move || state.data.with(|d| d.title.clone());
    let has = move |view: View| state.has_view(view);
    // A dataset without the current view's section falls back to the timeline.
    Effect::new(move |_| {
        if !has(state.view.get()) {
            state.view.set(View::Timeline);
        }
    });
    let mapping = MappingState::new();
    provide_context(state);
    provide_context(mapping);
    provide_context(MembershipState {
        hovered: RwSignal::new(None),
        selected: RwSignal::new(None),
    });
    provide_context(DepthState {
        hovered: RwSignal::new(None),
        selected: RwSignal::new(None),
    });
    // A notice of an error at start says the dataset the link names could not be read.
    let link_applies = notice.as_ref().is_none_or(|n| !n.error);
    provide_context(NoticeState(RwSignal::new(notice)));
    use_drop_loading();
    use_language(state);
    use_url(link_applies);
    use_media(state);
    // The presenter window shows the notes only; it drives the main window.
    let presenter = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| crate::params::LinkState::parse(&s).flag("presenter"));
    // The window's title (its tab, the window lists a presenter drags windows by, a saved PDF's name)
    // is the dataset's, in the page's language; the presenter window says it is that.
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = state.data.with(|d| d.title.clone());
        let title = if presenter {
            format!(
                "{} — {title}",
                td_string!(i18n.get_locale(), story.presenter)
            )
        } else {
            title
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
    if presenter {
        return view! { <PresenterView/> }.into_any();
    }
    use_playback(state);
    use_keyboard(state, mapping);
    use_modes(state);
    use_story();
    let embed_open = RwSignal::new(false);
    // A press anywhere outside the header's menu closes it.
    let outside_menu = window_event_listener(leptos::ev::pointerdown, |ev| {
        let inside = crate::hooks::target_element(&ev)
            .and_then(|el| el.closest("#menu").ok().flatten())
            .is_some();
        if !inside {
            close_menu();
        }
    });
    on_cleanup(move || outside_menu.remove());
    // The tabs pattern: the chosen tab is the tablist's one stop for Tab, and the arrows, Home and End
    // move between the tabs from the keyboard (`use_keyboard`).
    let tab = move |view: View| {
        let label = move || {
            let l = i18n.get_locale();
            match view {
                View::Timeline => td_string!(l, app.tab_timeline),
                View::Mapping => td_string!(l, app.tab_mapping),
                View::Membership => td_string!(l, app.tab_membership),
                View::Depth => td_string!(l, app.tab_depth),
            }
        };
        view! {
            <button type="button" role="tab" id=view.tab_id() hidden=move || !has(view)
                aria-selected=move || (state.view.get() == view).to_string()
                tabindex=move || if state.view.get() == view { "0" } else { "-1" }
                aria-controls=VIEW_PANEL
                on:click=move |_| switch_view(state, mapping, view)>{label}</button>
        }
    };
    view! {
        <header class="page-header">
            // On a wide screen the title is one line, cut short where the screen is narrow; the whole
            // of it is its tooltip.
            <h1 title=title>{title}</h1>
            <nav class="view-tabs" role="tablist" aria-label=move || t_string!(i18n, app.views)>
                {tab(View::Timeline)}
                {tab(View::Mapping)}
                {tab(View::Membership)}
                {tab(View::Depth)}
            </nav>
            <div class="header-tools">
                <LanguageSwitch/>
                // Embedded, the header is hidden, and the one with the playback controls shows instead.
                <crate::components::controls::FullscreenButton/>
                // The menu closes once one of its buttons is chosen, on a click or touch outside it, and
                // with Esc, as a menu does.
                <details class="menu" id="menu">
                    <summary>{t!(i18n, app.menu)}</summary>
                    <div class="menu-panel" on:click=|ev| {
                        let on_button = crate::hooks::target_element(&ev)
                            .and_then(|el| el.closest("button").ok().flatten())
                            .is_some();
                        if on_button {
                            close_menu();
                        }
                    }>
                        <ThemeMenu/>
                        <DataMenu/>
                        <ExportMenu/>
                        <button type="button" id="copy-embed" on:click=move |_| embed_open.set(true)>{t!(i18n, app.embed_code)}</button>
                        {presenter_button()}
                        <button type="button" id="open-keys" on:click=move |_| state.help.set(true)>{t!(i18n, app.keys)}</button>
                    </div>
                </details>
            </div>
        </header>
        // The story's caption first: a notice floats below it, over the side column, never over the
        // caption a speaker is reading from.
        <StoryCaption/>
        <NoticeBar/>
        <Announcer/>
        <KeysHelp/>
        <Blank/>
        <EmbedCode open=embed_open/>
        <EmbedCaption/>
        <PrintList/>
        {move || match state.view.get() {
            View::Timeline => view! {
                <main class="timeline-view" id=VIEW_PANEL role="tabpanel"
                    aria-labelledby=View::Timeline.tab_id()>
                    <section class="chart-column" aria-label=move || t_string!(i18n, app.tab_timeline)>
                        <TimelineCanvas/>
                        <Controls/>
                        <EventList/>
                    </section>
                    <EventCard/>
                </main>
            }.into_any(),
            View::Mapping => view! { <MappingView/> }.into_any(),
            View::Membership => view! { <MembershipView/> }.into_any(),
            View::Depth => view! { <DepthView/> }.into_any(),
        }}
    }
    .into_any()
}
