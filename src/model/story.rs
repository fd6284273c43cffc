//! A story: the steps a speaker walks through with "next", validated against the data.

use super::date::Day;

/// The steps of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Title.
    pub title: String,
    /// Steps, in order.
    pub steps: Vec<Step>,
}

/// Which view a step shows (the model's own name for the app's views).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepView {
    /// The timeline.
    Timeline,
    /// Road maps to programmes.
    Mapping,
    /// Memberships.
    Membership,
    /// Depth by sector.
    Depth,
}

impl StepView {
    /// Reads the name used in the file and in links.
    pub fn parse(text: &str) -> Option<StepView> {
        match text {
            "timeline" => Some(StepView::Timeline),
            "mapping" => Some(StepView::Mapping),
            "membership" => Some(StepView::Membership),
            "depth" => Some(StepView::Depth),
            _ => None,
        }
    }
}

/// One step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Identifier from the file.
    pub id: String,
    /// The view.
    pub view: StepView,
    /// The playhead's day.
    pub time: Day,
    /// The id of what is selected (checked to exist in the view).
    pub selection: Option<String>,
    /// The timeline's window, if given.
    pub window: Option<(Day, Day)>,
    /// The caption for the audience.
    pub caption: String,
    /// Speaker notes.
    pub notes: Option<String>,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
}
