//! The dataset exactly as it is written in JSON.
//!
//! These types mirror the file format one to one and carry no invariants beyond the JSON shape: every
//! reference is still a string, every date still text. [`super::Dataset::from_json_in`] turns them into
//! the validated domain types. The published JSON Schema (`public/dataset.schema.json`) is generated
//! from these same types, so the format and its schema cannot drift apart.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// An identifier or a code read from the file, borrowed from the text where the file allows (a string
/// with no escapes), copied otherwise. An event has six or more of them, which as strings of their
/// own would each be allocated while parsing and freed after validating, for tens of thousands of
/// events.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Key<'a>(pub Cow<'a, str>);

impl Deref for Key<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// In the published schema, a string like any other.
#[cfg(test)]
impl schemars::JsonSchema for Key<'_> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Key<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = Key<'de>;

            // As serde says it of a `String`, so that messages about the file read the same.
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }

            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(Text)
    }
}

/// A whole dataset file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDataset<'a> {
    /// Version of the file format; this program reads version 1.
    pub format: u32,
    /// Title of the dataset, shown in the page header.
    pub title: String,
    /// Russian title of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ru: Option<String>,
    /// One or two sentences on what the dataset covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Russian translation of `description`; without it the Russian interface shows `description`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_ru: Option<String>,
    /// The lanes of the timeline, in display order (top to bottom).
    pub tracks: Vec<RawTrack>,
    /// Periods drawn as bands behind the events.
    #[serde(default)]
    pub eras: Vec<RawEra>,
    /// Every source cited anywhere in the file.
    pub sources: Vec<RawSource>,
    /// The dated events.
    #[serde(borrow)]
    pub events: Vec<RawEvent<'a>>,
    /// Places where sources disagree, or where a seed document is contradicted by the evidence.
    #[serde(default)]
    pub discrepancies: Vec<RawDiscrepancy>,
    /// How the 2019 road maps became the 2021 union programmes (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<RawMapping>,
    /// Who belonged to which post-Soviet organisation, and when (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership: Option<RawMembership>,
    /// What was declared and what was delivered, sector by sector (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<RawDepth>,
    /// A story: the steps a speaker walks through with "next" (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<RawStory>,
}

/// One lane of the timeline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    /// Identifier referenced by events (`[a-z0-9-]+`).
    pub id: String,
    /// Lane label.
    pub label: String,
    /// Russian lane label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
}

/// A period, drawn as a band behind the lanes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEra {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Name of the period.
    pub label: String,
    /// Russian name of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
    /// First day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a partial date means its first day).
    pub start: String,
    /// Last day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a partial date means its last day).
    pub end: String,
    /// Why this period is drawn as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Russian translation of `summary`; without it the Russian interface shows `summary`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_ru: Option<String>,
    /// Identifiers of the sources behind the period's bounds.
    pub sources: Vec<String>,
}

/// A source: a document, an article or a web page that was read.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Identifier referenced by events, eras and discrepancies.
    pub id: String,
    /// Title or description of the source as read.
    pub title: String,
    /// Address of the source (`http` or `https` only), where one is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publisher, site or author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Kind of source: `official`, `treaty-text`, `wire`, `press`, `secondary`, `encyclopaedia`,
    /// `seed` (one of the two documents the product comes from) or `scholarly`.
    pub kind: String,
}

