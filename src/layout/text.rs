//! Text width estimation in pure Rust.
//!
//! Measuring text in the browser costs a forced layout per string, far too slow for every frame. The
//! views size and truncate labels with this estimate instead: per-character advance widths, as fractions
//! of the font size, for a typical sans-serif face. Faces differ (DejaVu Sans, Linux's usual
//! sans-serif, sets Cyrillic 4 to 5 % and digits 10 % wider than the table), so the page measures one
//! line of each kind of character once as it starts, in the charts' face, and [`calibrate`] widens the
//! table's kinds to match: labels cut or placed with the estimate then fit in the face the reader's
//! browser draws them in. The estimate is never made narrower than the table.

use std::sync::atomic::{AtomicU32, Ordering};

/// How much wider than [`width_px`] text may really be drawn (in a bold face, or a wide one such as
/// DejaVu Sans): the room made for text that must not be cut off or overlapped.
pub const SLACK: f64 = 1.3;

/// How much wider than [`width_px`] a line in the regular face may really be drawn, the estimate
/// being [fitted](calibrate) to the face (a line's mix of narrow and wide letters differs from the
/// samples'): the room kept where such a line must fit whole.
pub const FIT: f64 = 1.08;

/// How much wider a text set in bold may be than [`width_px`] says (bold DejaVu Sans is about a tenth
/// wider than its regular face): the room kept for a label drawn bold when it is lit.
pub const BOLD_WIDER: f64 = 1.12;

/// The kinds of character the calibration measures apart: Latin lower and upper case, Cyrillic lower
/// and upper case, digits, and everything else (spaces, punctuation).
const KINDS: usize = 6;

/// One line of each kind, as [`calibrate`] measures them.
const SAMPLES: [&str; KINDS] = [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "0123456789",
    " .,:;()-–/%…",
];

/// The most the calibration widens a kind by: a measurement beyond it is taken for an error.
const MOST: f64 = 1.3;

/// Each kind's factor over the table, as `f32` bits (1.0 until [`calibrate`] is called).
static FACTORS: [AtomicU32; KINDS] = [const { AtomicU32::new(0x3f80_0000) }; KINDS];

fn kind(c: char) -> usize {
    match c {
        'a'..='z' => 0,
        'A'..='Z' => 1,
        'а'..='я' | 'ё' => 2,
        'А'..='Я' | 'Ё' => 3,
        '0'..='9' => 4,
        _ => 5,
    }
}

fn factors() -> [f64; KINDS] {
    std::array::from_fn(|k| f64::from(f32::from_bits(FACTORS[k].load(Ordering::Relaxed))))
}

/// Fits the estimate to a face: `measure` gives the width of a text set at 1 px in it (the page passes
/// the canvas's `measureText` in the charts' face). Each kind of character is widened by how much wider
/// its sample line measures than the table says, up to 30 %; never narrowed. Layouts made after it use
/// the fitted estimate.
pub fn calibrate(measure: impl Fn(&str) -> f64) {
    for (k, sample) in SAMPLES.iter().enumerate() {
        let table: f64 = sample.chars().map(advance).sum();
        let measured = measure(sample);
        let factor = if measured.is_finite() && table > 0.0 {
            (measured / table).clamp(1.0, MOST)
        } else {
            1.0
        };
        FACTORS[k].store((factor as f32).to_bits(), Ordering::Relaxed);
    }
}

/// Advance of `c` as the table gives it, widened by its kind's factor in `f`.
fn fitted(c: char, f: &[f64; KINDS]) -> f64 {
    advance(c) * f[kind(c)]
}

/// Estimated advance of one character, as a fraction of the font size, as the table gives it.
fn advance(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.30,
        'f' | 't' | 'r' | ' ' | '\u{a0}' | '(' | ')' | '-' | '/' | '[' | ']' => 0.38,
        'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'ю' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'м' | 'ы' => {
            0.90
        }
        '–' | '—' => 0.75,
        // Wider than the table's common letter in the usual faces (DejaVu Sans: 0.8 em each): a
        // label's two ellipses, or a Cyrillic word with "ф", ran past its room.
        '…' | 'ф' | 'Ф' => 0.80,
        c if c.is_ascii_digit() => 0.58,
        c if c.is_uppercase() => 0.70,
        _ => 0.58,
    }
}

