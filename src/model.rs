//! The data model: what the JSON says ([`raw`]), and the validated dataset the views draw ([`Dataset`]).
//!
//! Parse, don't validate: [`Dataset::from_json`] is the only way to make a [`Dataset`], and a `Dataset`
//! always holds resolved references (indices, not ids), calendar-checked dates, sorted events and at
//! least one source on every item. Errors name the place in the file (see [`LoadError`]).

pub mod date;
pub mod depth;
mod error;
pub mod mapping;
pub mod membership;
pub mod raw;
#[cfg(test)]
mod schema;
pub mod story;
mod validate;

use std::sync::OnceLock;

pub use date::{Day, EventDate, PartialDate, Precision};
pub use depth::{Delivery, Depth, DepthSector, Level, Outcome, Provision};
pub use error::{LoadError, Problem, MAX_DATASET_BYTES};
pub use mapping::{
    Claim, Evidence, Link, Mapping, Plan, Programme, RoadMap, RoadMapStatus, Sector,
};
pub use membership::{Interval, MemberStatus, Membership, Organisation, Standing, State};
pub use story::{Step, StepView, Story};

/// The bundled dataset's JSON, compiled into the program so start-up needs no request.
pub const BUNDLED_JSON: &str = include_str!("model/data/union_state.json");

/// The bundled dataset, parsed once on first use.
pub fn bundled() -> Result<&'static Dataset, &'static LoadError> {
    static BUNDLED: OnceLock<Result<Dataset, LoadError>> = OnceLock::new();
    BUNDLED
        .get_or_init(|| Dataset::from_json(BUNDLED_JSON))
        .as_ref()
}

/// A validated dataset: the single input of every view.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Title for the page header.
    pub title: String,
    /// Russian title, if given.
    pub title_ru: Option<String>,
    /// What the dataset covers.
    pub description: Option<String>,
    /// Lanes, top to bottom.
    pub tracks: Vec<Track>,
    /// Periods, in time order.
    pub eras: Vec<Era>,
    /// Sources, in file order.
    pub sources: Vec<Source>,
    /// Events, sorted by their anchor day (ties keep file order).
    pub events: Vec<Event>,
    /// Documented discrepancies.
    pub discrepancies: Vec<Discrepancy>,
    /// Road maps to union programmes, if the dataset has them.
    pub mapping: Option<Mapping>,
    /// Membership of the post-Soviet organisations, if the dataset has it.
    pub membership: Option<Membership>,
    /// Declared versus delivered integration by sector, if the dataset has it.
    pub depth: Option<Depth>,
    /// The story to present, if the dataset has one.
    pub story: Option<Story>,
}

/// A lane of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track {
    /// Identifier from the file.
    pub id: String,
    /// Lane label.
    pub label: String,
    /// Russian lane label.
    pub label_ru: Option<String>,
}

/// A period drawn as a band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    /// Identifier from the file.
    pub id: String,
    /// Name of the period.
    pub label: String,
    /// Russian name.
    pub label_ru: Option<String>,
    /// First day of the period.
    pub start: Day,
    /// Last day of the period.
    pub end: Day,
    /// Why it is one period.
    pub summary: Option<String>,
    /// Indices into [`Dataset::sources`].
    pub sources: Vec<usize>,
}

/// A source that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Identifier from the file.
    pub id: String,
    /// Title or description.
    pub title: String,
    /// An `http`/`https` address, if known.
    pub url: Option<String>,
    /// Publisher or site.
    pub publisher: Option<String>,
    /// What sort of source.
    pub kind: SourceKind,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Identifier from the file; stable, used in links.
    pub id: String,
    /// When it happened, with its precision.
    pub date: EventDate,
    /// English title.
    pub title: String,
    /// Russian title, where known.
    pub title_ru: Option<String>,
    /// What happened.
    pub summary: String,
    /// Index into [`Dataset::tracks`].
    pub track: usize,
    /// What sort of act.
    pub kind: EventKind,
    /// What became of it, where that applies.
    pub status: Option<Status>,
    /// Indices into [`Dataset::sources`]; never empty.
    pub sources: Vec<usize>,
    /// How sure the dataset is.
    pub confidence: Confidence,
    /// Why, where that needs saying.
    pub confidence_note: Option<String>,
    /// Indices of related events in [`Dataset::events`].
    pub related: Vec<usize>,
    /// Indices into [`Dataset::discrepancies`] that concern this event.
    pub discrepancies: Vec<usize>,
}

/// A documented disagreement between a claim and the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    /// Identifier from the file.
    pub id: String,
    /// One-line name.
    pub title: String,
    /// What is claimed.
    pub claim: String,
    /// Indices of the sources making the claim.
    pub claimed_by: Vec<usize>,
    /// What the evidence shows.
    pub finding: String,
    /// Indices of the sources behind the finding.
    pub sources: Vec<usize>,
    /// Indices of the events concerned.
    pub events: Vec<usize>,
}

