//! The road maps of 2019-2020, the union programmes of 2021 and the links between them, validated.

use super::date::PartialDate;
use super::{vocabulary, Confidence};

/// The whole mapping: two columns of nodes, the links between them, and the officials' claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// Sectors, in display order.
    pub sectors: Vec<Sector>,
    /// Road maps (left column), in file order.
    pub road_maps: Vec<RoadMap>,
    /// Programmes (right column), in file order.
    pub programmes: Vec<Programme>,
    /// Links from road maps to programmes.
    pub links: Vec<Link>,
    /// Implementation claims, sorted by date.
    pub claims: Vec<Claim>,
}

/// A sector grouping road maps and programmes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sector {
    /// Identifier from the file.
    pub id: String,
    /// Name.
    pub label: String,
    /// Russian name.
    pub label_ru: Option<String>,
}

/// A road map, or a documented group of road maps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadMap {
    /// Identifier from the file.
    pub id: String,
    /// Topic as reported.
    pub label: String,
    /// Russian label.
    pub label_ru: Option<String>,
    /// Index into [`Mapping::sectors`].
    pub sector: usize,
    /// How negotiations ended.
    pub status: RoadMapStatus,
    /// How many road maps the node stands for.
    pub count: u32,
    /// Whether its titles were never published.
    pub unpublished: bool,
    /// When first reported.
    pub reported: PartialDate,
    /// When reported agreed.
    pub agreed: Option<PartialDate>,
    /// When reported excluded or shelved.
    pub dropped: Option<PartialDate>,
    /// What is known of it.
    pub summary: String,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
    /// How sure the dataset is.
    pub confidence: Confidence,
    /// Why.
    pub confidence_note: Option<String>,
    /// Indices of timeline events about it.
    pub events: Vec<usize>,
}

/// A union programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    /// Identifier from the file.
    pub id: String,
    /// Subject (paraphrased unless official).
    pub label: String,
    /// Russian title.
    pub label_ru: Option<String>,
    /// Index into [`Mapping::sectors`].
    pub sector: usize,
    /// When approved.
    pub approved: PartialDate,
    /// What it covers.
    pub summary: String,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
    /// How sure the dataset is.
    pub confidence: Confidence,
    /// Why.
    pub confidence_note: Option<String>,
    /// Indices of timeline events about it.
    pub events: Vec<usize>,
}

/// A link from a road map to a programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Index into [`Mapping::road_maps`].
    pub from: usize,
    /// Index into [`Mapping::programmes`].
    pub to: usize,
    /// Whether a source says so or it is inferred.
    pub evidence: Evidence,
    /// The source's words, or the reasoning.
    pub note: String,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
}

/// An official's claim of implementation progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Identifier from the file.
    pub id: String,
    /// When the claim was made.
    pub date: PartialDate,
    /// Who made it.
    pub claimant: String,
    /// Which plan it measures.
    pub plan: Plan,
    /// Share of measures reported done, percent.
    pub percent: f64,
    /// Upper figure of a range, percent.
    pub percent_high: Option<f64>,
    /// The claim in words.
    pub text: String,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
    /// How sure the dataset is that the claim was made (not that it is true).
    pub confidence: Confidence,
}

impl Claim {
    /// The day the claims chart places the claim at: the middle of the days its date covers, so that a
    /// claim known only by its year (one made "in mid-2023") stands mid-year, not on 1 January, and one
    /// known by its month mid-month. The chart shows it once the playhead reaches that day.
    pub fn day(&self) -> f64 {
        (self.date.first_day().as_f64() + self.date.last_day().as_f64()) / 2.0
    }
}

vocabulary! {
    /// How a road map's negotiation ended.
    RoadMapStatus {
        /// Reported agreed.
        Agreed = "agreed";
        /// Disputed (later partly settled).
        Contentious = "contentious";
        /// Left out of the programmes.
        Excluded = "excluded";
        /// Set aside.
        Shelved = "shelved";
    }
}

vocabulary! {
    /// What a link rests on.
    Evidence {
        /// A source says so.
        Documented = "documented";
        /// Inferred by topic.
        Inferred = "inferred";
    }
}

vocabulary! {
    /// The plan an implementation claim measures.
    Plan {
        /// The 28 programmes and Main Directions 2021-2023.
        First = "2021-2023";
        /// The Main Directions 2024-2026.
        Second = "2024-2026";
    }
}

impl Mapping {
    /// Indices of the links touching a road map.
    pub fn links_from(&self, road_map: usize) -> impl Iterator<Item = usize> + '_ {
        self.links
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.from == road_map)
            .map(|(i, _)| i)
    }

    /// Indices of the links touching a programme.
    pub fn links_to(&self, programme: usize) -> impl Iterator<Item = usize> + '_ {
        self.links
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.to == programme)
            .map(|(i, _)| i)
    }

    /// Total number of road maps the nodes stand for.
    pub fn road_map_total(&self) -> u32 {
        self.road_maps.iter().map(|r| r.count).sum()
    }
}
