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
