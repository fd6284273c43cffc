//! Deep links: the URL holds the view, the time, the selection and the theme. Reloading restores the
//! same picture, back and forward walk the history, and a link copied from the address bar opens what
//! the speaker saw. Parameters that do not fit the data are ignored with a visible, dismissible notice.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::app::{
    switch_view, AppState, DepthState, MappingState, MembershipPick, MembershipState, ThemeChoice,
    View,
};
use crate::components::data_loader::{Notice, NoticeState};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::layout::bipartite::{Node, Target};
use crate::params::{format_time, parse_time, LinkState, Unread};
use leptos_i18n::I18nContext;

fn view_name(v: View) -> &'static str {
    match v {
        View::Timeline => "timeline",
        View::Mapping => "mapping",
        View::Membership => "membership",
        View::Depth => "depth",
    }
}

fn parse_view(text: &str) -> Option<View> {
    [View::Timeline, View::Mapping, View::Membership, View::Depth]
        .into_iter()
        .find(|v| view_name(*v) == text)
}

/// The views' shared and own state, gathered once.
#[derive(Clone, Copy)]
pub(crate) struct States {
    /// The shared state.
    pub(crate) app: AppState,
    /// The road-map view's.
    pub(crate) mapping: MappingState,
    /// The membership view's.
    pub(crate) membership: MembershipState,
    /// The depth view's.
    pub(crate) depth: DepthState,
    /// The language.
    pub(crate) i18n: I18nContext<Locale>,
}

impl States {
    /// The states of the current component tree.
    pub(crate) fn from_context() -> States {
        States {
            app: expect_context(),
            mapping: expect_context(),
            membership: expect_context(),
            depth: expect_context(),
            i18n: use_i18n(),
        }
    }

    /// The link for what is shown now.
    fn link(&self, other: Vec<(String, String)>) -> LinkState {
        let app = self.app;
        let view = app.view.get();
        let selection = app.data.with(|d| match view {
            View::Timeline => app
                .selected
                .get()
                .and_then(|i| d.events.get(i))
                .map(|e| e.id.clone()),
            View::Mapping => d
                .mapping
                .as_ref()
                .and_then(|m| match self.mapping.selected.get() {
                    Some(Target::Node(Node::RoadMap(i))) => {
                        m.road_maps.get(i).map(|r| r.id.clone())
                    }
                    Some(Target::Node(Node::Programme(i))) => {
                        m.programmes.get(i).map(|p| p.id.clone())
                    }
                    _ => None,
                }),
            View::Membership => {
                d.membership
                    .as_ref()
                    .and_then(|m| match self.membership.selected.get() {
                        Some(MembershipPick::State(s)) => m.states.get(s).map(|x| x.id.clone()),
                        Some(MembershipPick::Organisation(o)) => {
                            m.organisations.get(o).map(|x| x.id.clone())
                        }
                        None => None,
                    })
            }
            View::Depth => d.depth.as_ref().and_then(|x| {
                self.depth
                    .selected
                    .get()
                    .and_then(|p| x.provisions.get(p))
                    .map(|p| p.id.clone())
            }),
        });
        let theme = app.theme.get();
        // During a step's transition, the step's time, not one on the way.
        let shown = app.playhead.get();
        let t = app.heading_to.get_value().unwrap_or(shown);
        LinkState {
            view: (view != View::Timeline).then(|| view_name(view).to_owned()),
            time: (!app.intro.get()).then(|| format_time(crate::model::Day(t.floor() as i32))),
            selection,
            theme: (theme != ThemeChoice::System).then(|| theme.as_str().to_owned()),
            step: app.step.get().map(|i| (i + 1).to_string()),
            lang: Some(self.i18n.get_locale())
                .filter(|l| *l != Locale::en)
                .map(|l| l.to_string()),
            other,
        }
    }