/// Declares a closed vocabulary read from a JSON string: the enum, its spellings and its labels.
#[macro_export]
#[doc(hidden)]
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The spelling used in the JSON file.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The label shown to a reader.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Reads the JSON spelling.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                [$($text,)+].join(", ")
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// What sort of act an event is.
    EventKind {
        /// A treaty between states.
        Treaty = "treaty", "Treaty";
        /// An agreement (often intergovernmental).
        Agreement = "agreement", "Agreement";
        /// A protocol to an earlier act.
        Protocol = "protocol", "Protocol";
        /// A political declaration.
        Declaration = "declaration", "Declaration";
        /// A founding charter or statute.
        Charter = "charter", "Charter";
        /// A ratification.
        Ratification = "ratification", "Ratification";
        /// An entry into force.
        EntryIntoForce = "entry-into-force", "Entry into force";
        /// A decree.
        Decree = "decree", "Decree";
        /// A resolution of a body.
        Resolution = "resolution", "Resolution";
        /// A national law.
        Law = "law", "Law";
        /// A meeting or summit.
        Meeting = "meeting", "Meeting";
        /// A public statement.
        Statement = "statement", "Statement";
        /// A round of negotiations.
        Negotiation = "negotiation", "Negotiation";
        /// A practical measure.
        Measure = "measure", "Measure";
        /// A deployment of forces or weapons.
        Deployment = "deployment", "Deployment";
        /// A process spanning a period.
        Process = "process", "Process";
    }
}

vocabulary! {
    /// What became of an act.
    Status {
        /// Signed, not (yet) ratified.
        Signed = "signed", "Signed";
        /// Ratified.
        Ratified = "ratified", "Ratified";
        /// In force.
        InForce = "in-force", "In force";
        /// Carried out.
        Implemented = "implemented", "Implemented";
        /// Partly carried out.
        PartlyImplemented = "partly-implemented", "Partly implemented";
        /// Never carried out.
        NeverImplemented = "never-implemented", "Never implemented";
        /// Carried out, then undone.
        Reversed = "reversed", "Reversed";
        /// Set aside.
        Shelved = "shelved", "Shelved";
        /// Replaced by a later act.
        Superseded = "superseded", "Superseded";
        /// Ended.
        Terminated = "terminated", "Terminated";
    }
}

vocabulary! {
    /// How sure the dataset is of an item (see the README for the rules).
    Confidence {
        /// Read in an official text, a wire service or a seed document.
        High = "high", "High";
        /// Consistent across secondary sources, or good sources disagree slightly.
        Medium = "medium", "Medium";
        /// Inferred or put together from indirect evidence.
        Low = "low", "Low";
    }
}

vocabulary! {
    /// What sort of source.
    SourceKind {
        /// A government or organisation site.
        Official = "official", "Official";
        /// The text of a treaty or law.
        TreatyText = "treaty-text", "Treaty text";
        /// A news agency.
        Wire = "wire", "Wire service";
        /// A newspaper or news site.
        Press = "press", "Press";
        /// A secondary summary or aggregator.
        Secondary = "secondary", "Secondary";
        /// An encyclopaedia (or a copy of one).
        Encyclopaedia = "encyclopaedia", "Encyclopaedia";
        /// One of the two documents the product comes from.
        Seed = "seed", "Seed document";
        /// A scholarly work.
        Scholarly = "scholarly", "Scholarly";
    }
}

impl Dataset {
    /// Parses and validates a dataset from JSON text.
    pub fn from_json(text: &str) -> Result<Dataset, LoadError> {
        if text.len() > MAX_DATASET_BYTES {
            return Err(LoadError::TooLarge {
                bytes: text.len(),
                limit: MAX_DATASET_BYTES,
            });
        }
        let raw = validate::parse_raw(text)?;
        validate::dataset(raw).map_err(LoadError::Content)
    }

    /// Index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// The first and last day any event or era covers.
    pub fn span(&self) -> (Day, Day) {
        let days = self
            .events
            .iter()
            .flat_map(|e| [e.date.first_day(), e.date.last_day()])
            .chain(self.eras.iter().flat_map(|e| [e.start, e.end]));
        let (lo, hi) = days.fold((Day(i32::MAX), Day(i32::MIN)), |(lo, hi), d| {
            (lo.min(d), hi.max(d))
        });
        if lo > hi {
            let today = Day::from_ymd(2026, 1, 1);
            (today, today)
        } else {
            (lo, hi)
        }
    }
}
