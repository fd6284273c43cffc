//! Helpers shared by the native tests.

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
