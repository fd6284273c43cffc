//! Text alternatives of the canvas views: lists and tables in the DOM, in sync with the selection,
//! hidden from sight until one of their controls takes keyboard focus, and the one polite live region
//! that announces the headline of what is shown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, DepthState, MappingState, MembershipPick, MembershipState, View};
use crate::hooks::use_chunks::{use_chunks, Fill};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::layout::bipartite::{Node, Target};
use crate::model::date::local_number;
use crate::model::Standing;

/// The headline of what the current view shows, for the live region: the current event's title and
/// date, or the selected node, state, organisation or provision. Only the headline, never the card.
/// With nothing selected in another view than the timeline, the playhead's date where `dated` (the
/// live region: stepping there moves the date, which is what changes on screen), else nothing.
pub(crate) fn headline(
    app: AppState,
    mapping: MappingState,
    membership: MembershipState,
    depth: DepthState,
    dated: bool,
) -> String {
    let date = move |l| {
        if dated {
            crate::components::controls::playhead_date(app.playhead.get())
                .local(l)
                .to_string()
        } else {
            String::new()
        }
    };
    app.data.with(|d| {
        let l = d.locale;
        match app.view.get() {
            View::Timeline => app
                .current()
                .and_then(|i| d.events.get(i))
                .map(|e| format!("{}, {}", e.title, e.date.local(l)))
                .unwrap_or_default(),
            View::Mapping => match (mapping.selected.get(), &d.mapping) {
                (Some(Target::Node(Node::RoadMap(i))), Some(m)) => m
                    .road_maps
                    .get(i)
                    .map(|r| td_string!(l, alt.road_map, label = &r.label)),
                (Some(Target::Node(Node::Programme(i))), Some(m)) => m
                    .programmes
                    .get(i)
                    .map(|p| td_string!(l, alt.programme, label = &p.label)),
                (Some(Target::Link(_)), Some(_)) => {
                    Some(td_string!(l, alt.link_selected).to_owned())
                }
                _ => None,
            }
            .unwrap_or_else(|| date(l)),
            View::Membership => match (membership.selected.get(), &d.membership) {
                (Some(MembershipPick::State(s)), Some(m)) => m
                    .states
                    .get(s)
                    .map(|x| td_string!(l, alt.history_of, name = &x.label)),
                (Some(MembershipPick::Organisation(o)), Some(m)) => m
                    .organisations
                    .get(o)
                    .map(|x| td_string!(l, alt.timeline_of, name = &x.label)),
                _ => None,
            }
            .unwrap_or_else(|| date(l)),
            View::Depth => depth
                .selected
                .get()
                .and_then(|p| {
                    d.depth
                        .as_ref()?
                        .provisions
                        .get(p)
                        .map(|p| td_string!(l, alt.provision, label = &p.label))
                })
                .unwrap_or_else(|| date(l)),
        }
    })
}

/// The page's one polite live region. While the product plays it holds still: the events the playhead
/// passes (the dates, in the other views) would otherwise be read one over another, several a second,
/// and the screen reader would talk over its user for as long as playback lasts (a carousel that turns
/// by itself silences its live region for the same reason). Where playback stopped is read when it
/// stops; what the user picks or steps to is read at once, since either pauses playback.
#[component]
pub fn Announcer() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    let membership = expect_context::<MembershipState>();
    let depth = expect_context::<DepthState>();
    // The headline and the view it was made for: going to another view while it plays reads where it
    // is once, instead of holding another view's headline.
    let said = Memo::new(move |previous: Option<&(View, String)>| {
        let view = app.view.get();
        let holding = app.playing.get();
        match previous {
            // Nothing else is read while holding, so nothing is worked out at each frame.
            Some(held) if holding && held.0 == view => held.clone(),
            // In a story, the step's caption, which the audience reads above the chart (and which
            // holds still while the step's transition moves the playhead).
            _ => match story_caption(app) {
                Some(caption) => (view, caption),
                None => (view, headline(app, mapping, membership, depth, true)),
            },
        }
    });
    view! { <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">{move || said.with(|(_, text)| text.clone())}</div> }
}

/// The story step shown, as its position and caption ("Step 2 / 9: …"), while a story is told.
fn story_caption(app: AppState) -> Option<String> {
    let i = app.step.get()?;
    app.data.with(|d| {
        let story = d.story.as_ref()?;
        let step = story.steps.get(i)?;
        let at = td_string!(
            d.locale,
            story.position,
            step = i + 1,
            count = story.steps.len()
        );
        Some(format!("{at}: {}", step.caption))
    })
}

