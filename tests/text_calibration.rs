//! The text-width estimate fitted to a face (`layout::text::calibrate`): on its own in this binary,
//! because the fitted factors are the process's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use union_state::layout::text::{calibrate, truncate, width_px};

#[test]
fn a_wider_face_widens_the_estimate_by_kind_and_a_narrower_one_does_not_narrow_it() {
    let ru = "Поставки нефти и ценообразование";
    let en = "Oil supply and pricing";
    let digits = "26 Feb 2026";
    let (ru0, en0, d0) = (
        width_px(ru, 10.0),
        width_px(en, 10.0),
        width_px(digits, 10.0),
    );
    // A face whose Cyrillic is a tenth wider than the table, and the rest as the table says (measured
    // through the table itself).
    let table = |s: &str| width_px(s, 1.0);
    calibrate(|s| {
        if s.chars().any(|c| ('а'..='я').contains(&c)) {
            table(s) * 1.1
        } else {
            table(s)
        }
    });
    assert!(
        (width_px(ru, 10.0) - ru0 * 1.1).abs() < 0.05 * ru0,
        "Cyrillic widened"
    );
    assert!((width_px(en, 10.0) - en0).abs() < 1e-6, "Latin as before");
    assert!(
        (width_px(digits, 10.0) - d0).abs() < 1e-6,
        "digits as before"
    );
    // Cut to fit, a label fits in the face (the estimate now measures as the face does), and keeps
    // fewer letters than the table alone would have kept.
    let cut = truncate(ru, 10.0, 120.0);
    assert!(cut.ends_with('…') && width_px(&cut, 10.0) <= 120.0, "{cut}");
    // A narrower face, a failed or absurd measurement: never narrower than the table, at most 30 % wider.
    calibrate(|s| table(s) * 0.8);
    assert!(truncate(ru, 10.0, 120.0).chars().count() > cut.chars().count());
    assert!((width_px(ru, 10.0) - ru0).abs() < 1e-6);
    calibrate(|_| f64::NAN);
    assert!((width_px(ru, 10.0) - ru0).abs() < 1e-6);
    calibrate(|s| table(s) * 5.0);
    assert!((width_px(ru, 10.0) - ru0 * 1.3).abs() < 0.01 * ru0);
}
