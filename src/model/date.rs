//! Calendar dates with a precision, and the day count the layout works in.
//!
//! Time in this crate is a count of days since 1970-01-01 (proleptic Gregorian), held as [`Day`]. The
//! layout turns days into pixels with `f64` arithmetic; the calendar maths here (days <-> year, month,
//! day) follows Howard Hinnant's `days_from_civil` algorithm, exact for every date we could meet.

use std::fmt;

use crate::i18n::{td_string, Locale};

/// A day, counted from 1970-01-01 (day 0). Negative before 1970.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day of a calendar date. The caller guarantees `1 <= month <= 12` and a valid day of month.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Day {
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = month as i32;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// The calendar date (year, month 1-12, day 1-31) of this day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// This day as a fractional day count, the unit of the time scales.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0)
    }
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        _ => 28,
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Known to the day.
    Day,
    /// Known to the month.
    Month,
    /// Known to the year.
    Year,
}

/// The number a run of ASCII digits writes, or `None` if any byte is not one (at most four of them
/// here, so it cannot overflow).
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// One end of a date as written: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month (1-12), if given.
    pub month: Option<u32>,
    /// Day of month, if given.
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar. The text is read as bytes
    /// (every character a date may hold is ASCII), with no searching machinery: a dataset of ten
    /// thousand events has as many dates, read before its first frame.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let bad = || DateError::Format(clip(text), "");
        let mut parts = text.as_bytes().split(|&b| b == b'-');
        let year = match parts.next() {
            Some(p) if p.len() == 4 => digits(p)
                .and_then(|y| i32::try_from(y).ok())
                .ok_or_else(bad)?,
            _ => return Err(bad()),
        };
        let mut number = |hint: &'static str| -> Result<Option<u32>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 => digits(p)
                    .map(Some)
                    .ok_or_else(|| DateError::Format(clip(text), hint)),
                Some(_) => Err(DateError::Format(clip(text), hint)),
            }
        };
        let month = number(" (the month must be two digits)")?;
        let day = number(" (the day must be two digits)")?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Impossible(clip(text)));
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError::Impossible(clip(text)));
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// The precision this date was written with.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day this date covers.
    pub fn first_day(self) -> Day {
        Day::from_ymd(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date covers.
    pub fn last_day(self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Day::from_ymd(self.year, month, day)
    }
}

impl fmt::Display for PartialDate {
    /// Writes the date as an English reader expects it: `8 Dec 1999`, `Dec 1999` or `1999`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.local(Locale::en))
    }
}

/// English three-letter month name (1-12).
pub fn month_abbrev(month: u32) -> &'static str {
    month_name(month, Locale::en)
}

/// Short month name (1-12) in `locale`, as it stands alone: `Mar`, `март`.
pub fn month_name(month: u32, locale: Locale) -> &'static str {
    match month {
        1 => td_string!(locale, month.jan),
        2 => td_string!(locale, month.feb),
        3 => td_string!(locale, month.mar),
        4 => td_string!(locale, month.apr),
        5 => td_string!(locale, month.may),
        6 => td_string!(locale, month.jun),
        7 => td_string!(locale, month.jul),
        8 => td_string!(locale, month.aug),
        9 => td_string!(locale, month.sep),
        10 => td_string!(locale, month.oct),
        11 => td_string!(locale, month.nov),
        12 => td_string!(locale, month.dec),
        _ => "?",
    }
}

/// Short month name (1-12) in `locale` after a day: `8 Mar`, `8 марта`.
fn month_of_day(month: u32, locale: Locale) -> &'static str {
    match month {
        1 => td_string!(locale, month_of_day.jan),
        2 => td_string!(locale, month_of_day.feb),
        3 => td_string!(locale, month_of_day.mar),
        4 => td_string!(locale, month_of_day.apr),
        5 => td_string!(locale, month_of_day.may),
        6 => td_string!(locale, month_of_day.jun),
        7 => td_string!(locale, month_of_day.jul),
        8 => td_string!(locale, month_of_day.aug),
        9 => td_string!(locale, month_of_day.sep),
        10 => td_string!(locale, month_of_day.oct),
        11 => td_string!(locale, month_of_day.nov),
        12 => td_string!(locale, month_of_day.dec),
        _ => "?",
    }
}

/// A date written in a language: see [`PartialDate::local`] and [`EventDate::local`].
#[derive(Debug, Clone, Copy)]
pub struct Local<T> {
    date: T,
    locale: Locale,
}