/// The timeline's events as a list of buttons; the current one is marked, and is the list's one stop
/// for Tab (the first item before any is current): the arrows, Home and End walk the events from
/// there, the focus following the current event, so that Tab leaves the list at once rather than
/// after every event. With thousands of events the
/// list is thousands of items, made while the browser is idle (while the timeline plays, only a hundred
/// items a second, so that its frames do not wait on the list): each item
/// is plain elements, with no handler and nothing reactive of its own. One handler on the list opens
/// the event of the button clicked, and one effect moves the mark from item to item, so that making
/// the list costs its elements only, and a new current event costs two attributes.
#[component]
pub fn EventList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let i18n = use_i18n();
    // Playing, zoomed or panned: the list's making and its marks wait (see below).
    let busy = Signal::derive(move || app.playing.get() || app.gesturing.get());
    let chunks = use_chunks(
        move || app.data.with(|d| d.events.len()),
        Fill::WhenIdle { busy: Some(busy) },
    );
    let list = NodeRef::<leptos::html::Ol>::new();
    // The item marked current, so that the mark can be taken off it when another is current. An item
    // is made with the marks as they were last set, not as they are now: the effects below wait while
    // the timeline plays and then move the marks from where they were set to where they belong.
    let marked = StoredValue::new(untrack(|| app.current()));
    Effect::new(move |_| {
        // Held back while the timeline plays or is zoomed, as the list's making is (the list is in
        // the accessibility tree throughout, and a change in it costs the frame its style and
        // layout), and brought up to date when that stops.
        if busy.get() {
            return;
        }
        // Items not made yet are marked as they are made.
        let now = app.current();
        if let Some(ol) = list.get() {
            let button = |i: usize| {
                u32::try_from(i)
                    .ok()
                    .and_then(|i| ol.children().item(i))
                    .and_then(|li| li.first_element_child())
            };
            let before = marked.get_value();
            if let Some(b) = before.filter(|&m| Some(m) != now).and_then(button) {
                let _ = b.remove_attribute("aria-current");
            }
            if let Some(b) = now.and_then(button) {
                let _ = b.set_attribute("aria-current", "true");
            }
            // The one stop for Tab moves with the mark; the focus too, if it is in the list.
            if before != now {
                if let Some(b) = button(before.unwrap_or(0)) {
                    let _ = b.set_attribute("tabindex", "-1");
                }
                if let Some(b) = button(now.unwrap_or(0)) {
                    let _ = b.set_attribute("tabindex", "0");
                    let document = web_sys::window().and_then(|w| w.document());
                    let inside = document
                        .and_then(|d| d.active_element())
                        .is_some_and(|a| ol.contains(Some(&a)));
                    if let (true, Ok(b)) = (inside, b.dyn_into::<web_sys::HtmlElement>()) {
                        crate::hooks::use_keyboard::focus_quietly(&b);
                    }
                }
            }
        }
        marked.set_value(now);
    });
    // The events after the playhead's date, which the chart draws faint, say so: an attribute whose
    // text the style sheet adds after the item's (read with it), set as an item is made and then
    // changed only on the items the playhead has passed since. Held back while the timeline plays or
    // is zoomed, as the list's making is (the live region holds still then too), and brought up to
    // date when it stops: its frames do not wait on the list.
    let later_from_at = move |t: f64| {
        app.data
            .with(|d| d.events.partition_point(|e| e.date.anchor().as_f64() <= t))
    };
    // The first event after the playhead's date, as last set on the items.
    let later_from = StoredValue::new(untrack(|| later_from_at(app.playhead.get())));
    Effect::new(move |_| {
        if busy.get() {
            return;
        }
        let from = later_from_at(app.playhead.get());
        let text = app.data.with(|d| later_text(d.locale));
        let before = later_from.get_value();
        later_from.set_value(from);
        let Some(ol) = list.get() else { return };
        let items = ol.children();
        for i in before.min(from)..before.max(from) {
            let button = u32::try_from(i)
                .ok()
                .and_then(|i| items.item(i))
                .and_then(|li| li.first_element_child());
            if let Some(b) = button {
                let _ = if i >= from {
                    b.set_attribute("data-later", &text)
                } else {
                    b.remove_attribute("data-later")
                };
            }
        }
    });
    let open = move |ev: web_sys::MouseEvent| {
        let index = crate::hooks::target_element(&ev)
            .and_then(|t| t.closest("button[data-index]").ok().flatten())
            .and_then(|b| b.get_attribute("data-index"))
            .and_then(|v| v.parse::<usize>().ok());
        if let Some(i) = index {
            app.go_to(i);
        }
    };
    // Laid out, and so in the accessibility tree, once complete (see the style sheet).
    let filling = move || {
        let made = chunks.with(|c| c.last().map_or(0, |(_, r)| r.end));
        made < app.data.with(|d| d.events.len())
    };
    view! {
        <nav class="text-alternative" class:filling=filling aria-label=move || t_string!(i18n, alt.events_list)>
            <h2>{move || t_string!(i18n, alt.events)}</h2>
            <ol node_ref=list on:click=open>
                <For each=move || chunks.get() key=Clone::clone let((_, range))>
                {
                let (now, later) = (marked.get_value(), later_from.get_value());
                app.data.with_untracked(|d| d.events.get(range.clone()).unwrap_or_default().iter().zip(range.clone()).map(|(e, i)| {
                    let track = d.tracks.get(e.track).map(|t| t.label.clone()).unwrap_or_default();
                    let status = e.status.map(|s| format!(", {}", s.label(d.locale))).unwrap_or_default();
                    let text = format!("{} — {} ({track}{status})", e.date.local(d.locale), e.title);
                    let day = e.date.anchor().0;
                    view! {
                        <li><button type="button" class="link" data-day=day data-index=i
                            data-later=(i >= later).then(|| later_text(d.locale))
                            tabindex=if now.unwrap_or(0) == i { "0" } else { "-1" }
                            aria-current=(now == Some(i)).then_some("true")>{text}</button></li>
                    }
                }).collect_view())}
                </For>
            </ol>
        </nav>
    }
}

