//! Loading a dataset of one's own: a file picker, drag and drop onto the page, and the `data` URL
//! parameter (a same-origin relative path). A bad file gets a notice that names the place of every
//! problem, and the dataset shown stays as it was.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::{AppState, DepthState, MappingState, MembershipState};
use crate::components::language::untranslated_notice;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::model::{Dataset, MAX_DATASET_BYTES};
use leptos_i18n::I18nContext;

/// A message for the user about loading, shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Whether it reports a failure.
    pub error: bool,
    /// One-line headline.
    pub title: String,
    /// Details, one per line.
    pub lines: Vec<String>,
}

/// Where the notice lives, provided at the root.
#[derive(Debug, Clone, Copy)]
pub struct NoticeState(pub RwSignal<Option<Notice>>);

/// Everything loading touches, gathered once from context so it can be used from event handlers and
/// async tasks, which run outside the component tree.
#[derive(Debug, Clone, Copy)]
pub struct Loader {
    app: AppState,
    mapping: MappingState,
    membership: MembershipState,
    depth: DepthState,
    notice: RwSignal<Option<Notice>>,
    i18n: I18nContext<Locale>,
}

impl Loader {
    /// The loader of the current component tree.
    pub fn from_context() -> Loader {
        Loader {
            app: expect_context(),
            mapping: expect_context(),
            membership: expect_context(),
            depth: expect_context(),
            notice: expect_context::<NoticeState>().0,
            i18n: use_i18n(),
        }
    }

    fn fail(&self, title: String, lines: Vec<String>) {
        self.notice.set(Some(Notice {
            error: true,
            title,
            lines,
        }));
    }

    /// Parses `text` (from `name`) and, if it is a valid dataset, shows it in every view; otherwise shows
    /// a notice with every problem and keeps the current dataset.
    pub fn load_text(&self, name: &str, text: &str) {
        let l = self.locale();
        match Dataset::from_json_in(text, l) {
            Ok(data) => {
                let events = data.events.len();
                let lines = untranslated_notice(&data)
                    .map(|n| vec![n.title])
                    .unwrap_or_default();
                self.replace(Arc::new(data));
                self.app.source.set_value(Some(Arc::from(text)));
                self.notice.set(Some(Notice {
                    error: false,
                    title: td_string!(l, data.loaded, name = clip(name), events = events),
                    lines,
                }));
            }
            Err(e) => {
                leptos::logging::warn!("{name} could not be loaded: {e}");
                self.fail(td_string!(l, data.unchanged, name = clip(name)), e.lines());
            }
        }
    }

    fn locale(&self) -> Locale {
        self.i18n.get_locale_untracked()
    }

    /// Shows `data` in every view, starting afresh: indices into the old dataset mean nothing in the new.
    pub fn replace(&self, data: Arc<Dataset>) {
        self.mapping.clear();
        self.mapping.filter.set(None);
        self.membership.selected.set(None);
        self.membership.hovered.set(None);
        self.depth.selected.set(None);
        self.depth.hovered.set(None);
        self.app.replace(data);
    }

    /// Reads a file chosen or dropped by the user, refusing one over the size limit before reading it.
    pub fn load_file(self, file: web_sys::File) {
        let name = file.name();
        if file.size() > MAX_DATASET_BYTES as f64 {
            self.fail(
                td_string!(self.locale(), data.unchanged, name = clip(&name)),
                vec![format!(
                    "the file is {} bytes; the limit is {MAX_DATASET_BYTES} bytes",
                    file.size()
                )],
            );
            return;
        }
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
            {
                Some(text) => self.load_text(&name, &text),
                None => self.fail(
                    td_string!(self.locale(), data.unreadable, name = clip(&name)),
                    Vec::new(),
                ),
            }
        });
    }
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Loads the dataset named by the page's `data` URL parameter, if there is one.
pub fn use_data_param() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(search) = window.location().search() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let Some(path) = params.get("data") else {
        return;
    };
    let loader = Loader::from_context();
    if let Err(why) = crate::params::check_data_path(&path) {
        loader.fail(
            td_string!(loader.locale(), data.param_ignored).to_owned(),
            vec![why],
        );
        return;
    }
    leptos::task::spawn_local(async move {
        match fetch_text(&path).await {
            Ok(text) => loader.load_text(&path, &text),
            Err(why) => loader.fail(
                td_string!(loader.locale(), data.bundled_shown, name = clip(&path)),
                vec![why],
            ),
        }
    });
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| format!("the request failed: {e:?}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string()
        .ok_or_else(|| "the response is not text".to_owned())
}

/// Lets the user drop a dataset file anywhere on the page.
pub fn use_drop_loading() {
    let loader = Loader::from_context();
    let over = window_event_listener(leptos::ev::dragover, |ev: web_sys::DragEvent| {
        ev.prevent_default()
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            loader.load_file(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// The "Open dataset" control and the way back to the bundled data.
#[component]
pub fn DataMenu() -> impl IntoView {
    let loader = Loader::from_context();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            loader.load_file(file);
        }
        // Choosing the same file again should load it again.
        input.set_value("");
    };
    let bundled = move |_| {
        if let Ok(d) = crate::model::bundled_in(loader.locale()) {
            loader.replace(Arc::new(d.clone()));
            loader.app.source.set_value(None);
            loader.notice.set(None);
        }
    };
    let i18n = use_i18n();
    view! {
        <div class="data-menu">
            <label class="button" title=move || t_string!(i18n, data.open_title)>
                {t!(i18n, data.open)}
                <input id="dataset-file" type="file" accept=".json,application/json" class="visually-hidden" on:change=on_change/>
            </label>
            <button type="button" id="dataset-bundled" on:click=bundled>{t!(i18n, data.bundled)}</button>
        </div>
    }
}

/// The notice, dismissible; errors are announced assertively, successes politely.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notice = expect_context::<NoticeState>().0;
    let i18n = use_i18n();
    move || {
        notice.get().map(|n| {
            let class = if n.error { "notice error" } else { "notice" };
            let role = if n.error { "alert" } else { "status" };
            view! {
                <div id="notice" class=class role=role>
                    <p><strong>{n.title}</strong></p>
                    {(!n.lines.is_empty()).then(|| view! { <ul>{n.lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul> })}
                    <button type="button" class="dismiss" aria-label=td_string!(i18n.get_locale_untracked(), data.dismiss) on:click=move |_| notice.set(None)>"×"</button>
                </div>
            }
        })
    }
}
