//! The dataset exactly as it is written in JSON.
//!
//! These types mirror the file format one to one and carry no invariants beyond the JSON shape: every
//! reference is still a string, every date still text. [`super::Dataset::from_raw`] turns them into the
//! validated domain types. The published JSON Schema (`public/dataset.schema.json`) is generated from these
//! same types, so the format and its schema cannot drift apart.

use serde::{Deserialize, Serialize};

/// A whole dataset file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
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
    /// The lanes of the timeline, in display order (top to bottom).
    pub tracks: Vec<RawTrack>,
    /// Periods drawn as bands behind the events.
    #[serde(default)]
    pub eras: Vec<RawEra>,
    /// Every source cited anywhere in the file.
    pub sources: Vec<RawSource>,
    /// The dated events.
    pub events: Vec<RawEvent>,
    /// Places where sources disagree, or where a seed document is contradicted by the evidence.
    #[serde(default)]
    pub discrepancies: Vec<RawDiscrepancy>,
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
pub struct RawEvent {
    /// Unique identifier (`[a-z0-9-]+`), stable across versions of the dataset.
    pub id: String,
    /// When: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a range `START/END` of two such dates.
    /// The form gives the precision.
    pub date: String,
    /// Short English title.
    pub title: String,
    /// The official Russian title, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ru: Option<String>,
    /// One to three sentences on what happened and why it matters.
    pub summary: String,
    /// Identifier of the track (lane) the event belongs to.
    pub track: String,
    /// What sort of act it is: `treaty`, `agreement`, `protocol`, `declaration`, `charter`,
    /// `ratification`, `entry-into-force`, `decree`, `resolution`, `law`, `meeting`, `statement`,
    /// `negotiation`, `measure`, `deployment` or `process`.
    pub kind: String,
    /// What became of it, where that applies: `signed`, `ratified`, `in-force`, `implemented`,
    /// `partly-implemented`, `never-implemented`, `reversed`, `shelved`, `superseded` or `terminated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Identifiers of the sources that support the event (at least one).
    pub sources: Vec<String>,
    /// How sure the dataset is of the event: `high`, `medium` or `low` (see the README).
    pub confidence: String,
    /// Why the confidence is what it is, or what is uncertain, where that needs saying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note: Option<String>,
    /// Identifiers of related events (a signature and its ratification, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
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
    /// What is claimed, quoted or closely paraphrased.
    pub claim: String,
    /// Identifiers of the sources that make the claim.
    pub claimed_by: Vec<String>,
    /// What the evidence shows instead.
    pub finding: String,
    /// Identifiers of the sources behind the finding.
    pub sources: Vec<String>,
    /// Identifiers of the events the discrepancy concerns (their cards show it).
    pub events: Vec<String>,
}
