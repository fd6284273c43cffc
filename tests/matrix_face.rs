//! The membership matrix on a phone, laid out with the text estimate fitted to a wide face: on its own
//! in this binary, because the fitted factors are the process's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use plotters::prelude::*;
use union_state::i18n::Locale;
use union_state::layout::matrix;
use union_state::layout::text::{calibrate, width_px};
use union_state::model::Day;
use union_state::render::membership::{draw_matrix, MatrixFrame};
use union_state::render::theme::{Theme, LIGHT};

/// Debian's Chromium sets `sans-serif` in DejaVu Sans: each calibration sample's width at 1 px, as its
/// canvas measures them (Latin lower and upper case, Cyrillic lower and upper case, digits, the rest).
const DEJAVU: [(&str, f64); 6] = [
    ("abcdefghijklmnopqrstuvwxyz", 14.646),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 17.472),
    ("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", 21.927),
    ("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", 25.107),
    ("0123456789", 6.362),
    (" .,:;()-–/%…", 5.556),
];

#[test]
fn in_a_wide_face_a_phones_columns_keep_their_names_and_years_whole() {
    calibrate(|s| {
        DEJAVU
            .iter()
            .find(|(sample, _)| *sample == s)
            .map_or(f64::NAN, |(_, w)| *w)
    });
    for locale in [Locale::ru, Locale::en] {
        let m = union_state::model::bundled_in(locale)
            .unwrap()
            .membership
            .as_ref()
            .unwrap();
        // A 390 px phone's canvas, and a little wider.
        for w in [356.0, 400.0] {
            let g = matrix::layout(m, w, 600.0);
            let cut: Vec<String> = g
                .column_labels
                .iter()
                .map(|l| l.join(" "))
                .filter(|l| l.ends_with('…'))
                .collect();
            assert!(cut.is_empty(), "{locale:?} at {w}: {cut:?}");
            // Room in every column for the year a greyed column gives ("–2015") and a year under a
            // mark.
            let year = width_px("–8888", g.metrics.cell_font_px) + 4.0;
            for c in 0..m.organisations.len() {
                assert!(
                    g.col_w(c) >= year,
                    "{locale:?} at {w}: column {c} is {} px, a year needs {year}",
                    g.col_w(c)
                );
            }
            // The groups' names whole, or left out over a single column.
            for band in &g.bands {
                assert!(
                    !band.label.ends_with('…'),
                    "{locale:?} at {w}: {}",
                    band.label
                );
            }
            // Drawn: one wording in the whole matrix, the cells' and the greyed columns' alike
            // ("1991 | с 1994", "до 2015 | –2015" read as if they differed).
            let theme = Theme { locale, ..LIGHT };
            for t in [2001, 2015, 2026] {
                let frame = MatrixFrame {
                    playhead_day: Day::from_ymd(t, 6, 1).as_f64(),
                    appear_days: 0.0,
                    state: None,
                    organisation: None,
                };
                let mut out = String::new();
                {
                    let root =
                        SVGBackend::with_string(&mut out, (w as u32, 600)).into_drawing_area();
                    draw_matrix(&root, m, &g, &frame, &theme).unwrap();
                }
                let texts = common::svg_words(&out);
                let bare = |t: &&&str| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
                let dashed = |t: &&&str| t.starts_with('–') || t.ends_with('–');
                let years = texts.iter().filter(bare).count();
                let since = if locale == Locale::ru {
                    "с "
                } else {
                    "since "
                };
                let with_words = texts.iter().filter(|t| t.starts_with(since)).count();
                assert!(
                    years == 0 || with_words == 0,
                    "{locale:?} at {w}, {t}: {texts:?}"
                );
                let ended = if locale == Locale::ru {
                    "до "
                } else {
                    "ended "
                };
                let notes_in_words = texts.iter().filter(|t| t.starts_with(ended)).count();
                let notes_dashed = texts.iter().filter(dashed).count();
                assert!(
                    notes_in_words == 0 || notes_dashed == 0,
                    "{locale:?} at {w}, {t}: {texts:?}"
                );
                // No year cut short (a past membership's "–2009" among them).
                let cut: Vec<&&str> = texts
                    .iter()
                    .filter(|t| t.ends_with('…') && t.chars().any(|c| c.is_ascii_digit()))
                    .collect();
                assert!(cut.is_empty(), "{locale:?} at {w}, {t}: {cut:?}");
            }
        }
    }
}