/// One dated event.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEvent<'a> {
    /// Unique identifier (`[a-z0-9-]+`), stable across versions of the dataset.
    #[serde(borrow)]
    pub id: Key<'a>,
    /// When: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a range `START/END` of two such dates.
    /// The form gives the precision.
    #[serde(borrow)]
    pub date: Key<'a>,
    /// Short English title.
    pub title: String,
    /// Russian title: for an act, its official Russian title where known, otherwise a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ru: Option<String>,
    /// One to three sentences on what happened and why it matters.
    pub summary: String,
    /// Russian translation of `summary`; without it the Russian interface shows `summary`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_ru: Option<String>,
    /// Identifier of the track (lane) the event belongs to.
    #[serde(borrow)]
    pub track: Key<'a>,
    /// What sort of act it is: `treaty`, `agreement`, `protocol`, `declaration`, `charter`,
    /// `ratification`, `entry-into-force`, `decree`, `resolution`, `law`, `meeting`, `statement`,
    /// `negotiation`, `measure`, `deployment` or `process`.
    #[serde(borrow)]
    pub kind: Key<'a>,
    /// What became of it, where that applies: `signed`, `ratified`, `in-force`, `implemented`,
    /// `partly-implemented`, `never-implemented`, `reversed`, `shelved`, `superseded` or `terminated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub status: Option<Key<'a>>,
    /// Identifiers of the sources that support the event (at least one).
    #[serde(borrow)]
    pub sources: Vec<Key<'a>>,
    /// How sure the dataset is of the event: `high`, `medium` or `low` (see the README).
    #[serde(borrow)]
    pub confidence: Key<'a>,
    /// Why the confidence is what it is, or what is uncertain, where that needs saying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note: Option<String>,
    /// Russian translation of `confidence_note`; without it the Russian interface shows `confidence_note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_ru: Option<String>,
    /// Identifiers of related events (a signature and its ratification, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub related: Vec<Key<'a>>,
}

/// A documented disagreement: between sources, or between a seed document and the evidence.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDiscrepancy {
    /// Unique identifier (`[a-z0-9-]+`).
    pub id: String,
    /// One-line name of the discrepancy.
    pub title: String,
    /// Russian translation of `title`; without it the Russian interface shows `title`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ru: Option<String>,
    /// What is claimed, quoted or closely paraphrased.
    pub claim: String,
    /// Russian translation of `claim`; without it the Russian interface shows `claim`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_ru: Option<String>,
    /// Identifiers of the sources that make the claim.
    pub claimed_by: Vec<String>,
    /// What the evidence shows instead.
    pub finding: String,
    /// Russian translation of `finding`; without it the Russian interface shows `finding`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding_ru: Option<String>,
    /// Identifiers of the sources behind the finding.
    pub sources: Vec<String>,
    /// Identifiers of the events the discrepancy concerns (their cards show it).
    pub events: Vec<String>,
}

/// The road maps of 2019-2020, the union programmes of 2021, the links between them, and the officials'
/// claims of how far the programmes were implemented.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawMapping {
    /// Sectors that group road maps and programmes, in display order (top to bottom).
    pub sectors: Vec<RawSector>,
    /// Road maps, or documented groups of them (left column).
    pub road_maps: Vec<RawRoadMap>,
    /// Union programmes (right column).
    pub programmes: Vec<RawProgramme>,
    /// Links from road maps to programmes.
    pub links: Vec<RawLink>,
    /// Officials' self-reported implementation figures.
    #[serde(default)]
    pub claims: Vec<RawClaim>,
}

/// A sector (finance; tax and customs; energy; industry and agriculture; social; other...).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSector {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Name of the sector.
    pub label: String,
    /// Russian name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
}

/// A road map of 2019-2020, or a documented group of road maps whose titles were never published.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRoadMap {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Topic of the road map as reported (not an official title unless the sources give one).
    pub label: String,
    /// Russian label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
    /// Identifier of its sector.
    pub sector: String,
    /// How negotiations ended: `agreed`, `contentious` (disputed, later partly settled), `excluded`
    /// (left out of the programmes) or `shelved` (set aside).
    pub status: String,
    /// How many road maps this node stands for (1 unless it is a group, such as the unpublished rest).
    #[serde(default = "one")]
    pub count: u32,
    /// Whether the node stands for road maps whose titles were never published.
    #[serde(default)]
    pub unpublished: bool,
    /// When the road map (or the whole set) is first reported: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub reported: String,
    /// When it was reported agreed, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<String>,
    /// When it was reported excluded or shelved, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped: Option<String>,
    /// What is known of it.
    pub summary: String,
    /// Russian translation of `summary`; without it the Russian interface shows `summary`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_ru: Option<String>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
    /// `high`, `medium` or `low`.
    pub confidence: String,
    /// Why, where that needs saying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note: Option<String>,
    /// Russian translation of `confidence_note`; without it the Russian interface shows `confidence_note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_ru: Option<String>,
    /// Identifiers of timeline events about this road map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