    /// Shows what `link` describes; returns what had to be ignored, each with the reason.
    fn apply(&self, link: &LinkState) -> Vec<String> {
        let app = self.app;
        // A story step's transition under way stops here: it would carry the playhead on to its
        // step's time over the picture the link describes (back in the middle of one, say).
        app.heading_to.set_value(None);
        let mut ignored = Vec::new();
        match link.lang.as_deref().map(str::parse::<Locale>) {
            None => self.i18n.set_locale(Locale::en),
            Some(Ok(l)) => self.i18n.set_locale(l),
            Some(Err(())) => ignored.push(
                td_string!(
                    Locale::en,
                    url.bad_lang,
                    value = link.lang.as_deref().unwrap_or_default()
                )
                .to_string(),
            ),
        }
        // The reasons in the language the link asks for (English where it asks for none it has).
        let l = self.i18n.get_locale_untracked();
        if let Some(t) = &link.theme {
            match ThemeChoice::parse(t) {
                Some(choice) => app.theme.set(choice),
                None => ignored.push(td_string!(l, url.bad_theme, value = t).to_string()),
            }
        }
        let view = match link.view.as_deref() {
            None => View::Timeline,
            Some(v) => match parse_view(v) {
                Some(view) if untrack(|| app.has_view(view)) => view,
                Some(_) => {
                    ignored.push(td_string!(l, url.no_view, value = v).to_string());
                    View::Timeline
                }
                None => {
                    ignored.push(td_string!(l, url.bad_view, value = v).to_string());
                    View::Timeline
                }
            },
        };
        switch_view(app, self.mapping, view);
        if let Some(t) = &link.time {
            match parse_time(t) {
                Ok(day) => {
                    let b = app.bounds();
                    let asked = day.as_f64();
                    let day = asked.clamp(b.t0, b.t1);
                    if (asked - day).abs() >= 1.0 {
                        let at = |d: f64| format_time(crate::model::Day(d.floor() as i32));
                        ignored.push(
                            td_string!(
                                l,
                                url.outside,
                                value = t,
                                from = at(b.t0),
                                to = at(b.t1),
                                at = at(day)
                            )
                            .to_string(),
                        );
                    }
                    app.intro.set(false);
                    app.playing.set(false);
                    app.playhead.set(day);
                    app.follow(day, 0.1);
                }
                Err(e) => ignored.push(td_string!(l, url.bad_time, value = t, why = e).to_string()),
            }
        } else if !untrack(|| app.intro.get()) {
            // A link without a time is the opening picture (back to the first page, say): the
            // introduction, the playhead on the data's last day.
            app.playing.set(false);
            app.intro.set(true);
            app.playhead.set(app.last_day());
        }
        // Nothing selected but what the link names (back from a picture with a selection).
        self.clear_selections();
        let mut selected = false;
        if let Some(id) = &link.selection {
            selected = self.select(view, id);
            if !selected {
                ignored.push(td_string!(l, url.no_item, value = id).to_string());
            }
        }
        match &link.step {
            None => app.step.set(None),
            Some(n) => {
                let count = app
                    .data
                    .with_untracked(|d| d.story.as_ref().map_or(0, |s| s.steps.len()));
                match n.parse::<usize>() {
                    Ok(k) if k >= 1 && k <= count => {
                        // A link written while a step was shown names what was on screen (a
                        // time, at least), which the reader may have changed since (another view, a
                        // later time): that is shown, not the step again. A link with the step and
                        // no time or selection (one written by hand) shows the step.
                        let described = link.time.is_some() || selected;
                        app.step_as_linked.set_value(described.then_some(k - 1));
                        app.step.set(Some(k - 1));
                    }
                    _ => ignored
                        .push(td_string!(l, url.bad_step, value = n, count = count).to_string()),
                }
            }
        }
        ignored
    }

    /// Clears every view's selection (a step's or a link's is then made alone).
    pub(crate) fn clear_selections(&self) {
        self.app.selected.set(None);
        self.mapping.clear();
        self.membership.selected.set(None);
        self.depth.selected.set(None);
    }

