//! The language of the interface and the data: a switch in the header, and the dataset read again in
//! the chosen language whenever it changes (texts without a translation fall back to English, marked,
//! and a notice says how many).

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::data_loader::{Notice, NoticeState};
use crate::i18n::{t_string, td_string, use_i18n, Locale};
use crate::model::{self, Dataset, LoadError};

/// The notice for a dataset with texts that have no translation, if it has any.
pub fn untranslated_notice(d: &Dataset) -> Option<Notice> {
    (d.untranslated > 0).then(|| Notice {
        error: false,
        title: td_string!(
            d.locale,
            language.untranslated,
            count = model::count_in(d.untranslated, d.locale)
        ),
        lines: Vec::new(),
    })
}

/// Reads the dataset again whenever the language changes. Indices stay valid (only the texts change),
/// so the view, the time and the selection carry over.
pub fn use_language(state: AppState) {
    let i18n = use_i18n();
    let notice = expect_context::<NoticeState>().0;
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        if state.data.with_untracked(|d| d.locale) == locale {
            return;
        }
        let read: Result<Arc<Dataset>, LoadError> = match state.source.get_value() {
            Some(text) => Dataset::from_json_in(&text, locale).map(Arc::new),
            None => model::bundled_in(locale).cloned().map_err(Clone::clone),
        };
        match read {
            Ok(data) => {
                notice.set(untranslated_notice(&data));
                state.data.set(data);
            }
            Err(e) => notice.set(Some(Notice {
                error: true,
                title: td_string!(locale, language.failed).to_owned(),
                lines: e.lines(),
            })),
        }
    });
}

/// The switch between English and Russian, in the header: each language named in itself.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |locale: Locale, id: &'static str, short: &'static str| {
        let name = match locale {
            Locale::en => td_string!(locale, language.en),
            Locale::ru => td_string!(locale, language.ru),
        };
        view! {
            <button type="button" id=id lang=locale.to_string() title=name
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |_| i18n.set_locale(locale)>{short}</button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || t_string!(i18n, language.label)>
            {option(Locale::en, "lang-en", "EN")}
            {option(Locale::ru, "lang-ru", "RU")}
        </div>
    }
}