/// What the events list adds to an event after the playhead's date.
fn later_text(locale: crate::i18n::Locale) -> String {
    format!(" — {}", td_string!(locale, alt.declared_later))
}

/// The road maps, programmes and their links as lists of buttons.
#[component]
pub fn MappingList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    // `later`: what is said of an item the diagram does not show yet at the playhead's date (from
    // `from`, a day), as the depth lists say it.
    let item = move |target: Target, text: String, from: f64, later: &'static str| {
        let not_yet = Memo::new(move |_| app.playhead.get() < from);
        view! {
            <li><button type="button" class="link"
                aria-current=move || (mapping.selected.get() == Some(target)).then_some("true")
                on:click=move |_| mapping.selected.set(Some(target))>{text}
                {move || not_yet.get().then(|| format!(" — {later}"))}</button></li>
        }
    };
    let i18n = use_i18n();
    view! {
        <nav class="text-alternative" aria-label=move || t_string!(i18n, alt.mapping_lists)>
            {move || app.data.with(|d| d.mapping.as_ref().map(|m| {
                let l = d.locale;
                let roads = m.road_maps.iter().enumerate().map(|(i, r)| {
                    let to: Vec<String> = m.links_from(i).filter_map(|k| m.programmes.get(m.links[k].to).map(|p| format!("{} ({})", p.label, m.links[k].evidence.label(l)))).collect();
                    let leads = if to.is_empty() { td_string!(l, alt.no_programme).to_owned() } else { td_string!(l, alt.became, programmes = to.join("; ")) };
                    item(Target::Node(Node::RoadMap(i)), format!("{}{}: {}; {leads}", if r.count > 1 { format!("{} × ", r.count) } else { String::new() }, r.label, r.status.label(l)), r.reported.first_day().as_f64(), td_string!(l, alt.reported_later))
                }).collect_view();
                let programmes = m.programmes.iter().enumerate().map(|(i, p)| item(Target::Node(Node::Programme(i)), td_string!(l, alt.signed, label = &p.label, date = p.approved.local(l)), p.approved.first_day().as_f64(), td_string!(l, alt.signed_later))).collect_view();
                view! {
                    <h2>{td_string!(l, alt.road_maps)}</h2><ol>{roads}</ol>
                    <h2>{td_string!(l, alt.programmes)}</h2><ol>{programmes}</ol>
                }
            }))}
        </nav>
    }
}