/// Estimated width in px of `text` set at `font_px`.
pub fn width_px(text: &str, font_px: f64) -> f64 {
    let f = factors();
    text.chars().map(|c| fitted(c, &f)).sum::<f64>() * font_px
}

/// `text` cut to fit `max_px` at `font_px`, ending in an ellipsis when cut. Empty if nothing fits.
pub fn truncate(text: &str, font_px: f64, max_px: f64) -> String {
    if width_px(text, font_px) <= max_px {
        return text.to_owned();
    }
    let f = factors();
    let budget = max_px - fitted('…', &f) * font_px;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += fitted(c, &f) * font_px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    let out = out.trim_end();
    if out.is_empty() {
        String::new()
    } else {
        format!("{out}…")
    }
}

/// `texts`, each cut to fit `max_px` at `font_px` as [`truncate`] cuts it, except that texts cut to the
/// same words ("Единый рынок…" three times) are told apart: their shared first words give way to an
/// ellipsis, the last of them kept where there is room ("…рынок газа", "…рынок нефти…").
pub fn truncate_apart(texts: &[&str], font_px: f64, max_px: f64) -> Vec<String> {
    let mut out: Vec<String> = texts.iter().map(|t| truncate(t, font_px, max_px)).collect();
    for i in 0..out.len() {
        if !out[i].ends_with('…') {
            continue;
        }
        let same: Vec<usize> = (0..out.len())
            .filter(|&j| j == i || (out[j] == out[i] && texts[j] != texts[i]))
            .collect();
        if same.len() < 2 {
            continue;
        }
        let words: Vec<Vec<&str>> = same
            .iter()
            .map(|&j| texts[j].split(' ').collect())
            .collect();
        let shared = (0..)
            .take_while(|&k| {
                words[0]
                    .get(k)
                    .is_some_and(|w| words.iter().all(|ws| ws.get(k) == Some(w)))
            })
            .count();
        if shared == 0 {
            continue;
        }
        for (&j, ws) in same.iter().zip(&words) {
            let tail = |from: usize| format!("…{}", ws[from.min(ws.len())..].join(" "));
            let kept_one = tail(shared - 1);
            out[j] = if width_px(&kept_one, font_px) <= max_px {
                kept_one
            } else {
                truncate(&tail(shared), font_px, max_px)
            };
        }
    }
    out
}

/// The first of `candidates` (a text and shorter forms of it, longest first) that fits `max_px` at
/// `font_px`; if none does, the last, cut to fit, keeping a count it ends with (" (31)") whole where
/// the rest leaves it room. Empty if there are none.
pub fn fit_first(candidates: &[&str], font_px: f64, max_px: f64) -> String {
    match candidates.iter().find(|c| width_px(c, font_px) <= max_px) {
        Some(c) => (*c).to_owned(),
        None => candidates.last().map_or_else(String::new, |last| {
            truncate_before_count(last, font_px, max_px)
        }),
    }
}

/// `text` cut to fit `max_px` at `font_px`; where it ends with a count in brackets (" (31)"), the words
/// before it are cut and the count kept, as long as a word's first letter still fits before it.
fn truncate_before_count(text: &str, font_px: f64, max_px: f64) -> String {
    let count = text
        .rfind(" (")
        .filter(|&i| text.ends_with(')') && i > 0)
        .map(|i| text.split_at(i));
    if let Some((words, count)) = count {
        let cut = truncate(words, font_px, max_px - width_px(count, font_px));
        if !cut.is_empty() {
            return format!("{cut}{count}");
        }
    }
    truncate(text, font_px, max_px)
}

