//! Colours, strokes and type sizes of the charts, as named constants.

use crate::i18n::Locale;
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor};

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// The language of the words drawn (headings, legends, dates, tick labels).
    pub locale: Locale,
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
    /// The colour text in a hue is pulled towards so it reads on the background (black on light
    /// themes, white on dark ones), and by how much (0..1).
    pub ink_towards: (RGBColor, f64),
    /// Opacity of the hollow marks of what the playhead has not reached yet ([`GHOST_ALPHA`]; more
    /// in the projector theme, whose washed-out screens would lose them).
    pub ghost_alpha: f64,
    /// Opacity of a fully shown event's range bar ([`BAR_ALPHA`]; more in the projector theme).
    pub bar_alpha: f64,
    /// How much bigger everything is drawn (the projector theme's large type), 1 for normal.
    pub scale: f64,
}

impl Theme {
    /// The colours the page's legends draw their marks in, by the name of the CSS custom property
    /// (`--c-NAME`) the style sheet reads them from: set on the page from the theme in force, so that a
    /// legend's swatch is the colour its chart draws in every theme.
    pub fn legend_colours(&self) -> [(&'static str, RGBColor); 13] {
        [
            ("agreed", self.agreed),
            ("contentious", self.contentious),
            ("excluded", self.excluded),
            ("shelved", self.shelved),
            ("pending", self.pending),
            ("programme", self.programme),
            ("member", self.member),
            ("associate", self.associate),
            ("suspended", self.suspended),
            ("leaving", self.leaving),
            ("declared", self.declared),
            ("delivered", self.delivered),
            ("gap", self.gap),
        ]
    }
}

/// The light theme. Track colours are the Okabe–Ito palette, distinguishable with colour-blindness.
pub const LIGHT: Theme = Theme {
    locale: Locale::en,
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
    ink_towards: (RGBColor(0, 0, 0), 0.28),
    ghost_alpha: GHOST_ALPHA,
    bar_alpha: BAR_ALPHA,
    scale: 1.0,
};

/// The dark theme.
pub const DARK: Theme = Theme {
    locale: Locale::en,
    background: RGBColor(22, 24, 30),
    text: RGBColor(232, 234, 240),
    muted: RGBColor(170, 177, 190),
    grid: RGBColor(62, 68, 80),
    era_fill: [RGBColor(30, 33, 41), RGBColor(40, 44, 55)],
    playhead: RGBColor(255, 110, 130),
    selection: RGBColor(245, 245, 245),
    tracks: [
        RGBColor(86, 180, 233),
        RGBColor(230, 159, 0),
        RGBColor(240, 120, 60),
        RGBColor(0, 190, 140),
        RGBColor(220, 140, 190),
        RGBColor(150, 200, 245),
    ],
    agreed: RGBColor(0, 190, 130),
    contentious: RGBColor(240, 130, 50),
    excluded: RGBColor(215, 120, 195),
    shelved: RGBColor(150, 150, 162),
    pending: RGBColor(110, 116, 128),
    programme: RGBColor(140, 170, 235),
    member: RGBColor(95, 155, 235),
    associate: RGBColor(55, 85, 135),
    suspended: RGBColor(240, 130, 50),
    leaving: RGBColor(215, 120, 195),
    declared: RGBColor(170, 177, 190),
    delivered: RGBColor(0, 190, 130),
    gap: RGBColor(240, 120, 90),
    font_family: "sans-serif",
    ink_towards: (RGBColor(255, 255, 255), 0.25),
    ghost_alpha: GHOST_ALPHA,
    bar_alpha: BAR_ALPHA,
    scale: 1.0,
};

/// The projector theme: highest contrast, heavier colours and large type, for a room far from a
/// washed-out screen.
pub const PROJECTOR: Theme = Theme {
    locale: Locale::en,
    background: RGBColor(255, 255, 255),
    text: RGBColor(0, 0, 0),
    muted: RGBColor(40, 40, 40),
    grid: RGBColor(150, 150, 150),
    era_fill: [RGBColor(242, 242, 242), RGBColor(222, 222, 222)],
    playhead: RGBColor(190, 0, 30),
    selection: RGBColor(0, 0, 0),
    tracks: [
        RGBColor(0, 80, 160),
        RGBColor(150, 85, 0),
        RGBColor(180, 50, 0),
        RGBColor(0, 105, 65),
        RGBColor(160, 40, 115),
        RGBColor(20, 95, 165),
    ],
    agreed: RGBColor(0, 105, 65),
    contentious: RGBColor(180, 50, 0),
    excluded: RGBColor(140, 30, 110),
    shelved: RGBColor(70, 70, 80),
    pending: RGBColor(120, 120, 130),
    programme: RGBColor(10, 30, 90),
    member: RGBColor(0, 60, 140),
    associate: RGBColor(90, 130, 190),
    suspended: RGBColor(180, 50, 0),
    leaving: RGBColor(140, 30, 110),
    declared: RGBColor(40, 40, 40),
    delivered: RGBColor(0, 105, 65),
    gap: RGBColor(220, 100, 60),
    font_family: "sans-serif",
    ink_towards: (RGBColor(0, 0, 0), 0.2),
    // 3:1 against the background and the era bands for the track colours' faint rings (1.6 to
    // 1.9:1 at the other themes' 0.35); bars darker too, as far as the labels over them allow.
    ghost_alpha: 0.8,
    bar_alpha: 0.7,
    scale: 1.3,
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
/// Length of a tick mark on the axis, px.
pub const TICK_LEN_PX: f64 = 5.0;

impl Theme {
    /// The chart font at `size_px`.
    pub fn font(&self, size_px: f64) -> FontDesc<'static> {
        FontDesc::new(
            FontFamily::Name(self.font_family),
            size_px,
            FontStyle::Normal,
        )
    }

    /// The chart font, bold, at `size_px`.
    pub fn bold(&self, size_px: f64) -> FontDesc<'static> {
        FontDesc::new(FontFamily::Name(self.font_family), size_px, FontStyle::Bold)
    }

