//! Loading a dataset of one's own: a file picker, drag and drop onto the page, and the `data` URL
//! parameter (a same-origin relative path, read before the page is built: see `Start` in `app.rs`). A
//! bad file gets a notice that names the place of every problem, and the dataset shown stays as it was
//! (for the `data` parameter, the bundled one).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::{AppState, DepthState, MappingState, MembershipState};
use crate::components::language::untranslated_notice;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::model::{events_in, text_from_utf8, Dataset, MAX_DATASET_BYTES};
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
                let notice = loaded_notice(name, &data, l);
                self.replace(Arc::new(data));
                self.app.source.set_value(Some(Arc::from(text)));
                self.notice.set(Some(notice));
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
            match read_text(Ok(file.array_buffer())).await {
                Ok(text) => self.load_text(&name, &text),
                Err(_) => self.fail(
                    td_string!(self.locale(), data.unreadable, name = clip(&name)),
                    Vec::new(),
                ),
            }
        });
    }
}

/// A file name or path cut to the length a notice quotes.
pub(crate) fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

/// How the page opens when its `data` URL parameter names a dataset, read before the page is built:
/// with that dataset if it could be read (and its text, kept for export), otherwise with the bundled
/// one; either way with a notice saying which.
pub struct Opening {
    /// The dataset read, or `None` for the bundled one.
    pub data: Option<(Dataset, Arc<str>)>,
    /// What became of it.
    pub notice: Notice,
}

/// The path the page's `data` URL parameter names: `None` if there is none, `Err` with the notice
/// to show if it is not one this page fetches (only same-origin relative paths are).
pub fn data_param(locale: Locale) -> Option<Result<String, Notice>> {
    let search = web_sys::window()?.location().search().ok()?;
    let path = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("data")?;
    Some(
        crate::params::check_data_path(&path)
            .map(|()| path)
            .map_err(|why| Notice {
                error: true,
                title: td_string!(locale, data.param_ignored).to_owned(),
                lines: vec![why],
            }),
    )
}

/// Fetches and reads the dataset at `path`, with its texts in `locale`.
pub async fn open_param(path: String, locale: Locale) -> Opening {
    let refused = |lines| Opening {
        data: None,
        notice: Notice {
            error: true,
            title: td_string!(locale, data.bundled_shown, name = clip(&path)),
            lines,
        },
    };
    match fetch_text(&path).await {
        Ok(text) => match Dataset::from_json_in(&text, locale) {
            Ok(data) => Opening {
                notice: loaded_notice(&path, &data, locale),
                data: Some((data, Arc::from(text))),
            },
            Err(e) => {
                leptos::logging::warn!("{path} could not be loaded: {e}");
                refused(e.lines())
            }
        },
        Err(why) => refused(vec![why]),
    }
}

/// The notice for a dataset read from `name` and shown: how many events, and how many texts are not
/// in the page's language.
fn loaded_notice(name: &str, data: &Dataset, locale: Locale) -> Notice {
    Notice {
        error: false,
        title: td_string!(
            locale,
            data.loaded,
            name = clip(name),
            events = events_in(data.events.len(), locale)
        ),
        lines: untranslated_notice(data)
            .map(|n| vec![n.title])
            .unwrap_or_default(),
    }
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let request = started_early(&window, path).unwrap_or_else(|| window.fetch_with_str(path));
    let response = JsFuture::from(request)
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
    read_text(response.array_buffer()).await
}

/// The request for `path` that the page's first script (`public/early-data.js`) started while the
/// program was loading, if it started one for this very path. Taken once: a later load fetches afresh.
fn started_early(window: &web_sys::Window, path: &str) -> Option<js_sys::Promise> {
    let key = wasm_bindgen::JsValue::from_str("__unionStateData");
    let early = js_sys::Reflect::get(window, &key).ok()?;
    js_sys::Reflect::delete_property(window, &key).ok()?;
    let field =
        |name: &str| js_sys::Reflect::get(&early, &wasm_bindgen::JsValue::from_str(name)).ok();
    if field("path")?.as_string()? != path {
        return None;
    }
    field("response")?.dyn_into().ok()
}

/// Reads a body (a response's or a file's) as text, as `text()` would, but brought into the program as
/// bytes: a JavaScript string would be decoded from UTF-8 only to be encoded again on the way in, tens
/// of milliseconds for a large dataset.
async fn read_text(body: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Result<String, String> {
    let buffer = JsFuture::from(body.map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(text_from_utf8(js_sys::Uint8Array::new(&buffer).to_vec()))
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
            loader.replace(Arc::clone(d));
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
            // The bundled dataset as the JSON file the page reads, every source and confidence mark in
            // it: from the single file, with no network, it is the only way to the data itself.
            <button type="button" id="dataset-save" title=move || t_string!(i18n, data.save_title) on:click=|_| save_bundled()>{t!(i18n, data.save)}</button>
        </div>
    }
}

/// Offers the bundled dataset as a download, as the JSON the page reads (without the white space of
/// the source file).
fn save_bundled() {
    crate::components::export::download_text(
        crate::model::BUNDLED_JSON,
        "application/json",
        "union-state-data.json",
    );
}

/// The notice, dismissible; errors are announced assertively, successes politely. It sits in a bar of
/// its own, which on a wide screen takes no height, so that the chart keeps its size whether a notice
/// shows or not (the notice floats over the top of the side column).
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notice = expect_context::<NoticeState>().0;
    let i18n = use_i18n();
    let shown = move || {
        notice.get().map(|n| {
            let class = if n.error { "notice error" } else { "notice" };
            let role = if n.error { "alert" } else { "status" };
            view! {
                // The dismiss button first (in the order of the keys too), outside the text, which
                // scrolls on its own in a short frame.
                <div id="notice" class=class role=role>
                    <button type="button" class="dismiss" aria-label=td_string!(i18n.get_locale_untracked(), data.dismiss) on:click=move |_| notice.set(None)>"×"</button>
                    <div class="notice-text">
                        <p><strong>{n.title}</strong></p>
                        {(!n.lines.is_empty()).then(|| view! { <ul>{n.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })}
                    </div>
                </div>
            }
        })
    };
    view! { <div class="notice-bar">{shown}</div> }
}
