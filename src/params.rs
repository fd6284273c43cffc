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
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (percent_decode(k), percent_decode(v));
            match k.as_str() {
                "view" => s.view = Some(v),
                "t" => s.time = Some(v),
                "sel" => s.selection = Some(v),
                "theme" => s.theme = Some(v),
                "step" => s.step = Some(v),
                "lang" => s.lang = Some(v),
                _ => s.other.push((k, v)),
            }
        }
        s
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
