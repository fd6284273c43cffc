//! Declared versus delivered integration, sector by sector. Levels are derived from the dated fate of
//! each declared provision, never typed in as scores.

use super::date::{Day, PartialDate};
use super::{vocabulary, Confidence};

/// Sectors and the provisions declared in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Depth {
    /// Sectors, in display order.
    pub sectors: Vec<DepthSector>,
    /// Provisions, in file order.
    pub provisions: Vec<Provision>,
}

/// A sector of integration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepthSector {
    /// Identifier from the file.
    pub id: String,
    /// Name.
    pub label: String,
    /// Russian name.
    pub label_ru: Option<String>,
    /// What the seed documents claim of it.
    pub claim: Option<String>,
    /// Indices of the claim's sources.
    pub claim_sources: Vec<usize>,
}

/// A declared provision and its fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    /// Identifier from the file.
    pub id: String,
    /// Index into [`Depth::sectors`].
    pub sector: usize,
    /// What was declared.
    pub label: String,
    /// When.
    pub declared: PartialDate,
    /// Indices of the timeline events that declared it.
    pub declared_by: Vec<usize>,
    /// What happened to it, in time order.
    pub outcomes: Vec<Outcome>,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
    /// How sure the dataset is.
    pub confidence: Confidence,
    /// Whether its fate is an inferred judgement.
    pub inferred: bool,
    /// Explanation.
    pub note: Option<String>,
}

/// A change in a provision's fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// When; with `by`, the date by which it had happened at the latest.
    pub date: PartialDate,
    /// Whether `date` is only that of the first source that records the outcome (when it happened
    /// is not known).
    pub by: bool,
    /// Whether the outcome rests only on officials' own statements or figures.
    pub claimed: bool,
    /// The new state.
    pub state: Delivery,
    /// What happened.
    pub note: String,
    /// Indices of timeline events that show it.
    pub events: Vec<usize>,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
}

vocabulary! {
    /// How far a provision was delivered.
    Delivery {
        /// Carried out.
        Implemented = "implemented";
        /// Partly carried out.
        Partly = "partly";
        /// Declared but not delivered (or postponed again).
        DeclaredOnly = "declared-only";
        /// Carried out, then undone.
        Reversed = "reversed";
    }
}

impl Delivery {
    /// How much of a provision this counts as delivered: 1 implemented, ½ partly, 0 otherwise.
    pub fn weight(self) -> f64 {
        match self {
            Delivery::Implemented => 1.0,
            Delivery::Partly => 0.5,
            Delivery::DeclaredOnly | Delivery::Reversed => 0.0,
        }
    }
}

impl Outcome {
    /// The day from which the outcome is counted: its date's first day, or for one known only `by`
    /// its date, the last day of that date (a year's 31 Dec), by which it had happened at the latest.
    pub fn day(&self) -> Day {
        Outcome::day_of(self.date, self.by)
    }

    /// [`Outcome::day`] of an outcome dated `date`, known only `by` it or not (for the check of the
    /// outcomes' order, made before the outcome is).
    pub fn day_of(date: PartialDate, by: bool) -> Day {
        if by {
            date.last_day()
        } else {
            date.first_day()
        }
    }
}

impl Provision {
    /// The provision's state on `day`: `None` before it was declared, declared-only until its first
    /// outcome, then the latest outcome.
    pub fn state_at(&self, day: f64) -> Option<Delivery> {
        if self.declared.first_day().as_f64() > day {
            return None;
        }
        Some(
            self.outcomes
                .iter()
                .take_while(|o| o.day().as_f64() <= day)
                .last()
                .map_or(Delivery::DeclaredOnly, |o| o.state),
        )
    }
}

/// A sector's level on a day: how many provisions were declared, and how much of them was delivered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    /// Provisions declared by then.
    pub declared: f64,
    /// Sum of their delivery weights.
    pub delivered: f64,
}

impl Depth {
    /// The level of `sector` on `day`, derived from its provisions.
    pub fn level(&self, sector: usize, day: f64) -> Level {
        self.provisions
            .iter()
            .filter(|p| p.sector == sector)
            .filter_map(|p| p.state_at(day))
            .fold(
                Level {
                    declared: 0.0,
                    delivered: 0.0,
                },
                |l, s| Level {
                    declared: l.declared + 1.0,
                    delivered: l.delivered + s.weight(),
                },
            )
    }

    /// Every day on which some level of `sector` changes, ascending and without repeats.
    pub fn change_days(&self, sector: usize) -> Vec<f64> {
        let mut days: Vec<f64> = self
            .provisions
            .iter()
            .filter(|p| p.sector == sector)
            .flat_map(|p| {
                std::iter::once(p.declared.first_day().as_f64())
                    .chain(p.outcomes.iter().map(|o| o.day().as_f64()))
            })
            .collect();
        days.sort_by(f64::total_cmp);
        days.dedup();
        days
    }
}
