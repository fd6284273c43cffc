//! Colours, strokes and type sizes of the charts, as named constants.

use plotters::style::RGBColor;

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Canvas background.
    pub background: RGBColor,
    /// Main text.
    pub text: RGBColor,
    /// Secondary text (axis labels, lane names).
    pub muted: RGBColor,
    /// Grid lines and lane separators.
    pub grid: RGBColor,
    /// Alternating era band fills.
    pub era_fill: [RGBColor; 2],
    /// The playhead line and its date.
    pub playhead: RGBColor,
    /// Outline of the selected event.
    pub selection: RGBColor,
    /// Lane colours, cycled if there are more tracks.
    pub tracks: [RGBColor; 6],
    /// Road maps reported agreed.
    pub agreed: RGBColor,
    /// Road maps in dispute.
    pub contentious: RGBColor,
    /// Road maps left out of the programmes.
    pub excluded: RGBColor,
    /// Road maps set aside.
    pub shelved: RGBColor,
    /// Road maps still under negotiation, and other neutral marks.
    pub pending: RGBColor,
    /// Programme bars.
    pub programme: RGBColor,
    /// Members of an organisation (also observers and participants, drawn hollow or half filled).
    pub member: RGBColor,
    /// Associate members.
    pub associate: RGBColor,
    /// Suspended or frozen memberships (hatched).
    pub suspended: RGBColor,
    /// Exits pending.
    pub leaving: RGBColor,
    /// What was declared (the upper line of the depth ladder).
    pub declared: RGBColor,
    /// What was delivered (the lower line of the depth ladder).
    pub delivered: RGBColor,
    /// The gap between declared and delivered.
    pub gap: RGBColor,
    /// Font family for all chart text.
    pub font_family: &'static str,
}

/// The light theme. Track colours are the Okabe–Ito palette, distinguishable with colour-blindness.
pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    text: RGBColor(28, 30, 36),
    muted: RGBColor(84, 90, 102),
    grid: RGBColor(214, 218, 226),
    era_fill: [RGBColor(244, 246, 250), RGBColor(234, 238, 245)],
    playhead: RGBColor(200, 30, 60),
    selection: RGBColor(20, 20, 20),
    tracks: [
        RGBColor(0, 114, 178),
        RGBColor(196, 120, 0),
        RGBColor(213, 94, 0),
        RGBColor(0, 140, 100),
        RGBColor(204, 121, 167),
        RGBColor(40, 130, 190),
    ],
    agreed: RGBColor(0, 130, 90),
    contentious: RGBColor(213, 94, 0),
    excluded: RGBColor(170, 60, 140),
    shelved: RGBColor(110, 110, 120),
    pending: RGBColor(160, 166, 178),
    programme: RGBColor(40, 60, 110),
    member: RGBColor(30, 90, 160),
    associate: RGBColor(110, 150, 205),
    suspended: RGBColor(213, 94, 0),
    leaving: RGBColor(170, 60, 140),
    declared: RGBColor(84, 90, 102),
    delivered: RGBColor(0, 130, 90),
    gap: RGBColor(230, 120, 90),
    font_family: "sans-serif",
};

/// Opacity of the hollow marks of events the playhead has not reached yet.
pub const GHOST_ALPHA: f64 = 0.35;
/// Opacity of a fully shown event's range bar.
pub const BAR_ALPHA: f64 = 0.45;
/// Line width of marker outlines, px.
pub const MARKER_STROKE_PX: u32 = 2;
/// Line width of the playhead, px.
pub const PLAYHEAD_STROKE_PX: u32 = 2;
/// Gap between the selection ring and the marker, px.
pub const RING_GAP_PX: f64 = 4.0;
/// Line width of the selection ring, px.
pub const RING_STROKE_PX: u32 = 2;
/// Opacity of what is not on the highlighted path.
pub const DIM_ALPHA: f64 = 0.14;
/// Opacity of a link at rest.
pub const LINK_ALPHA: f64 = 0.55;
/// Dash and gap lengths of an inferred link, px.
pub const DASH_PX: (u32, u32) = (6, 4);
/// How much a mark's colour is darkened to write text in it, so small text meets WCAG AA (4.5:1) on
/// the light backgrounds.
pub const INK_DARKEN: f64 = 0.72;

/// The colour for text in the hue of `c`: `c` darkened by [`INK_DARKEN`].
pub fn ink(c: RGBColor) -> RGBColor {
    let d = |v: u8| (f64::from(v) * INK_DARKEN).round() as u8;
    RGBColor(d(c.0), d(c.1), d(c.2))
}

/// Length of a tick mark on the axis, px.
pub const TICK_LEN_PX: f64 = 5.0;

impl Theme {
    /// The colour of a road-map outcome.
    pub fn status(&self, status: crate::model::RoadMapStatus) -> RGBColor {
        use crate::model::RoadMapStatus::*;
        match status {
            Agreed => self.agreed,
            Contentious => self.contentious,
            Excluded => self.excluded,
            Shelved => self.shelved,
        }
    }

    /// The colour of a track's lane.
    pub fn track(&self, track: usize) -> RGBColor {
        self.tracks[track % self.tracks.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn chart_text_meets_wcag_aa() {
        let t = LIGHT;
        let backgrounds = [t.background, t.era_fill[0], t.era_fill[1]];
        for bg in backgrounds {
            assert!(contrast(t.text, bg) >= 4.5);
            assert!(contrast(t.muted, bg) >= 4.5, "muted text on {bg:?}");
            for c in t
                .tracks
                .iter()
                .chain([t.contentious, t.programme, t.member, t.delivered].iter())
            {
                assert!(
                    contrast(ink(*c), bg) >= 4.5,
                    "text in {c:?} on {bg:?}: {:.2}",
                    contrast(ink(*c), bg)
                );
            }
        }
        assert!(
            contrast(t.background, t.playhead) >= 4.5,
            "the playhead's date"
        );
    }
}
