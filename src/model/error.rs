//! What can be wrong with a dataset, said so that a person can find and fix it.

use std::fmt;

/// The largest dataset file accepted, in bytes. Larger files are refused before parsing.
pub const MAX_DATASET_BYTES: usize = 8 * 1024 * 1024;

/// Why a dataset could not be loaded. The dataset shown before stays as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file is larger than [`MAX_DATASET_BYTES`].
    #[error("the file is {bytes} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The text is not JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The JSON does not have the dataset's shape (a missing field, a wrong type, an unknown field).
    #[error("{path}: {message}")]
    Shape {
        /// JSON path of the offending value, such as `events[3].date`.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The JSON has the right shape but breaks a rule of the content (every problem found).
    #[error("{}", Problems(.0))]
    Content(Vec<Problem>),
}

/// One broken rule, at one place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value, such as `events[3].sources[0]`.
    pub path: String,
    /// Which rule is broken, and how.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Problems<'a>(&'a [Problem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl LoadError {
    /// Every problem as its own line, for an error panel.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Content(problems) => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}