/// Who belongs where at the playhead, as a table; state and organisation names pick them.
#[component]
pub fn MembershipTable() -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = expect_context::<MembershipState>();
    let i18n = use_i18n();
    view! {
        <section class="text-alternative" aria-label=move || t_string!(i18n, alt.membership_table)>
            {move || app.data.with(|d| d.membership.as_ref().map(|m| {
                let l = d.locale;
                let head = m.organisations.iter().enumerate().map(|(o, org)| view! {
                    <th scope="col"><button type="button" class="link" on:click=move |_| state.selected.set(Some(MembershipPick::Organisation(o)))>{org.label.clone()}</button></th>
                }).collect_view();
                // The cells are worked out again only when the playhead passes a day on which one
                // of them changes, not at every frame of playback.
                let days = m.change_days();
                let epoch = Memo::new(move |_| {
                    let t = app.playhead.get();
                    days.partition_point(|&d| d <= t)
                });
                let rows = m.states.iter().enumerate().map(|(s, st)| {
                    // As the cells say it: the standing and the year it began (or ended), and in an
                    // organisation's column before its founding or after its end, that year.
                    let cells = (0..m.organisations.len()).map(|o| view! {
                        <td>{move || app.data.with(|d| d.membership.as_ref().map(|m| {
                            epoch.track();
                            let (t, l) = (app.playhead.get_untracked(), d.locale);
                            let org = &m.organisations[o];
                            // Not founded yet, or dissolved, decided as the greyed column decides it.
                            if !m.exists(o, t) {
                                return if org.founded.first_day().as_f64() > t {
                                    td_string!(l, cell.from, year = org.founded.year).to_string()
                                } else {
                                    td_string!(l, cell.ended, year = org.ended.map_or(org.founded.year, |e| e.year)).to_string()
                                };
                            }
                            let standing = m.standing(s, o, t);
                            match (standing, m.last_change(s, o, t)) {
                                (Standing::None, _) => String::new(),
                                (_, Some(day)) => td_string!(l, alt.standing_year, standing = standing.label(l), year = crate::model::Day(day as i32).ymd().0).to_string(),
                                (_, None) => standing.label(l).to_owned(),
                            }
                        }))}</td>
                    }).collect_view();
                    view! {
                        <tr><th scope="row"><button type="button" class="link" on:click=move |_| state.selected.set(Some(MembershipPick::State(s)))>{st.label.clone()}</button></th>{cells}</tr>
                    }
                }).collect_view();
                view! {
                    <table>
                        <caption>{td_string!(l, alt.membership_caption)}</caption>
                        <thead><tr><td></td>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            }))}
        </section>
    }
}

/// Sector levels at the playhead and the provisions, as text.
#[component]
pub fn DepthList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let depth = expect_context::<DepthState>();
    let i18n = use_i18n();
    view! {
        <nav class="text-alternative" aria-label=move || t_string!(i18n, alt.depth_lists)>
            {move || app.data.with(|d| d.depth.as_ref().map(|x| {
                let loc = d.locale;
                x.sectors.iter().enumerate().map(|(s, sec)| {
                    let provisions = x.provisions.iter().enumerate().filter(|(_, p)| p.sector == s).map(|(i, p)| {
                        let label = td_string!(loc, alt.declared, label = &p.label, date = p.declared.local(loc));
                        // Drawn faint on the ladder until the playhead reaches it; said here.
                        let from = p.declared.first_day().as_f64();
                        let later = Memo::new(move |_| app.playhead.get() < from);
                        view! {
                            <li><button type="button" class="link"
                                aria-current=move || (depth.selected.get() == Some(i)).then_some("true")
                                on:click=move |_| depth.selected.set(Some(i))>{label}
                                {move || later.get().then(|| format!(" — {}", td_string!(loc, alt.declared_later)))}</button></li>
                        }
                    }).collect_view();
                    let level = move || app.data.with(|d| d.depth.as_ref().map(|x| {
                        let l = x.level(s, app.playhead.get());
                        td_string!(d.locale, alt.level, declared = local_number(l.declared, d.locale), delivered = local_number(l.delivered, d.locale))
                    }));
                    view! { <h2>{sec.label.clone()}": " {level}</h2><ul>{provisions}</ul> }
                }).collect_view()
            }))}
        </nav>
    }
}
