//! Generates the `i18n` module from `locales/en.json` and `locales/ru.json` (leptos_i18n), and the
//! bundled dataset as compiled into the program: `src/model/data/union_state.json` without the
//! whitespace between its tokens.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// The bundled dataset, as written (indented, for people and diffs).
const DATASET: &str = "src/model/data/union_state.json";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);

    println!("cargo::rerun-if-changed={DATASET}");
    let text = std::fs::read_to_string(DATASET)?;
    std::fs::write(out_dir.join("union_state.min.json"), minify_json(&text))?;

    let cfg = Config::new("en")?
        .add_locale("ru")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out_dir.join("i18n"))?;
    Ok(())
}

/// JSON text without the whitespace between tokens; strings (escapes included) are kept byte for
/// byte. Whatever the input, no character inside a string is touched, so a valid document stays the
/// same document and an invalid one stays invalid (the tests parse both files and compare).
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}
