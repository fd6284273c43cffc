//! The keys a presenter's hands already know (reveal.js's), and what each does. Pure, so the mapping and
//! the help overlay are tested natively and cannot drift apart.

use crate::i18n::{td_string, Locale};

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

/// Every key, as the help overlay lists them: (keys, the action). Key names stay as printed on the
/// keyboard; what each does is [`Action::describe`].
pub const KEYS: &[(&str, Action)] = &[
    ("→  ↓  Space  N  Page Down", Action::Next),
    ("←  ↑  P  Page Up  Shift+Space", Action::Previous),
    ("Home", Action::First),
    ("End", Action::Last),
    ("A  K", Action::Autoplay),
    ("F  F5", Action::Fullscreen),
    ("B  .", Action::Blank),
    ("S", Action::Presenter),
    ("?", Action::Help),
    ("Esc", Action::Escape),
];

impl Action {
    /// What the action does, for the help overlay, in `locale`.
    pub fn describe(self, locale: Locale) -> &'static str {
        let l = locale;
        match self {
            Action::Next => td_string!(l, keys.next),
            Action::Previous => td_string!(l, keys.previous),
            Action::First => td_string!(l, keys.first),
            Action::Last => td_string!(l, keys.last),
            Action::Autoplay => td_string!(l, keys.autoplay),
            Action::Fullscreen => td_string!(l, keys.fullscreen),
            Action::Blank => td_string!(l, keys.blank),
            Action::Presenter => td_string!(l, keys.presenter),
            Action::Help => td_string!(l, keys.help),
            Action::Escape => td_string!(l, keys.escape),
        }
    }
}

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

/// Whether `key` is one a presentation clicker sends (Page Up, Page Down, F5, Esc, B and "."): it acts
/// on the presentation even where a control has the focus, whose own meaning for it (Page Down
/// choosing a later item in a list) a speaker never wants mid-talk.
pub fn is_clicker_key(key: &str) -> bool {
    matches!(
        key,
        "PageDown" | "PageUp" | "F5" | "Escape" | "Esc" | "b" | "B" | "."
    )
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
        // What a clicker sends acts even where a control has the focus; arrows and letters do not.
        for k in ["PageDown", "PageUp", "F5", "Escape", "b", "."] {
            assert!(is_clicker_key(k) && action_for(k, false).is_some(), "{k}");
        }
        for k in ["ArrowRight", "ArrowDown", " ", "n", "Home", "k"] {
            assert!(!is_clicker_key(k), "{k}");
        }
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
                KEYS.iter().any(|k| k.1 == a),
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
        for (keys, action) in KEYS {
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
