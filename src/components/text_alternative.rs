//! Text alternatives of the canvas views: lists and tables in the DOM, in sync with the selection,
//! hidden from sight until one of their controls takes keyboard focus, and the one polite live region
//! that announces the headline of what is shown.

use leptos::prelude::*;

use crate::app::{AppState, DepthState, MappingState, MembershipPick, MembershipState, View};
use crate::layout::bipartite::{Node, Target};
use crate::model::Standing;

/// The headline of what the current view shows, for the live region: the current event's title and
/// date, or the selected node, state, organisation or provision. Only the headline, never the card.
fn headline(
    app: AppState,
    mapping: MappingState,
    membership: MembershipState,
    depth: DepthState,
) -> String {
    app.data.with(|d| match app.view.get() {
        View::Timeline => app
            .current()
            .and_then(|i| d.events.get(i))
            .map(|e| format!("{}, {}", e.title, e.date))
            .unwrap_or_default(),
        View::Mapping => match (mapping.selected.get(), &d.mapping) {
            (Some(Target::Node(Node::RoadMap(i))), Some(m)) => {
                m.road_maps.get(i).map(|r| format!("Road map: {}", r.label))
            }
            (Some(Target::Node(Node::Programme(i))), Some(m)) => m
                .programmes
                .get(i)
                .map(|p| format!("Union programme: {}", p.label)),
            (Some(Target::Link(_)), Some(_)) => Some("Link selected".to_owned()),
            _ => None,
        }
        .unwrap_or_default(),
        View::Membership => match (membership.selected.get(), &d.membership) {
            (Some(MembershipPick::State(s)), Some(m)) => {
                m.states.get(s).map(|x| format!("History of {}", x.label))
            }
            (Some(MembershipPick::Organisation(o)), Some(m)) => m
                .organisations
                .get(o)
                .map(|x| format!("Timeline of {}", x.label)),
            _ => None,
        }
        .unwrap_or_default(),
        View::Depth => depth
            .selected
            .get()
            .and_then(|p| {
                d.depth
                    .as_ref()?
                    .provisions
                    .get(p)
                    .map(|p| format!("Provision: {}", p.label))
            })
            .unwrap_or_default(),
    })
}

/// The page's one polite live region.
#[component]
pub fn Announcer() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    let membership = expect_context::<MembershipState>();
    let depth = expect_context::<DepthState>();
    let text = Memo::new(move |_| headline(app, mapping, membership, depth));
    view! { <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">{move || text.get()}</div> }
}

/// The timeline's events as a list of buttons; the current one is marked.
#[component]
pub fn EventList() -> impl IntoView {
    let app = expect_context::<AppState>();
    // A selector wakes only the two items whose state changes, not every item: with thousands of
    // events, stepping stays cheap.
    let current = Selector::new(move || app.current());
    view! {
        <nav class="text-alternative" aria-label="Events as a list">
            <h2>"Events"</h2>
            <ol>
                {move || app.data.with(|d| d.events.iter().enumerate().map(|(i, e)| {
                    let track = d.tracks.get(e.track).map(|t| t.label.clone()).unwrap_or_default();
                    let status = e.status.map(|s| format!(", {}", s.label())).unwrap_or_default();
                    let text = format!("{} — {} ({track}{status})", e.date, e.title);
                    let current = current.clone();
                    let day = e.date.anchor().0;
                    view! {
                        <li><button type="button" class="link" data-day=day
                            aria-current=move || current.selected(&Some(i)).then_some("true")
                            on:click=move |_| app.go_to(i)>{text}</button></li>
                    }
                }).collect_view())}
            </ol>
        </nav>
    }
}

/// The road maps, programmes and their links as lists of buttons.
#[component]
pub fn MappingList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let mapping = expect_context::<MappingState>();
    let item = move |target: Target, text: String| {
        view! {
            <li><button type="button" class="link"
                aria-current=move || (mapping.selected.get() == Some(target)).then_some("true")
                on:click=move |_| mapping.selected.set(Some(target))>{text}</button></li>
        }
    };
    view! {
        <nav class="text-alternative" aria-label="Road maps and programmes as lists">
            {move || app.data.with(|d| d.mapping.as_ref().map(|m| {
                let roads = m.road_maps.iter().enumerate().map(|(i, r)| {
                    let to: Vec<String> = m.links_from(i).filter_map(|l| m.programmes.get(m.links[l].to).map(|p| format!("{} ({})", p.label, m.links[l].evidence.label()))).collect();
                    let leads = if to.is_empty() { "led to no programme".to_owned() } else { format!("became {}", to.join("; ")) };
                    item(Target::Node(Node::RoadMap(i)), format!("{}{}: {}; {leads}", if r.count > 1 { format!("{} × ", r.count) } else { String::new() }, r.label, r.status.label()))
                }).collect_view();
                let programmes = m.programmes.iter().enumerate().map(|(i, p)| item(Target::Node(Node::Programme(i)), format!("{} (approved {})", p.label, p.approved))).collect_view();
                view! {
                    <h2>"Road maps"</h2><ol>{roads}</ol>
                    <h2>"Union programmes"</h2><ol>{programmes}</ol>
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
    view! {
        <section class="text-alternative" aria-label="Memberships as a table">
            {move || app.data.with(|d| d.membership.as_ref().map(|m| {
                let head = m.organisations.iter().enumerate().map(|(o, org)| view! {
                    <th scope="col"><button type="button" class="link" on:click=move |_| state.selected.set(Some(MembershipPick::Organisation(o)))>{org.label.clone()}</button></th>
                }).collect_view();
                let rows = m.states.iter().enumerate().map(|(s, st)| {
                    let cells = (0..m.organisations.len()).map(|o| view! {
                        <td>{move || app.data.with(|d| d.membership.as_ref().map(|m| {
                            let standing = m.standing(s, o, app.playhead.get());
                            if standing == Standing::None { String::new() } else { standing.label().to_owned() }
                        }))}</td>
                    }).collect_view();
                    view! {
                        <tr><th scope="row"><button type="button" class="link" on:click=move |_| state.selected.set(Some(MembershipPick::State(s)))>{st.label.clone()}</button></th>{cells}</tr>
                    }
                }).collect_view();
                view! {
                    <table>
                        <caption>"Memberships at the playhead's date"</caption>
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
    view! {
        <nav class="text-alternative" aria-label="Depth by sector as lists">
            {move || app.data.with(|d| d.depth.as_ref().map(|x| {
                x.sectors.iter().enumerate().map(|(s, sec)| {
                    let provisions = x.provisions.iter().enumerate().filter(|(_, p)| p.sector == s).map(|(i, p)| {
                        let label = format!("{} (declared {})", p.label, p.declared);
                        view! {
                            <li><button type="button" class="link"
                                aria-current=move || (depth.selected.get() == Some(i)).then_some("true")
                                on:click=move |_| depth.selected.set(Some(i))>{label}</button></li>
                        }
                    }).collect_view();
                    let level = move || app.data.with(|d| d.depth.as_ref().map(|x| {
                        let l = x.level(s, app.playhead.get());
                        format!("{} declared, {} delivered", l.declared, l.delivered)
                    }));
                    view! { <h2>{sec.label.clone()}": " {level}</h2><ul>{provisions}</ul> }
                }).collect_view()
            }))}
        </nav>
    }
}