/// A number as a reader of `locale` writes it: `6.5` in English, `6,5` in Russian (a decimal comma).
pub fn local_number(v: f64, locale: Locale) -> String {
    let text = v.to_string();
    match locale {
        Locale::ru => text.replace('.', ","),
        _ => text,
    }
}

impl PartialDate {
    /// The date as a reader of `locale` expects it: `8 Dec 1999`, `8 дек. 1999 г.`.
    pub fn local(self, locale: Locale) -> Local<PartialDate> {
        Local { date: self, locale }
    }
}

impl PartialDate {
    /// The date as [`PartialDate::local`] writes it but without the year's mark (`8 дек. 1999`), for a
    /// compact readout such as the one beside the scrubber.
    pub fn local_plain(self, locale: Locale) -> String {
        match (self.month, self.day) {
            (Some(m), Some(day)) => format!("{day} {} {}", month_of_day(m, locale), self.year),
            (Some(m), None) => format!("{} {}", month_name(m, locale), self.year),
            _ => self.year.to_string(),
        }
    }
}

/// Written with the year's mark of `locale` after it (Russian "8 дек. 1999 г.", "1999 г.").
impl fmt::Display for Local<PartialDate> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, l) = (self.date, self.locale);
        let date = d.local_plain(l);
        write!(f, "{}", td_string!(l, date.dated, date = date))
    }
}

/// A range says what its ends share once: "8–9 Nov 2021", "8 Nov – 3 Dec 2021", "Sep – Nov 2021", and a
/// range of two years carries the mark of years once (Russian "1999 – 2000 гг."); ends of other
/// years, or of different precision, are written whole ("8 дек. 1999 г. – 2000 г.").
impl fmt::Display for Local<EventDate> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, l) = (self.date, self.locale);
        let Some(end) = d.end else {
            return write!(f, "{}", d.start.local(l));
        };
        let a = d.start;
        let same_year = a.year == end.year;
        let shared = match (a.month, a.day, end.month, end.day) {
            (None, _, None, _) => {
                let (from, to) = (a.year, end.year);
                return write!(f, "{}", td_string!(l, date.years, from = from, to = to));
            }
            (Some(m), Some(x), Some(n), Some(y)) if same_year && m == n => {
                format!("{x}–{y} {} {}", month_of_day(m, l), a.year)
            }
            (Some(m), Some(x), Some(n), Some(y)) if same_year => format!(
                "{x} {} – {y} {} {}",
                month_of_day(m, l),
                month_of_day(n, l),
                a.year
            ),
            (Some(m), None, Some(n), None) if same_year => {
                format!("{} – {} {}", month_name(m, l), month_name(n, l), a.year)
            }
            _ => return write!(f, "{} – {}", a.local(l), end.local(l)),
        };
        write!(f, "{}", td_string!(l, date.dated, date = shared))
    }
}

/// When an event happened: one date, or a range between two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The (first) date as written.
    pub start: PartialDate,
    /// The end of a range, if the event spans one.
    pub end: Option<PartialDate>,
}