fn one() -> u32 {
    1
}

/// A union programme of 2021.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawProgramme {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Subject of the programme (paraphrased unless the sources give the official title).
    pub label: String,
    /// Russian title, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
    /// Identifier of its sector.
    pub sector: String,
    /// When it was signed (adopted; a later approval belongs in its summary): `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`.
    pub approved: String,
    /// What it covers, and what is known of its fate.
    pub summary: String,
    /// Russian translation of `summary`; without it the Russian interface shows `summary`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_ru: Option<String>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
    /// `high`, `medium` or `low`.
    pub confidence: String,
    /// Why, where that needs saying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note: Option<String>,
    /// Russian translation of `confidence_note`; without it the Russian interface shows `confidence_note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_ru: Option<String>,
    /// Identifiers of timeline events about this programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

/// A link from a road map to the programme it became (or fed into).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// Identifier of the road map.
    pub from: String,
    /// Identifier of the programme.
    pub to: String,
    /// `documented` (a source says so) or `inferred` (by topic; the note gives the reasoning).
    pub evidence: String,
    /// The source's words, or the reasoning for an inferred link.
    pub note: String,
    /// Russian translation of `note`; without it the Russian interface shows `note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ru: Option<String>,
    /// Identifiers of the sources (for an inferred link, those the reasoning rests on).
    pub sources: Vec<String>,
}

/// An official's claim of how far the programmes were implemented.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// When the claim was made: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Who made it (name, and office where the sources give it).
    pub claimant: String,
    /// Russian translation of `claimant`; without it the Russian interface shows `claimant`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_ru: Option<String>,
    /// Which plan it measures: `2021-2023` (the 28 programmes) or `2024-2026` (the Main Directions).
    pub plan: String,
    /// The share of measures reported done, in percent (the lower figure where a range is given).
    pub percent: f64,
    /// The upper figure of a range, in percent, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_high: Option<f64>,
    /// The claim in the claimant's words, or closely paraphrased.
    pub text: String,
    /// Russian translation of `text`; without it the Russian interface shows `text`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ru: Option<String>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

/// Membership of the post-Soviet states in the Russian-led organisations over time.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawMembership {
    /// The states, in display order.
    pub states: Vec<RawState>,
    /// The organisations, in display order.
    pub organisations: Vec<RawOrganisation>,
    /// Dated statuses of a state in an organisation. A state is "left" after its last interval ends.
    pub intervals: Vec<RawInterval>,
}

/// A state.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawState {
    /// Identifier (`[a-z0-9-]+`, e.g. the ISO code `by`).
    pub id: String,
    /// Name.
    pub label: String,
    /// Russian name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
}

/// An organisation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Short name (CIS, CSTO...).
    pub label: String,
    /// Full name.
    pub name: String,
    /// Russian translation of `name`; without it the Russian interface shows `name`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ru: Option<String>,
    /// Russian short name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
    /// The band the organisation is grouped under in the membership matrix ("Security", "Economic"...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Russian translation of `group`; without it the Russian interface shows `group`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_ru: Option<String>,
    /// When it was founded: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub founded: String,
    /// When it ceased to exist, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    /// What became of it, or what it turned into.
    pub summary: String,
    /// Russian translation of `summary`; without it the Russian interface shows `summary`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_ru: Option<String>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
    /// Identifiers of timeline events about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

