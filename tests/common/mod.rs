//! Helpers shared by the native tests.
#![allow(dead_code)] // Each test crate that includes this module uses some of its helpers.

/// The text elements of an SVG as plotters writes it: each one's opening tag (its attributes) and its
/// content, trimmed, in the order they are drawn.
pub fn svg_texts(svg: &str) -> Vec<(&str, &str)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let (tag, rest) = chunk.split_once('>')?;
            Some((tag, rest.split("</text>").next()?.trim()))
        })
        .collect()
}

/// The contents of an SVG's text elements, trimmed, in the order they are drawn.
pub fn svg_words(svg: &str) -> Vec<&str> {
    svg_texts(svg).into_iter().map(|(_, text)| text).collect()
}

/// `text` with the entities plotters writes for markup characters put back.
pub fn unescape(text: &str) -> String {
    text.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A number attribute (`x`, `y`...) of an element's opening tag as [`svg_texts`] gives it.
pub fn number_attr(tag: &str, name: &str) -> Option<f64> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()?.parse().ok()
}
