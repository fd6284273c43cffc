//! Checks on values that arrive in the page's URL, kept pure so they are tested natively.

/// Whether a `data` URL parameter may be fetched: only a relative path on the page's own site (no
/// scheme, no host, no protocol-relative `//`), so a link cannot make the page fetch from elsewhere.
pub fn check_data_path(path: &str) -> Result<(), String> {
    let trimmed = path.trim();
    let clipped: String = trimmed.chars().take(80).collect();
    if trimmed.is_empty() {
        Err("the data parameter is empty".into())
    } else if trimmed.contains(':')
        || trimmed.starts_with("//")
        || trimmed.starts_with('\\')
        || trimmed.contains("\\\\")
    {
        Err(format!("the data parameter '{clipped}' must be a relative path on this site, such as data/mine.json"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_paths_are_fetched() {
        assert!(check_data_path("data/mine.json").is_ok());
        assert!(check_data_path("../datasets/other.json").is_ok());
        assert!(check_data_path("/datasets/other.json").is_ok());
        for bad in [
            "https://example.org/x.json",
            "//example.org/x.json",
            "javascript:alert(1)",
            "data:,{}",
            "",
            "  ",
            "\\\\server\\x.json",
            "HTTP://x",
        ] {
            assert!(check_data_path(bad).is_err(), "{bad} should be refused");
        }
        let long = "x:".repeat(500);
        assert!(
            check_data_path(&long).unwrap_err().len() < 200,
            "the message quotes a clipped value"
        );
    }
}

/// The state a link carries: which view, when, what is selected, and the theme. Every field is the
/// text from the URL; the app checks each against the data and reports what it had to ignore.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkState {
    /// `view`: timeline, mapping, membership or depth.
    pub view: Option<String>,
    /// `t`: the playhead's day, `YYYY-MM-DD` (or `YYYY`, `YYYY-MM`).
    pub time: Option<String>,
    /// `sel`: the id of the selected event, road map, programme, state, organisation or provision.
    pub selection: Option<String>,
    /// `theme`: system, light, dark or projector.
    pub theme: Option<String>,
    /// `step`: the story step shown, counted from 1.
    pub step: Option<String>,
    /// `lang`: the interface and data language, `en` or `ru`.
    pub lang: Option<String>,
    /// Other parameters, kept as they are (such as `data`).
    pub other: Vec<(String, String)>,
}

/// Decodes `%XX` escapes and `+` (a space) in a query component; invalid escapes stay as they are.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match text
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or(())
                {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query component: letters, digits and `-._~` stay, everything else is `%XX`.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl LinkState {
    /// Reads a query string (with or without its leading `?`).
    pub fn parse(query: &str) -> LinkState {
        let mut s = LinkState::default();
        for (k, v) in pairs(query) {
            // The first of a doubled parameter is read, as the browser's `URLSearchParams.get`
            // reads it (`Unread` names the others).
            let slot = match k.as_str() {
                "view" => &mut s.view,
                "t" => &mut s.time,
                "sel" => &mut s.selection,
                "theme" => &mut s.theme,
                "step" => &mut s.step,
                "lang" => &mut s.lang,
                _ => {
                    s.other.push((k, v));
                    continue;
                }
            };
            slot.get_or_insert(v);
        }
        s
    }

    /// Whether the switch `name` (`embed`, `kiosk`, `key`, `presenter`) is on: given, and not `0` or
    /// `false`.
    pub fn flag(&self, name: &str) -> bool {
        self.other
            .iter()
            .find(|(k, _)| k == name)
            .is_some_and(|(_, v)| v != "0" && v != "false")
    }

    /// Writes the query string (with its leading `?`, or empty), other parameters first, in a stable order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = self
            .other
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        for (k, v) in [
            ("view", &self.view),
            ("t", &self.time),
            ("sel", &self.selection),
            ("theme", &self.theme),
            ("step", &self.step),
            ("lang", &self.lang),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", percent_encode(v)));
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// The parameters a link of this page may carry besides those `LinkState` reads itself.
pub const OTHER_NAMES: [&str; 5] = ["data", "embed", "kiosk", "key", "presenter"];

/// Parameters that are switches: on with `1` (or nothing), off with `0`.
pub const FLAGS: [&str; 4] = ["embed", "kiosk", "key", "presenter"];

/// The values a switch is written with: on with `1`, `true` or nothing, off with `0` or `false`.
const SWITCH_VALUES: [&str; 5] = ["", "1", "0", "true", "false"];

/// What a link says that the page does not read, found in its query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// A name the page has no parameter of (a misspelling, say).
    Unknown {
        /// The parameter as written, `name=value`.
        pair: String,
        /// The page's parameter it differs from only in case (`View` for `view`), if one.
        like: Option<&'static str>,
    },
    /// A parameter given more than once; the first is read.
    Doubled {
        /// Its name.
        name: String,
        /// The value read.
        read: String,
    },
    /// A switch with a value other than `1`, `0`, `true` or `false`: read as on.
    Switch {
        /// The parameter as written, `name=value`.
        pair: String,
    },
}

impl Unread {
    /// Finds what `query` says that the page will not read as written. Names that the sites a link
    /// passes through add to every link (`utm_…`, `fbclid`, `gclid` and the like) are not this page's
    /// business, and are left out.
    pub fn find(query: &str) -> Vec<Unread> {
        const OWN: [&str; 6] = ["view", "t", "sel", "theme", "step", "lang"];
        // Each name met, with its first value (the one read).
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut found = Vec::new();
        for (k, v) in pairs(query) {
            let written = || clip(&format!("{k}={v}"));
            if !OWN.contains(&k.as_str()) && !OTHER_NAMES.contains(&k.as_str()) {
                if !is_tracking(&k) {
                    let like = OWN
                        .iter()
                        .chain(&OTHER_NAMES)
                        .find(|n| n.eq_ignore_ascii_case(&k))
                        .copied();
                    found.push(Unread::Unknown {
                        pair: written(),
                        like,
                    });
                }
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(name, _)| *name == k) {
                if !found
                    .iter()
                    .any(|u| matches!(u, Unread::Doubled { name, .. } if *name == k))
                {
                    found.push(Unread::Doubled {
                        name: k.clone(),
                        read: clip(first),
                    });
                }
                continue;
            }
            if FLAGS.contains(&k.as_str()) && !SWITCH_VALUES.contains(&v.as_str()) {
                found.push(Unread::Switch { pair: written() });
            }
            seen.push((k, v));
        }
        found
    }
}

/// Whether `name` is one of the tags that sites add to the links they pass on (`utm_source`, `fbclid`,
/// `msclkid`, `_ga`, `igshid`, …): not the page's business, left in the address and not reported.
pub fn is_tracking(name: &str) -> bool {
    const NAMES: [&str; 6] = ["igshid", "ref", "ref_src", "si", "s_kwcid", "spm"];
    name.starts_with("utm_")
        || name.starts_with('_')
        || name.starts_with("mc_")
        || name.ends_with("clid")
        || name.ends_with("clkid")
        || NAMES.contains(&name)
}

impl LinkState {
    /// Drops from [`LinkState::other`] what the page does not read and has reported
    /// ([`Unread::find`]): names it has no parameter of (tracking tags stay), and the second of a
    /// doubled one; and writes a switch with another value as it was read (`embed=2` as `embed=1`);
    /// so that the address, once written, opens without the notice.
    pub fn tidy(&mut self) {
        let mut seen: Vec<String> = Vec::new();
        self.other.retain(|(k, _)| {
            if is_tracking(k) {
                return true;
            }
            if !OTHER_NAMES.contains(&k.as_str()) || seen.contains(k) {
                return false;
            }
            seen.push(k.clone());
            true
        });
        // A switch as it was read.
        for (k, v) in &mut self.other {
            if FLAGS.contains(&k.as_str()) && !SWITCH_VALUES.contains(&v.as_str()) {
                *v = "1".into();
            }
        }
    }
}

/// A query string's `name=value` pairs, decoded, in order.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
}

/// A value as quoted in a message: at most 60 characters.
fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Reads the `t` parameter: a day as `YYYY-MM-DD`, or the first day of `YYYY-MM` or `YYYY`.
pub fn parse_time(text: &str) -> Result<crate::model::Day, String> {
    crate::model::PartialDate::parse(text.trim())
        .map(|d| d.first_day())
        .map_err(|e| e.to_string())
}

/// Writes a day for the `t` parameter.
pub fn format_time(day: crate::model::Day) -> String {
    let (y, m, d) = day.ymd();
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod link_tests {
    use super::*;
    use crate::model::Day;

    #[test]
    fn a_link_round_trips() {
        let s = LinkState {
            view: Some("mapping".into()),
            time: Some("2021-09-10".into()),
            selection: Some("up-04".into()),
            theme: Some("dark".into()),
            step: Some("3".into()),
            lang: Some("ru".into()),
            other: vec![("data".into(), "datasets/mine file.json".into())],
        };
        let q = s.to_query();
        assert_eq!(
            q,
            "?data=datasets/mine%20file.json&view=mapping&t=2021-09-10&sel=up-04&theme=dark&step=3&lang=ru"
        );
        assert_eq!(LinkState::parse(&q), s);
        assert_eq!(LinkState::parse(""), LinkState::default());
        assert_eq!(LinkState::default().to_query(), "");
    }

    #[test]
    fn decoding_is_forgiving() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%D0%A1"), "С");
        let s = LinkState::parse("?view&t=&junk=%E2%82");
        assert_eq!(s.view.as_deref(), Some(""));
        assert_eq!(s.other.len(), 1);
    }

    #[test]
    fn the_first_of_a_doubled_parameter_is_read() {
        let s = LinkState::parse("?t=2001&view=depth&t=2019&data=a.json&data=b.json");
        assert_eq!(s.time.as_deref(), Some("2001"));
        assert_eq!(s.view.as_deref(), Some("depth"));
        assert_eq!(
            s.other
                .iter()
                .find(|(k, _)| k == "data")
                .map(|(_, v)| v.as_str()),
            Some("a.json")
        );
    }

    #[test]
    fn switches_are_on_unless_zero_or_false() {
        let s = LinkState::parse("?embed&kiosk=0&key=false&presenter=1");
        assert!(s.flag("embed"));
        assert!(!s.flag("kiosk"));
        assert!(!s.flag("key"));
        assert!(s.flag("presenter"));
        assert!(!LinkState::parse("?view=depth").flag("embed"));
    }

    #[test]
    fn what_a_link_says_that_is_not_read_is_named() {
        assert_eq!(
            Unread::find("?view=depth&t=2019&sel=x&embed=1&key&data=d.json"),
            []
        );
        assert_eq!(
            Unread::find(
                "?veiw=depth&speed=9&t=2001&t=2019&embed=2&utm_source=mail&fbclid=Iw1&msclkid=1&_ga=2&igshid=3&View=x"
            ),
            [
                Unread::Unknown {
                    pair: "veiw=depth".into(),
                    like: None
                },
                Unread::Unknown {
                    pair: "speed=9".into(),
                    like: None
                },
                Unread::Doubled {
                    name: "t".into(),
                    read: "2001".into()
                },
                Unread::Switch {
                    pair: "embed=2".into()
                },
                Unread::Unknown {
                    pair: "View=x".into(),
                    like: Some("view")
                },
            ]
        );
        // What was reported leaves the address; tracking tags and the first of each stay.
        let mut link =
            LinkState::parse("?veiw=depth&fbclid=Iw1&data=a.json&data=b.json&embed=2&View=x");
        link.tidy();
        assert_eq!(link.to_query(), "?fbclid=Iw1&data=a.json&embed=1");
        // Named once however often it is doubled, with the value read.
        assert_eq!(
            Unread::find("?data=a.json&data=b.json&data=c.json"),
            [Unread::Doubled {
                name: "data".into(),
                read: "a.json".into()
            }]
        );
        let long = format!("?{}=1", "x".repeat(500));
        match &Unread::find(&long)[..] {
            [Unread::Unknown { pair, .. }] => assert_eq!(pair.chars().count(), 61),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn times_are_days() {
        assert_eq!(
            parse_time("1999-12-08").unwrap(),
            Day::from_ymd(1999, 12, 8)
        );
        assert_eq!(parse_time("2021").unwrap(), Day::from_ymd(2021, 1, 1));
        assert!(parse_time("2023-02-30").is_err());
        assert!(parse_time("yesterday").is_err());
        assert_eq!(format_time(Day::from_ymd(1999, 12, 8)), "1999-12-08");
    }
}