    /// The colour for text in the hue of `c`: pulled towards the theme's ink so that small text meets
    /// WCAG AA (4.5:1) on the theme's backgrounds.
    pub fn ink(&self, c: RGBColor) -> RGBColor {
        let (to, k) = self.ink_towards;
        let mix = |a: u8, b: u8| (f64::from(a) * (1.0 - k) + f64::from(b) * k).round() as u8;
        RGBColor(mix(c.0, to.0), mix(c.1, to.1), mix(c.2, to.2))
    }

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
    fn chart_text_meets_wcag_aa_in_every_theme() {
        for (name, t) in [("light", LIGHT), ("dark", DARK), ("projector", PROJECTOR)] {
            for bg in [t.background, t.era_fill[0], t.era_fill[1]] {
                assert!(contrast(t.text, bg) >= 4.5, "{name}");
                assert!(contrast(t.muted, bg) >= 4.5, "{name}: muted text on {bg:?}");
                let more = [t.contentious, t.programme, t.member, t.delivered];
                let hues = t.tracks.iter().chain(more.iter());
                for c in hues {
                    let ink = t.ink(*c);
                    assert!(
                        contrast(ink, bg) >= 4.5,
                        "{name}: text in {c:?} on {bg:?}: {:.2}",
                        contrast(ink, bg)
                    );
                }
            }
            assert!(
                contrast(t.background, t.playhead) >= 4.5,
                "{name}: the playhead's date"
            );
        }
    }

    /// `c` at `alpha` over `bg`, as the canvas composes it.
    fn over(c: RGBColor, alpha: f64, bg: RGBColor) -> RGBColor {
        let mix =
            |a: u8, b: u8| (f64::from(a) * alpha + f64::from(b) * (1.0 - alpha)).round() as u8;
        RGBColor(mix(c.0, bg.0), mix(c.1, bg.1), mix(c.2, bg.2))
    }

    #[test]
    fn the_projector_themes_faint_marks_stand_out_from_every_band() {
        // The events after the playhead (rings) carry meaning the legend names: 3:1 against the
        // background and both era bands (WCAG 1.4.11) in the projector theme, whose screens wash
        // colours out (1.6 to 1.9:1 at the laptop themes' opacity). The spans' bars are darker
        // too, but stop short of 3:1: the labels drawn over them must keep 4.5:1.
        let t = PROJECTOR;
        for bg in [t.background, t.era_fill[0], t.era_fill[1]] {
            for c in &t.tracks[..4] {
                let ring = contrast(over(*c, t.ghost_alpha, bg), bg);
                let bar = over(*c, t.bar_alpha, bg);
                assert!(ring >= 3.0, "a ring in {c:?} on {bg:?}: {ring:.2}");
                assert!(contrast(bar, bg) >= 2.5, "a bar in {c:?} on {bg:?}");
                let label = contrast(t.text, bar);
                assert!(label >= 4.5, "a label on a bar in {c:?}: {label:.2}");
            }
        }
    }
}