/// `text` with the spaces a line should not break at made non-breaking: between a number and the year's
/// mark ("1990 г.", "2002 – 2010 гг."), between a day's number of one or two digits and the word after
/// it ("16 ноября", "8 Dec"), and before a dash ("итог — 1"), so that no line begins with "г." or a
/// dash, or ends on a day's number. Borrowed unchanged where there is none.
pub fn keep_together(text: &str) -> std::borrow::Cow<'_, str> {
    // One pass over the bytes (every text of a dataset goes through here as it loads): the length of
    // the run of digits just before each space is counted on the way. A space can only be kept with
    // its neighbours after a digit or before a dash (whose first byte is 0xE2), so eight bytes at a
    // time with neither a byte of 0x30 to 0x3F nor one of 0xE0 to 0xEF are passed over, seven of them
    // (the eighth is looked at again: a space there may have a dash after it).
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let bytes = text.as_bytes();
    // The byte offsets of the spaces to replace.
    let mut at: Vec<usize> = Vec::new();
    let mut digits = 0;
    let mut i = 0;
    while i < bytes.len() {
        if digits == 0 {
            if let Some(word) = bytes.get(i..i + 8) {
                let high = u64::from_le_bytes(word.try_into().unwrap_or_default()) & NIBBLES;
                if !has_zero_byte(high ^ (0x30 * ONES)) && !has_zero_byte(high ^ (0xE0 * ONES)) {
                    i += 7;
                    continue;
                }
            }
        }
        let b = bytes[i];
        if b.is_ascii_digit() {
            digits += 1;
            i += 1;
            continue;
        }
        if b == b' ' {
            let after = &bytes[i + 1..];
            let dash = after.len() >= 3
                && after[0] == 0xE2
                && after[1] == 0x80
                && (after[2] == 0x93 || after[2] == 0x94);
            let numbered = digits > 0 && {
                let before = (i > digits).then(|| bytes[i - digits - 1]);
                let day = digits <= 2
                    && !before.is_some_and(|b| b == b'.' || b == b',')
                    && text[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                day || after.starts_with("г.".as_bytes()) || after.starts_with("гг.".as_bytes())
            };
            if dash || numbered {
                at.push(i);
            }
        }
        digits = 0;
        i += 1;
    }
    if at.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + at.len());
    let mut from = 0;
    for i in at {
        out.push_str(&text[from..i]);
        out.push('\u{a0}');
        from = i + 1;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// [`two_lines`] measured in bold type of `font_px` (with the room bold takes, [`BOLD_WIDER`]): for a
/// name drawn bold when it is lit, which must fit either way.
pub fn two_bold_lines(text: &str, font_px: f64) -> Option<([String; 2], f64)> {
    two_lines(text, |l| width_px(l, font_px) * BOLD_WIDER)
}

/// `text` broken at one space into the two lines whose wider, by `width`, is narrowest, and that
/// width; `None` for a single word.
pub fn two_lines(text: &str, width: impl Fn(&str) -> f64) -> Option<([String; 2], f64)> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    (1..words.len())
        .map(|k| {
            let lines = [words[..k].join(" "), words[k..].join(" ")];
            let wider = width(&lines[0]).max(width(&lines[1]));
            (lines, wider)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// Where each of `n` lines `pitch` px apart goes, first to last, so that together they are centred on
/// `middle`: down a block of text, or across it where the lines run upwards side by side.
pub fn centred_lines(middle: f64, n: usize, pitch: f64) -> impl Iterator<Item = f64> {
    let first = middle - pitch * (n as f64 - 1.0) / 2.0;
    (0..n).map(move |k| first + pitch * k as f64)
}

/// `text`, set in bold, broken at spaces (never at a non-breaking one) into at most `max_lines` lines
/// that each fit `max_px` at `font_px` with the room bold type may take ([`SLACK`]); the last line is
/// cut with an ellipsis if the rest does not fit. A line is never left empty while words remain.
pub fn wrap_bold(text: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    let room = max_px / SLACK;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = text.split([' ', '\t', '\n']).filter(|w| !w.is_empty());
    while let Some(word) = words.next() {
        let longer = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width_px(&longer, font_px) <= room {
            line = longer;
            continue;
        }
        if lines.len() + 1 >= max_lines {
            // The last line: everything left, cut to fit.
            let rest: Vec<&str> = std::iter::once(word).chain(words.by_ref()).collect();
            line = format!("{line} {}", rest.join(" "));
            break;
        }
        lines.push(std::mem::replace(&mut line, word.to_owned()));
    }
    if !line.is_empty() {
        lines.push(truncate(&line, font_px, room));
    }
    lines
}

/// [`wrap_bold`], every line then cut to the room bold type has in `max_px` (a word wider than that
/// alone on a line, which `wrap_bold` leaves whole, included); lines with nothing left are left out.
pub fn wrap_cut(text: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    wrap_bold(text, font_px, max_px, max_lines)
        .iter()
        .map(|line| truncate(line, font_px, max_px / SLACK))
        .filter(|line| !line.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_centred_on_their_middle() {
        let at = |middle, n, pitch| centred_lines(middle, n, pitch).collect::<Vec<f64>>();
        assert_eq!(at(10.0, 3, 2.0), vec![8.0, 10.0, 12.0]);
        assert_eq!(at(10.0, 2, 4.0), vec![8.0, 12.0]);
        assert_eq!(at(10.0, 1, 4.0), vec![10.0]);
        assert!(at(10.0, 0, 4.0).is_empty());
    }

    #[test]
    fn wider_text_measures_wider() {
        assert!(width_px("MMMM", 12.0) > width_px("iiii", 12.0));
        assert!((width_px("abc", 24.0) - 2.0 * width_px("abc", 12.0)).abs() < 1e-9);
        assert_eq!(width_px("", 12.0), 0.0);
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let t = truncate("Treaty on the Creation of the Union State", 12.0, 100.0);
        assert!(t.ends_with('…'));
        assert!(width_px(&t, 12.0) <= 100.0);
        assert_eq!(truncate("Short", 12.0, 100.0), "Short");
        assert_eq!(truncate("Anything", 12.0, 3.0), "");
    }

    #[test]
    fn dates_numbers_and_dashes_are_kept_with_their_words() {
        let nb = |t: &str| keep_together(t).replace('\u{a0}', "_");
        assert_eq!(nb("от договора 1990 г. между"), "от договора 1990_г. между");
        assert_eq!(nb("с 1 января 2004 г."), "с 1_января 2004_г.");
        assert_eq!(
            nb("16 ноября 2010 г. и 2002 – 2010 гг."),
            "16_ноября 2010_г. и 2002_– 2010_гг."
        );
        assert_eq!(nb("on 8 Dec 1999 — signed"), "on 8_Dec 1999_— signed");
        // Not a day: a year, a decimal, a count of three digits, a word before the space.
        assert_eq!(
            nb("in 1999 the 6.5 pts, 125 events, road maps"),
            "in 1999 the 6.5 pts, 125 events, road maps"
        );
        assert!(matches!(
            keep_together("no breaks here"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn what_is_kept_together_is_found_wherever_it_falls_in_the_text() {
        // The text is read eight bytes at a time where nothing in them can matter: a day, a year's
        // mark or a dash at each offset from the start, after Latin or Cyrillic letters, and a space
        // ending the passed-over bytes with a dash after it.
        for pad in ["x", "ж", "xy"] {
            for n in 0..20 {
                let lead = pad.repeat(n);
                let nb = |t: &str| keep_together(&format!("{lead}{t}")).replace('\u{a0}', "_");
                assert_eq!(
                    nb(" 1 Jan 2004"),
                    format!("{lead} 1_Jan 2004"),
                    "{n} x {pad}"
                );
                assert_eq!(nb(" 12 мая"), format!("{lead} 12_мая"), "{n} x {pad}");
                assert_eq!(nb(" 1990 г."), format!("{lead} 1990_г."), "{n} x {pad}");
                assert_eq!(nb(" — итог"), format!("{lead}_— итог"), "{n} x {pad}");
                assert_eq!(nb("ab – cd"), format!("{lead}ab_– cd"), "{n} x {pad}");
                assert_eq!(nb(" 123 days"), format!("{lead} 123 days"), "{n} x {pad}");
            }
        }
    }

    #[test]
    fn texts_cut_alike_are_told_apart_by_their_ends() {
        let texts = [
            "Единый рынок газа",
            "Единый рынок нефти и нефтепродуктов",
            "Единый рынок электроэнергии",
            "Ветеринарный контроль",
        ];
        let room = width_px("Единый рынок…", 11.0) + 2.0;
        let cut = truncate_apart(&texts, 11.0, room);
        assert_eq!(cut[0], "…рынок газа");
        assert!(
            cut[1].starts_with('…') && cut[2].starts_with('…'),
            "{cut:?}"
        );
        assert!(cut[1] != cut[2] && cut[0] != cut[1], "{cut:?}");
        assert!(cut.iter().all(|c| width_px(c, 11.0) <= room), "{cut:?}");
        // Cut alike but the same text (nothing to tell apart), or cut differently: as truncate cuts.
        assert_eq!(
            truncate_apart(&texts[3..], 11.0, room),
            [truncate(texts[3], 11.0, room)]
        );
        let wide = truncate_apart(&texts, 11.0, 500.0);
        assert_eq!(wide, texts.map(str::to_owned));
    }

    #[test]
    fn the_first_form_that_fits_is_taken_else_the_last_cut() {
        let forms = ["Road maps 2019–2020 (31)", "Road maps (31)"];
        assert_eq!(fit_first(&forms, 12.0, 500.0), forms[0]);
        let room = width_px(forms[1], 12.0);
        assert_eq!(fit_first(&forms, 12.0, room), forms[1]);
        let cut = fit_first(&forms, 12.0, room - 10.0);
        assert!(cut.ends_with("… (31)") && width_px(&cut, 12.0) <= room - 10.0);
        assert_eq!(fit_first(&[], 12.0, 100.0), "");
        // Where not even a letter fits before the count, the whole is cut; text with no count is cut
        // at its end.
        let tiny = width_px("R… (31)", 12.0) - 1.0;
        let cut = fit_first(&forms, 12.0, tiny);
        assert!(
            !cut.contains("(31)") && width_px(&cut, 12.0) <= tiny,
            "{cut}"
        );
        let cut = fit_first(&["Programmes"], 12.0, width_px("Progr", 12.0));
        assert!(cut.starts_with("Pro") && cut.ends_with('…'), "{cut}");
    }

    #[test]
    fn bold_text_wraps_into_lines_that_fit_with_room_to_spare() {
        let title =
            "Officials' claims of measures implemented (self-reported, not independently verified)";
        let lines = wrap_bold(title, 11.0, 370.0, 2);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines.join(" "),
            title,
            "nothing is lost when two lines hold it"
        );
        for l in &lines {
            assert!(width_px(l, 11.0) * SLACK <= 370.0, "{l:?} is too wide");
        }
        assert_eq!(wrap_bold(title, 11.0, 2000.0, 2), vec![title.to_owned()]);
        // Too long for the lines allowed: the last line is cut, and says so.
        let cut = wrap_bold(title, 11.0, 150.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…') && width_px(&cut[1], 11.0) * SLACK <= 150.0);
        assert!(wrap_bold("", 11.0, 100.0, 2).is_empty());
    }

    #[test]
    fn wrapped_and_cut_every_line_fits_an_overlong_word_too() {
        let room = width_px("Post-So", 12.0) * SLACK;
        let lines = wrap_cut("Post-Soviet beginnings", 12.0, room, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        for l in &lines {
            assert!(
                width_px(l, 12.0) * SLACK <= room + 1e-9,
                "{l:?} is too wide"
            );
            assert!(l.ends_with('…'), "{l:?}");
        }
        // Where wrapping alone fits, the same lines.
        let title = "Officials' claims of measures implemented (self-reported)";
        assert_eq!(
            wrap_cut(title, 11.0, 370.0, 2),
            wrap_bold(title, 11.0, 370.0, 2)
        );
    }
}
