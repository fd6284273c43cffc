//! Who belonged to which post-Soviet organisation, and when; validated, with queries by date.

use super::date::{Day, PartialDate};
use super::{vocabulary, Confidence};
use crate::i18n::{td_string, Locale};

/// States, organisations and the dated intervals of membership between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    /// States, in display order.
    pub states: Vec<State>,
    /// Organisations, in display order.
    pub organisations: Vec<Organisation>,
    /// Intervals, grouped by state and organisation, in time order within each pair.
    pub intervals: Vec<Interval>,
}

/// A state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Identifier from the file.
    pub id: String,
    /// Name.
    pub label: String,
    /// Russian name.
    pub label_ru: Option<String>,
}

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Identifier from the file.
    pub id: String,
    /// Short name.
    pub label: String,
    /// Full name.
    pub name: String,
    /// Russian short name.
    pub label_ru: Option<String>,
    /// The band it is grouped under in the matrix.
    pub group: Option<String>,
    /// When it was founded.
    pub founded: PartialDate,
    /// When it ceased to exist.
    pub ended: Option<PartialDate>,
    /// What it was and became.
    pub summary: String,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
    /// Indices of timeline events about it.
    pub events: Vec<usize>,
}

/// One status of one state in one organisation over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    /// Index into [`Membership::states`].
    pub state: usize,
    /// Index into [`Membership::organisations`].
    pub organisation: usize,
    /// The status.
    pub status: MemberStatus,
    /// When it took effect.
    pub from: PartialDate,
    /// When it ended, if it did.
    pub to: Option<PartialDate>,
    /// What happened, and any conflict between sources.
    pub note: String,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
    /// How sure the dataset is.
    pub confidence: Confidence,
}

vocabulary! {
    /// A state's status in an organisation.
    MemberStatus {
        /// Full member.
        Member = "member";
        /// Associate member.
        Associate = "associate";
        /// Observer.
        Observer = "observer";
        /// A founding state that never became a full member.
        Participant = "participant";
        /// Membership suspended or frozen.
        Suspended = "suspended";
        /// Leaving: notice given, exit not yet effective.
        ExitPending = "exit-pending";
    }
}

/// What a cell of the membership matrix shows on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// No relation yet (or ever).
    None,
    /// A status in force.
    Is(MemberStatus),
    /// Was in the organisation, no longer.
    Left,
}

impl Standing {
    /// A reader's label.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Standing::None => td_string!(locale, Standing.None),
            Standing::Is(s) => s.label(locale),
            Standing::Left => td_string!(locale, Standing.Left),
        }
    }
}

impl Interval {
    /// First day of the interval.
    pub fn start(&self) -> Day {
        self.from.first_day()
    }

    /// The first day after the interval (the day the change took effect), if it ended.
    pub fn end(&self) -> Option<Day> {
        self.to.map(PartialDate::first_day)
    }

    /// Whether the interval covers `day`.
    pub fn covers(&self, day: f64) -> bool {
        self.start().as_f64() <= day && self.end().is_none_or(|e| day < e.as_f64())
    }
}

impl Membership {
    /// The standing of `state` in `organisation` on `day` (days since 1970-01-01).
    pub fn standing(&self, state: usize, organisation: usize, day: f64) -> Standing {
        let mut started = false;
        for i in self
            .intervals
            .iter()
            .filter(|i| i.state == state && i.organisation == organisation)
        {
            if i.covers(day) {
                return Standing::Is(i.status);
            }
            started |= i.start().as_f64() <= day;
        }
        if started {
            Standing::Left
        } else {
            Standing::None
        }
    }

    /// The day of the latest change of standing of `state` in `organisation` at or before `day`.
    pub fn last_change(&self, state: usize, organisation: usize, day: f64) -> Option<f64> {
        self.intervals
            .iter()
            .filter(|i| i.state == state && i.organisation == organisation)
            .flat_map(|i| [Some(i.start()), i.end()])
            .flatten()
            .map(Day::as_f64)
            .filter(|&d| d <= day)
            .fold(None, |acc: Option<f64>, d| {
                Some(acc.map_or(d, |a| a.max(d)))
            })
    }

    /// Whether the organisation existed on `day`.
    pub fn exists(&self, organisation: usize, day: f64) -> bool {
        self.organisations.get(organisation).is_some_and(|o| {
            o.founded.first_day().as_f64() <= day
                && o.ended.is_none_or(|e| day < e.first_day().as_f64())
        })
    }

    /// Every day on which some standing, some organisation's existence or some latest change takes a
    /// new value, ascending, each once. Between two of them (from one, before the next) [`standing`],
    /// [`last_change`] and [`exists`] give the same answers for every state and organisation, so a
    /// view of them needs working out again only when the count of these days up to the playhead
    /// changes.
    ///
    /// [`standing`]: Membership::standing
    /// [`last_change`]: Membership::last_change
    /// [`exists`]: Membership::exists
    pub fn change_days(&self) -> Vec<f64> {
        let mut days: Vec<f64> = self
            .intervals
            .iter()
            .flat_map(|i| [Some(i.start()), i.end()])
            .chain(self.organisations.iter().flat_map(|o| {
                [
                    Some(o.founded.first_day()),
                    o.ended.map(PartialDate::first_day),
                ]
            }))
            .flatten()
            .map(Day::as_f64)
            .collect();
        days.sort_by(f64::total_cmp);
        days.dedup();
        days
    }

    /// Indices of the intervals of one state, by organisation then time.
    pub fn history_of_state(&self, state: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.intervals.len())
            .filter(|&i| self.intervals[i].state == state)
            .collect();
        v.sort_by_key(|&i| (self.intervals[i].organisation, self.intervals[i].start()));
        v
    }

    /// Indices of the intervals of one organisation, by state then time.
    pub fn history_of_organisation(&self, organisation: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.intervals.len())
            .filter(|&i| self.intervals[i].organisation == organisation)
            .collect();
        v.sort_by_key(|&i| (self.intervals[i].state, self.intervals[i].start()));
        v
    }
}
