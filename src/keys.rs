//! The keys a presenter's hands already know (reveal.js's), and what each does. Pure, so the mapping and
//! the help overlay are tested natively and cannot drift apart.

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The next event, or the next step while a story is told.
    Next,
    /// The previous event, or the previous step while a story is told.
    Previous,
    /// The first event.
    First,
    /// The last event.
    Last,
    /// Enter or leave fullscreen.
    Fullscreen,
    /// Blank the screen, or bring it back.
    Blank,
    /// Start or stop playing.
    Autoplay,
    /// Show or hide the list of keys.
    Help,
    /// Open the presenter window (speaker notes).
    Presenter,
    /// Close what is open, clear the selection, leave fullscreen.
    Escape,
}

/// Every key, as the help overlay lists them: (keys, what they do, the action).
pub const KEYS: &[(&str, &str, Action)] = &[
    (
        "→  ↓  Space  N  Page Down",
        "Next event (next step of a story)",
        Action::Next,
    ),
    (
        "←  ↑  P  Page Up  Shift+Space",
        "Previous event (previous step of a story)",
        Action::Previous,
    ),
    ("Home", "First event", Action::First),
    ("End", "Last event", Action::Last),
    ("A  K", "Play or pause (autoplay)", Action::Autoplay),
    ("F  F5", "Fullscreen (Esc leaves)", Action::Fullscreen),
    ("B  .", "Blank the screen, and back", Action::Blank),
    (
        "S",
        "Presenter window with speaker notes",
        Action::Presenter,
    ),
    ("?", "This list of keys", Action::Help),
    (
        "Esc",
        "Close, clear the selection, leave fullscreen",
        Action::Escape,
    ),
];

/// The action for a key (`KeyboardEvent.key`), with Shift held or not. Presentation clickers send Page
/// Up and Page Down, and some send F5, Esc and ".": all are covered.
pub fn action_for(key: &str, shift: bool) -> Option<Action> {
    Some(match key {
        " " if shift => Action::Previous,
        "ArrowRight" | "ArrowDown" | " " | "n" | "N" | "PageDown" => Action::Next,
        "ArrowLeft" | "ArrowUp" | "p" | "P" | "PageUp" => Action::Previous,
        "Home" => Action::First,
        "End" => Action::Last,
        "f" | "F" | "F5" => Action::Fullscreen,
        "b" | "B" | "." => Action::Blank,
        "a" | "A" | "k" | "K" => Action::Autoplay,
        "?" => Action::Help,
        "s" | "S" => Action::Presenter,
        "Escape" | "Esc" => Action::Escape,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_keys_and_clickers() {
        for k in ["ArrowRight", "ArrowDown", " ", "n", "N", "PageDown"] {
            assert_eq!(action_for(k, false), Some(Action::Next), "{k}");
        }
        for k in ["ArrowLeft", "ArrowUp", "p", "P", "PageUp"] {
            assert_eq!(action_for(k, false), Some(Action::Previous), "{k}");
        }
        assert_eq!(action_for(" ", true), Some(Action::Previous));
        assert_eq!(action_for("F5", false), Some(Action::Fullscreen));
        assert_eq!(action_for(".", false), Some(Action::Blank));
        assert_eq!(action_for("Escape", false), Some(Action::Escape));
        assert_eq!(action_for("x", false), None);
    }

    #[test]
    fn the_help_lists_every_action_and_its_keys_work() {
        let actions = [
            Action::Next,
            Action::Previous,
            Action::First,
            Action::Last,
            Action::Fullscreen,
            Action::Blank,
            Action::Autoplay,
            Action::Help,
            Action::Presenter,
            Action::Escape,
        ];
        for a in actions {
            assert!(
                KEYS.iter().any(|k| k.2 == a),
                "{a:?} is missing from the help"
            );
        }
        // Every key the help names maps to the action it is listed with.
        let name_to_key = |n: &str| match n {
            "→" => "ArrowRight".to_owned(),
            "↓" => "ArrowDown".to_owned(),
            "←" => "ArrowLeft".to_owned(),
            "↑" => "ArrowUp".to_owned(),
            "Space" => " ".to_owned(),
            "Esc" => "Escape".to_owned(),
            other => other.to_owned(),
        };
        for (keys, _, action) in KEYS {
            for w in keys.split("  ") {
                let (shift, key) = match w.strip_prefix("Shift+") {
                    Some(k) => (true, name_to_key(k)),
                    None => (false, name_to_key(&w.replace("Page ", "Page"))),
                };
                assert_eq!(action_for(&key, shift), Some(*action), "{w}");
            }
        }
    }
}