/// One status of one state in one organisation, over an interval of time.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawInterval {
    /// Identifier of the state.
    pub state: String,
    /// Identifier of the organisation.
    pub organisation: String,
    /// `member`, `associate`, `observer`, `participant` (a founding state that never became a full
    /// member), `suspended` (suspended or frozen) or `exit-pending`.
    pub status: String,
    /// First day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a partial date means its first day).
    pub from: String,
    /// Last day, if it ended: the same forms (a partial date means its first day, when the change took effect).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// What happened at the start and end, and any conflict between sources.
    pub note: String,
    /// Russian translation of `note`; without it the Russian interface shows `note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ru: Option<String>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

/// Declared versus delivered integration, sector by sector.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDepth {
    /// The sectors, in display order.
    pub sectors: Vec<RawDepthSector>,
    /// What treaties and decisions declared, and what became of each.
    pub provisions: Vec<RawProvision>,
}

/// A sector of integration (military security, free movement of people...).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDepthSector {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Name.
    pub label: String,
    /// Russian name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
    /// What the seed documents claim about the sector, with their source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// Russian translation of `claim`; without it the Russian interface shows `claim`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_ru: Option<String>,
    /// Identifiers of the sources of the claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_sources: Vec<String>,
}

/// A provision declared by a treaty or decision, and its fate.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawProvision {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// Identifier of the sector.
    pub sector: String,
    /// What was declared, in a few words.
    pub label: String,
    /// Russian translation of `label`; without it the Russian interface shows `label`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ru: Option<String>,
    /// When it was declared: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub declared: String,
    /// Identifiers of the timeline events (instruments) that declared it (at least one).
    pub declared_by: Vec<String>,
    /// What happened to it, in time order. With none, it stayed declared only.
    #[serde(default)]
    pub outcomes: Vec<RawOutcome>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
    /// `high`, `medium` or `low`.
    pub confidence: String,
    /// Whether the fate is a judgement inferred from indirect evidence (the note says why).
    #[serde(default)]
    pub inferred: bool,
    /// Explanation, especially of an inferred judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Russian translation of `note`; without it the Russian interface shows `note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ru: Option<String>,
}

/// A change in a provision's fate.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    /// When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// `implemented`, `partly` (partly implemented), `declared-only` (still not delivered, or postponed
    /// again) or `reversed`.
    pub state: String,
    /// What happened.
    pub note: String,
    /// Russian translation of `note`; without it the Russian interface shows `note`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ru: Option<String>,
    /// `true` where no source says when it happened: `date` is then that of the first source that
    /// records it, and the outcome held by then at the latest.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by: bool,
    /// `true` where the outcome rests only on officials' own statements or figures, not verified
    /// independently.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub claimed: bool,
    /// Identifiers of the timeline events that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// Identifiers of the sources.
    pub sources: Vec<String>,
}

/// A story told in steps, each a view at a time with a selection and a caption.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawStory {
    /// Title of the story.
    pub title: String,
    /// Russian translation of `title`; without it the Russian interface shows `title`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ru: Option<String>,
    /// The steps, in order.
    pub steps: Vec<RawStep>,
}

/// One step of a story.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Identifier (`[a-z0-9-]+`).
    pub id: String,
    /// The view: `timeline`, `mapping`, `membership` or `depth`.
    pub view: String,
    /// The playhead's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub time: String,
    /// What is selected: an event id (timeline), road map or programme id (mapping), state or
    /// organisation id (membership), provision id (depth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
    /// The timeline's visible window, from this date...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// ...to this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The caption shown to the audience.
    pub caption: String,
    /// Russian translation of `caption`; without it the Russian interface shows `caption`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption_ru: Option<String>,
    /// Speaker notes, shown in the presenter window only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Russian translation of `notes`; without it the Russian interface shows `notes`, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes_ru: Option<String>,
    /// Identifiers of the sources behind the caption.
    pub sources: Vec<String>,
}

/// The mark before a text the Russian interface shows in English because the dataset has no
/// translation for it: the fallback is visible, never an empty label.
pub const UNTRANSLATED: &str = "[EN] ";
