//! The membership matrix on a phone, laid out with the text estimate fitted to a wide face: on its own
//! in this binary, because the fitted factors are the process's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use union_state::i18n::Locale;
use union_state::layout::matrix;
use union_state::layout::text::{calibrate, width_px};

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
        }
    }
}