impl EventDate {
    /// Parses `DATE` or `DATE/DATE`; the end of a range may not come before its start.
    pub fn parse(text: &str) -> Result<EventDate, DateError> {
        let slash = text.bytes().position(|b| b == b'/');
        match slash.map(|i| (&text[..i], &text[i + 1..])) {
            None => Ok(EventDate {
                start: PartialDate::parse(text)?,
                end: None,
            }),
            Some((a, b)) => {
                let start = PartialDate::parse(a)?;
                let end = PartialDate::parse(b)?;
                if end.last_day() < start.first_day() {
                    return Err(DateError::Reversed(clip(text)));
                }
                Ok(EventDate {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    /// The precision of the date (a range reports the coarser of its ends).
    pub fn precision(&self) -> Precision {
        let p = self.start.precision();
        match self.end.map(PartialDate::precision) {
            Some(Precision::Year) => Precision::Year,
            Some(Precision::Month) if p == Precision::Day => Precision::Month,
            _ => p,
        }
    }

    /// What the date's precision means, for a reader of `locale` (" (year known only)"): of both ends
    /// for a range whose ends are equally precise (" (years known only)"), else of the less precise.
    /// Empty for a day.
    pub fn precision_note(&self, locale: Locale) -> &'static str {
        let both = self
            .end
            .is_some_and(|end| end.precision() == self.start.precision());
        match (self.precision(), both) {
            (Precision::Day, _) => "",
            (Precision::Month, false) => td_string!(locale, card.month_known),
            (Precision::Month, true) => td_string!(locale, card.months_known),
            (Precision::Year, false) => td_string!(locale, card.year_known),
            (Precision::Year, true) => td_string!(locale, card.years_known),
        }
    }

    /// Whether this is a range rather than one date.
    pub fn is_range(&self) -> bool {
        self.end.is_some()
    }

    /// The first day covered.
    pub fn first_day(&self) -> Day {
        self.start.first_day()
    }

    /// The last day covered.
    pub fn last_day(&self) -> Day {
        self.end.unwrap_or(self.start).last_day()
    }

    /// The day the timeline places the event at: its first day. A playhead reaching it shows the event.
    pub fn anchor(&self) -> Day {
        self.first_day()
    }
}

impl EventDate {
    /// The date (or range) as a reader of `locale` expects it.
    pub fn local(self, locale: Locale) -> Local<EventDate> {
        Local { date: self, locale }
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            None => write!(f, "{}", self.start),
            Some(end) => write!(f, "{} – {}", self.start, end),
        }
    }
}

/// A date as quoted in a message: at most 40 characters, so a huge value cannot make a huge message.
fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (with a hint, or "").
    #[error("'{0}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD{1}")]
    Format(String, &'static str),
    /// Well formed but not on the calendar (month 13, 30 February...).
    #[error("'{0}' is not a day on the calendar")]
    Impossible(String),
    /// A range whose end comes before its start.
    #[error("the range '{0}' ends before it starts")]
    Reversed(String),
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn day_round_trips_through_the_calendar() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(
            Day::from_ymd(2000, 3, 1).0 - Day::from_ymd(2000, 2, 28).0,
            2
        );
        for d in (-30_000..30_000).step_by(7) {
            let (y, m, dd) = Day(d).ymd();
            assert_eq!(Day::from_ymd(y, m, dd), Day(d));
        }
    }

    #[test]
    fn parses_each_precision() {
        let d = EventDate::parse("1999-12-08").unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.to_string(), "8 Dec 1999");
        let m = EventDate::parse("1998-01").unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(m.last_day(), Day::from_ymd(1998, 1, 31));
        let y = EventDate::parse("2001").unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert_eq!(y.first_day(), Day::from_ymd(2001, 1, 1));
        let r = EventDate::parse("2002/2010").unwrap();
        assert!(r.is_range());
        assert_eq!(r.last_day(), Day::from_ymd(2010, 12, 31));
        assert_eq!(r.to_string(), "2002 – 2010");
    }

    #[test]
    fn a_range_of_years_says_the_years_are_known() {
        let note = |text: &str, l| EventDate::parse(text).unwrap().precision_note(l);
        assert_eq!(note("2002/2010", Locale::ru), " (известны только годы)");
        assert_eq!(note("2002", Locale::ru), " (известен только год)");
        assert_eq!(note("1999-12-08/2000", Locale::en), " (year known only)");
        assert_eq!(
            note("2021-09/2021-11", Locale::en),
            " (months known, not the days)"
        );
        assert_eq!(note("2021-09-01/2021-11-02", Locale::en), "");
    }

    #[test]
    fn russian_dates_carry_the_years_mark() {
        let ru = |text: &str| {
            EventDate::parse(text)
                .unwrap()
                .local(Locale::ru)
                .to_string()
        };
        assert_eq!(ru("1999-12-08"), "8 дек. 1999\u{a0}г.");
        assert_eq!(ru("1998-03"), "март 1998\u{a0}г.");
        assert_eq!(ru("2001"), "2001\u{a0}г.");
        assert_eq!(ru("2002/2010"), "2002–2010\u{a0}гг.");
        assert_eq!(
            ru("1999-12-08/2000-01"),
            "8 дек. 1999\u{a0}г. – янв. 2000\u{a0}г."
        );
        assert_eq!(ru("2021-11-08/2021-11-09"), "8–9 нояб. 2021\u{a0}г.");
        assert_eq!(ru("2021-11-08/2021-12-03"), "8 нояб. – 3 дек. 2021\u{a0}г.");
        assert_eq!(ru("2021-09/2021-11"), "сент. – нояб. 2021\u{a0}г.");
        assert_eq!(
            ru("2020-02/2021-03"),
            "февр. 2020\u{a0}г. – март 2021\u{a0}г."
        );
        let day = PartialDate::parse("1999-12-08").unwrap();
        assert_eq!(day.local_plain(Locale::ru), "8 дек. 1999");
        let en = |text: &str| {
            EventDate::parse(text)
                .unwrap()
                .local(Locale::en)
                .to_string()
        };
        assert_eq!(en("2002/2010"), "2002 – 2010");
        assert_eq!(en("1999-12-08/2000"), "8 Dec 1999 – 2000");
        assert_eq!(en("2021-11-08/2021-11-09"), "8–9 Nov 2021");
        assert_eq!(en("2021-11-08/2021-12-03"), "8 Nov – 3 Dec 2021");
        assert_eq!(en("2021-09/2021-11"), "Sep – Nov 2021");
        assert_eq!(en("2021-09-20/2021-11"), "20 Sep 2021 – Nov 2021");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(matches!(
            PartialDate::parse("2023-02-29"),
            Err(DateError::Impossible(_))
        ));
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(matches!(
            PartialDate::parse("1999-13"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            PartialDate::parse("99-12-01"),
            Err(DateError::Format(..))
        ));
        assert!(matches!(
            PartialDate::parse("1999-1-01"),
            Err(DateError::Format(..))
        ));
        assert!(matches!(
            PartialDate::parse("1999-12-08-01"),
            Err(DateError::Format(..))
        ));
        assert!(matches!(
            EventDate::parse("2010/2002"),
            Err(DateError::Reversed(_))
        ));
    }

    /// Every way a date can be written wrong, and the answer each gets: the hint where the month or
    /// the day is not two digits, the part of a range that is wrong, characters beyond ASCII.
    #[test]
    fn answers_each_malformed_date_with_its_own_error() {
        let wrong = |text: &str, hint: &'static str| DateError::Format(text.to_owned(), hint);
        let format = |text: &str, hint: &'static str| Err(wrong(text, hint));
        let impossible = |text: &str| Err(DateError::Impossible(text.to_owned()));
        let month = " (the month must be two digits)";
        let day = " (the day must be two digits)";
        let date = |year, month, day| Ok(PartialDate { year, month, day });
        let cases: [(&str, Result<PartialDate, DateError>); 26] = [
            ("1999", date(1999, None, None)),
            ("0001-01-01", date(1, Some(1), Some(1))),
            ("2024-02-29", date(2024, Some(2), Some(29))),
            ("", format("", "")),
            ("199", format("199", "")),
            ("19999", format("19999", "")),
            ("19a9", format("19a9", "")),
            ("-1999", format("-1999", "")),
            (
                "\u{ff11}\u{ff19}\u{ff19}\u{ff19}",
                format("\u{ff11}\u{ff19}\u{ff19}\u{ff19}", ""),
            ),
            ("1999-", format("1999-", month)),
            ("1999-1", format("1999-1", month)),
            ("1999-123", format("1999-123", month)),
            ("1999-1a", format("1999-1a", month)),
            ("1999-\u{e9}1", format("1999-\u{e9}1", month)),
            ("1999-12\u{2013}01", format("1999-12\u{2013}01", month)),
            ("1999-12-", format("1999-12-", day)),
            ("1999-12-1", format("1999-12-1", day)),
            ("1999-12-x1", format("1999-12-x1", day)),
            ("1999-12-08-01", format("1999-12-08-01", "")),
            ("1999-12-08 ", format("1999-12-08 ", day)),
            ("1999-13", impossible("1999-13")),
            ("1999-00", impossible("1999-00")),
            ("2023-02-29", impossible("2023-02-29")),
            ("1999-04-31", impossible("1999-04-31")),
            ("1999-12-00", impossible("1999-12-00")),
            ("1999-12-32", impossible("1999-12-32")),
        ];
        for (text, answer) in cases {
            assert_eq!(PartialDate::parse(text), answer, "{text:?}");
        }

        let range = |text: &str| EventDate::parse(text).map(|d| (d.start, d.end));
        let y = |year| PartialDate {
            year,
            month: None,
            day: None,
        };
        let may_2010 = PartialDate {
            year: 2010,
            month: Some(5),
            day: None,
        };
        assert_eq!(range("2002/2010"), Ok((y(2002), Some(y(2010)))));
        assert_eq!(range("2010-05/2010"), Ok((may_2010, Some(y(2010)))));
        assert_eq!(range("2010/2010-05"), Ok((y(2010), Some(may_2010))));
        assert_eq!(range("2010/2010"), Ok((y(2010), Some(y(2010)))));
        assert_eq!(
            range("2010-06/2010-05"),
            Err(DateError::Reversed("2010-06/2010-05".to_owned()))
        );
        // The first slash divides a range; the wrong part is named.
        assert_eq!(range("1999/2000/2001"), Err(wrong("2000/2001", "")));
        assert_eq!(range("/1999"), Err(wrong("", "")));
        assert_eq!(range("1999/"), Err(wrong("", "")));
        assert_eq!(range("1999-1/2000"), Err(wrong("1999-1", month)));
    }
}