    /// Selects the item with `id` in `view`; false if there is none.
    pub(crate) fn select(&self, view: View, id: &str) -> bool {
        let app = self.app;
        app.data
            .with_untracked(|d| match view {
                View::Timeline => d.event_index(id).map(|i| {
                    app.intro.set(false);
                    app.selected.set(Some(i));
                }),
                View::Mapping => d.mapping.as_ref().and_then(|m| {
                    let target = m
                        .road_maps
                        .iter()
                        .position(|r| r.id == id)
                        .map(|i| Target::Node(Node::RoadMap(i)))
                        .or_else(|| {
                            m.programmes
                                .iter()
                                .position(|p| p.id == id)
                                .map(|i| Target::Node(Node::Programme(i)))
                        })?;
                    self.mapping.selected.set(Some(target));
                    Some(())
                }),
                View::Membership => d.membership.as_ref().and_then(|m| {
                    let pick = m
                        .states
                        .iter()
                        .position(|s| s.id == id)
                        .map(MembershipPick::State)
                        .or_else(|| {
                            m.organisations
                                .iter()
                                .position(|o| o.id == id)
                                .map(MembershipPick::Organisation)
                        })?;
                    self.membership.selected.set(Some(pick));
                    Some(())
                }),
                View::Depth => d.depth.as_ref().and_then(|x| {
                    let p = x.provisions.iter().position(|p| p.id == id)?;
                    self.depth.selected.set(Some(p));
                    Some(())
                }),
            })
            .is_some()
    }
}

fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Restores the state in the URL at start and on back / forward, and writes the state into the URL as
/// it changes: a new history entry when the view or the selection changes, the same entry updated when
/// only the time or the theme does (and the time only while paused, so playing fills no history).
/// `apply`: whether the link's state is applied at start; not when the dataset it names (its `data`
/// parameter) could not be read, since the rest of the link is about that dataset.
pub fn use_url(apply: bool) {
    let states = States::from_context();
    let notice = expect_context::<NoticeState>().0;
    // What was ignored, added to a notice already shown (the dataset the link named, read).
    let report = move |ignored: Vec<String>| {
        if ignored.is_empty() {
            return;
        }
        let title = td_string!(states.i18n.get_locale_untracked(), url.ignored).to_owned();
        notice.update(|shown| match shown {
            Some(n) => {
                n.error = true;
                n.lines.push(title);
                n.lines.extend(ignored);
            }
            None => {
                *shown = Some(Notice {
                    error: true,
                    title,
                    lines: ignored,
                })
            }
        });
    };
    let search = location_search();
    let start = LinkState::parse(&search);
    // What is reported here leaves the address once it is next written (a reload opens without it).
    let mut tidied = start.clone();
    tidied.tidy();
    let other = StoredValue::new(tidied.other);
    if apply {
        let mut ignored = states.apply(&start);
        let l = states.i18n.get_locale_untracked();
        let unread = Unread::find(&search);
        let unknown = unread.iter().any(|u| matches!(u, Unread::Unknown { .. }));
        ignored.extend(unread.into_iter().map(|u| match u {
            Unread::Unknown { pair, like: None } => {
                td_string!(l, url.unknown, value = pair).to_string()
            }
            Unread::Unknown {
                pair,
                like: Some(name),
            } => td_string!(l, url.unknown_like, value = pair, name = name).to_string(),
            Unread::Doubled { name, read } => {
                td_string!(l, url.doubled, name = name, value = read).to_string()
            }
            Unread::Switch { pair } => td_string!(l, url.switch, value = pair).to_string(),
        }));
        if unknown {
            ignored.push(td_string!(l, url.names).to_string());
        }
        report(ignored);
    }
    // What the URL says now, to tell our own changes from the user's.
    let written = StoredValue::new(start.to_query());
    // A time-only change waits this long for the next before it is written, so scrubbing does not
    // flood the history API (browsers refuse more than about 100 writes in 10 seconds).
    const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);
    let timer = StoredValue::new(false);

    // In a sandboxed frame (an opaque origin) the address cannot be changed: some browsers throw,
    // Firefox reports a security error. Such a page keeps its state without links. A file opened
    // from disk has an opaque origin too, but its own address can be changed, and is: a reload
    // mid-talk keeps the view. Should a browser refuse even so, it is tried no more.
    let sandboxed = web_sys::window().is_some_and(|w| {
        let opaque = js_sys::Reflect::get(&w, &"origin".into())
            .ok()
            .and_then(|o| o.as_string())
            .is_some_and(|o| o == "null");
        let top = w
            .top()
            .ok()
            .flatten()
            .is_some_and(|t| js_sys::Object::is(&t, &w));
        let file = w.location().protocol().is_ok_and(|p| p == "file:");
        opaque && !(file && top)
    });
    let refused = StoredValue::new(sandboxed);
    let write = move |structural: bool| {
        if refused.get_value() {
            return;
        }
        let query = states_link_query(states, other);
        if query == written.get_value() {
            return;
        }
        written.set_value(query.clone());
        let url = if query.is_empty() {
            // The whole address less its query and fragment: a path alone would be read as another
            // host where it begins with two slashes (`http://host//?view=…`).
            web_sys::window()
                .and_then(|w| w.location().href().ok())
                .map(|href| href[..href.find(['?', '#']).unwrap_or(href.len())].to_owned())
                .unwrap_or_else(|| "./".into())
        } else {
            query
        };
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let result = if structural {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        if let Err(e) = result {
            // A sandboxed iframe may refuse; the product works on without links.
            refused.set_value(true);
            leptos::logging::warn!("the address could not be updated, and will not be: {e:?}");
        }
    };

    // While back or forward is being shown, what follows from it (a story step's selection, say) is
    // written into the same history entry, never a new one: a new one would wipe the entries ahead.
    // So is what follows in the same task from a change just written as a new entry (a step and
    // then its selection): one entry for one thing the reader did.
    let same_entry = StoredValue::new(false);
    let settle_entry = move || {
        same_entry.set_value(true);
        set_timeout(
            move || {
                let _ = same_entry.try_set_value(false);
            },
            std::time::Duration::ZERO,
        );
    };
    // What the opening link leads to (a step applied, its selection) is the opening entry.
    settle_entry();
    // A key or a press is a new thing the reader did even before the timer above has run: a browser
    // runs input ahead of timers, and two quick presses (a clicker's, say) would share an entry.
    let fresh = Closure::<dyn Fn()>::new(move || {
        let _ = same_entry.try_set_value(false);
    })
    .into_js_value();
    crate::hooks::listen_first(vec![("keydown", fresh.clone()), ("pointerdown", fresh)]);
    let pop = window_event_listener(leptos::ev::popstate, move |_| {
        let link = LinkState::parse(&location_search());
        written.set_value(link.to_query());
        settle_entry();
        report(states.apply(&link));
    });
    on_cleanup(move || pop.remove());

    Effect::new(
        move |previous: Option<(View, Option<String>, Option<String>)>| {
            if states.app.playing.get() {
                return previous.unwrap_or((View::Timeline, None, None));
            }
            let link = states.link(other.get_value());
            let key = (
                states.app.view.get_untracked(),
                link.selection.clone(),
                link.step.clone(),
            );
            if previous.as_ref().is_some_and(|p| *p != key) {
                let new_entry = !same_entry.get_value();
                write(new_entry);
                if new_entry {
                    settle_entry();
                }
            } else if !timer.get_value() {
                timer.set_value(true);
                set_timeout(
                    move || {
                        timer.set_value(false);
                        write(false);
                    },
                    SETTLE,
                );
            }
            key
        },
    );
}

/// The query string for what is shown now.
fn states_link_query(states: States, other: StoredValue<Vec<(String, String)>>) -> String {
    untrack(|| states.link(other.get_value())).to_query()
}
