//! Layout of the road-map to programme diagram: two columns of nodes grouped in sector bands, links
//! between them, and the remodelling animation's state at a given time.
//!
//! Nodes are ordered by sector (the dataset's order), then road maps by outcome (agreed, contentious,
//! excluded, shelved) and programmes by number, so the order is stable and reads top to bottom. A sector's
//! road maps and programmes share one horizontal band, so most links run level and the few that cross
//! bands stand out. Node heights are proportional to the number of road maps a node stands for, but never
//! below one label line, so labels cannot overlap. Coordinates are CSS px from the canvas's top-left.

use super::anim::ease_in_out_cubic;
use super::lanes::Rect;
use super::text;
use crate::model::{Mapping, RoadMapStatus};

/// Days over which the road maps morph into programmes, ending on the programmes' approval. Officials
/// began to call the maps "union programmes" about three months before the September 2021 signing.
pub const MORPH_DAYS: f64 = 92.0;
/// Below this canvas width (CSS px) the diagram uses its compact sizes.
pub const NARROW_WIDTH_PX: f64 = 640.0;
/// Points sampled along each link's curve.
const CURVE_SAMPLES: usize = 28;

/// Which column a node is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    /// A road map (index into [`Mapping::road_maps`]).
    RoadMap(usize),
    /// A programme (index into [`Mapping::programmes`]).
    Programme(usize),
}

/// What the user can point at in the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A node.
    Node(Node),
    /// A link (index into [`Mapping::links`]).
    Link(usize),
}

/// Sizes that depend on the canvas width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Whether the compact sizes are in use.
    pub narrow: bool,
    /// Label font size, px (may shrink to fit the height).
    pub font_px: f64,
    /// Smallest node height: one label line, px.
    pub min_node_px: f64,
    /// Gap between nodes in a column, px.
    pub node_gap_px: f64,
    /// Width of the strip on the left where sector names run upwards, px.
    pub caption_px: f64,
    /// Type of the sector names (bold), px: four fifths of the labels', but never smaller on screen
    /// than [`LEAST_FONT_PX`].
    pub caption_font_px: f64,
    /// The sectors (bit `s` for sector `s`, the first 64) whose bands are as long as their names need
    /// to be whole; the others' names may be cut.
    pub whole_names: u64,
    /// Gap between sector bands, px.
    pub band_gap_px: f64,
    /// Height of the column headings, px.
    pub header_px: f64,
    /// Width of a node bar, px.
    pub node_w_px: f64,
    /// Space between a node and its label, px.
    pub label_gap_px: f64,
    /// Widest link, px.
    pub max_link_px: f64,
}

impl Metrics {
    /// Metrics for a canvas `width` px wide, with label font `font_px`, drawn at the theme's `scale`,
    /// no band lengthened for its name.
    fn new(width: f64, font_px: f64, scale: f64) -> Metrics {
        let narrow = width < NARROW_WIDTH_PX;
        Metrics {
            narrow,
            font_px,
            min_node_px: (font_px + 3.0).round(),
            node_gap_px: 2.0,
            caption_px: font_px + 6.0,
            // The sector names in the projector's compact layout were 7.2 px on screen.
            caption_font_px: (font_px * 0.8).max(least_font(scale)).min(font_px),
            whole_names: 0,
            band_gap_px: if narrow { 6.0 } else { 8.0 },
            header_px: font_px + 14.0,
            node_w_px: if narrow { 8.0 } else { 12.0 },
            label_gap_px: 6.0,
            max_link_px: 10.0,
        }
    }
}

/// The room one line of a sector's name takes across its strip, px.
pub fn caption_line_px(mt: &Metrics) -> f64 {
    mt.caption_font_px + 2.0
}

/// Room left at the ends of a band by the sector's name along it, px.
const CAPTION_END_PX: f64 = 4.0;

/// A sector's name (upper case) along a band `room` px long, in type of `font_px`: on one line, or on
/// two where one would be cut and both hold it whole in bold, the first on the left as rotated text
/// reads upwards; cut on one line where two would not do either.
fn caption_lines(name: &str, font_px: f64, room: f64) -> Vec<String> {
    // A hair more: `room` is a difference of sums that [`caption_need`]'s length went into.
    let room = room + 1e-6;
    if text::width_px(name, font_px) <= room {
        return vec![name.to_owned()];
    }
    text::two_bold_lines(name, font_px)
        .filter(|(_, wider)| *wider <= room)
        .map_or_else(
            || vec![text::truncate(name, font_px, room)],
            |(two, _)| Vec::from(two),
        )
}

/// The bit of sector `s` in [`Metrics::whole_names`] (none past the 64th).
fn name_bit(s: usize) -> u64 {
    u32::try_from(s)
        .ok()
        .and_then(|s| 1u64.checked_shl(s))
        .unwrap_or(0)
}

/// The least length the band of sector `s` needs for its `name` along it to be whole
/// ([`caption_lines`]), px, or none where [`Metrics::whole_names`] does not say so.
fn caption_need(s: usize, name: &str, mt: &Metrics) -> f64 {
    if mt.whole_names & name_bit(s) == 0 {
        return 0.0;
    }
    let f = mt.caption_font_px;
    let one = text::width_px(name, f);
    let two = text::two_bold_lines(name, f).map_or(one, |(_, wider)| wider);
    one.min(two) + CAPTION_END_PX
}

/// The name of `band`'s sector written across the road maps' column, in bold type and `room` px,
/// where it is cut along the band, the band's rows from `free` down hold a line of it, and across it
/// more of it shows. See [`Caption::Across`].
fn across(band: &Band, name: &str, free: f64, room: f64, mt: &Metrics) -> Option<Caption> {
    let Caption::Along(along) = &band.caption else {
        return None;
    };
    let rows = (band.y1 - free) / caption_line_px(mt);
    if along.join(" ") == name || rows < 1.0 {
        return None;
    }
    let f = mt.caption_font_px;
    let fit = |line: &str| text::truncate(line, f, room / text::BOLD_WIDER);
    // How much of the name lines show.
    let shown = |lines: &[String]| lines.join(" ").trim_end_matches('…').chars().count();
    let one = vec![fit(name)];
    // Two lines where one would be cut: the first whole, the second cut if it must be.
    let two = text::two_bold_lines(name, f)
        .filter(|([first, _], _)| rows >= 2.0 && one[0] != name && fit(first) == *first)
        .map(|([first, second], _)| vec![first, fit(&second)])
        .filter(|two| shown(two) > shown(&one));
    let lines = two.unwrap_or(one);
    (shown(&lines) > shown(along)).then(|| Caption::Across {
        lines,
        x: CAPTION_END_PX,
        y: (free + band.y1) / 2.0,
    })
}

/// A node on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    /// Which node.
    pub node: Node,
    /// Index of its sector.
    pub sector: usize,
    /// The bar.
    pub rect: Rect,
    /// Label, cut to fit ("" if nothing fits), labels cut alike told apart by their ends.
    pub label: String,
    /// In a node tall enough for two lines or more whose label is cut on one ("19 × Other road maps
    /// (titles n…"), its words on as many lines as the node holds ([`label_line_px`] apart), each
    /// within [`NodeBox::label_w`] in bold too, the last cut if it must be; drawn in place of
    /// [`NodeBox::label`], centred on the node. Empty otherwise.
    pub wrapped: Vec<String>,
    /// The label's anchor x: its right edge for road maps, its left edge for programmes.
    pub label_x: f64,
    /// The room the label has, px (it is cut to fit it in regular type).
    pub label_w: f64,
}

impl NodeBox {
    /// The label's lines as drawn: [`NodeBox::wrapped`], or else [`NodeBox::label`] alone.
    pub fn lines(&self) -> &[String] {
        if self.wrapped.is_empty() {
            std::slice::from_ref(&self.label)
        } else {
            &self.wrapped
        }
    }

    /// The width of the label's widest line in regular type of `font_px`, px.
    pub fn label_px(&self, font_px: f64) -> f64 {
        self.lines()
            .iter()
            .map(|line| text::width_px(line, font_px))
            .fold(0.0, f64::max)
    }
}

/// The distance between the lines of a tall node's label, px: a node's least height.
pub fn label_line_px(mt: &Metrics) -> f64 {
    mt.min_node_px
}

/// A link on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkPath {
    /// Index into [`Mapping::links`].
    pub link: usize,
    /// Sampled curve from the road map to the programme.
    pub points: Vec<(f64, f64)>,
    /// Stroke width, px.
    pub width: f64,
}

/// A sector's band across the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Index of the sector.
    pub sector: usize,
    /// Top edge.
    pub y0: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The sector's name on the band. The band is made as long as the name needs to be whole along it
    /// where the diagram has the room ([`Metrics::whole_names`]).
    pub caption: Caption,
}

/// Where and how a sector's name is written on its band.
#[derive(Debug, Clone, PartialEq)]
pub enum Caption {
    /// Upwards along the band's left edge: one line, or two side by side where one would be cut (the
    /// first on the left, as rotated text reads upwards); cut on one line where neither holds it and
    /// it cannot run [across](Caption::Across).
    Along(Vec<String>),
    /// Across the road maps' column, in the rows the band's road maps leave free at its foot (all of
    /// them in a band without road maps), where along the band the name would be cut and across it
    /// more of it shows ("SOCIAL AND CONSUMER" beside two programmes on a projector): one line, or two
    /// where one would be cut and the rows hold both, from `x`, cut only where the column is too
    /// narrow for it (on two lines, the second only).
    Across {
        /// The name's lines, top to bottom.
        lines: Vec<String>,
        /// Their left end.
        x: f64,
        /// The middle of the lines together.
        y: f64,
    },
}

impl Caption {
    /// The name's lines as written.
    pub fn lines(&self) -> &[String] {
        match self {
            Caption::Along(lines) | Caption::Across { lines, .. } => lines,
        }
    }
}

/// The diagram's geometry for one size and filter; the playhead does not change it.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingLayout {
    /// Canvas width, px.
    pub width: f64,
    /// Canvas height, px.
    pub height: f64,
    /// Sizes in use.
    pub metrics: Metrics,
    /// x of the road-map bars' left edge.
    pub left_x: f64,
    /// x of the programme bars' left edge.
    pub right_x: f64,
    /// Sector bands, top to bottom.
    pub bands: Vec<Band>,
    /// Road-map nodes, top to bottom.
    pub left: Vec<NodeBox>,
    /// Programme nodes, top to bottom.
    pub right: Vec<NodeBox>,
    /// Links.
    pub links: Vec<LinkPath>,
    /// Whether everything fits without overlap at this size.
    pub fits: bool,
}

fn status_rank(s: RoadMapStatus) -> usize {
    RoadMapStatus::ALL.iter().position(|&x| x == s).unwrap_or(0)
}

/// Which nodes a sector filter keeps: the sector's own nodes and those linked to them.
fn visible_nodes(m: &Mapping, filter: Option<usize>) -> (Vec<bool>, Vec<bool>) {
    let Some(sector) = filter else {
        return (
            vec![true; m.road_maps.len()],
            vec![true; m.programmes.len()],
        );
    };
    let mut left: Vec<bool> = m.road_maps.iter().map(|r| r.sector == sector).collect();
    let mut right: Vec<bool> = m.programmes.iter().map(|p| p.sector == sector).collect();
    let (own_left, own_right) = (left.clone(), right.clone());
    for l in &m.links {
        if own_left.get(l.from).copied().unwrap_or(false)
            || own_right.get(l.to).copied().unwrap_or(false)
        {
            if let Some(v) = left.get_mut(l.from) {
                *v = true;
            }
            if let Some(v) = right.get_mut(l.to) {
                *v = true;
            }
        }
    }
    (left, right)
}

/// The nodes a diagram shows, in column order, and the sectors they fall in.
struct Columns {
    /// Road maps, top to bottom: by sector, then outcome.
    left_order: Vec<usize>,
    /// Programmes, top to bottom: by sector, then file order.
    right_order: Vec<usize>,
    /// The sectors with a node in either column.
    sectors: Vec<usize>,
    /// Their names as the bands show them, in upper case.
    names: Vec<String>,
}

impl Columns {
    fn of(m: &Mapping, filter: Option<usize>) -> Columns {
        let (show_left, show_right) = visible_nodes(m, filter);
        let mut left_order: Vec<usize> = (0..m.road_maps.len()).filter(|&i| show_left[i]).collect();
        left_order.sort_by_key(|&i| {
            (
                m.road_maps[i].sector,
                m.road_maps[i].unpublished,
                status_rank(m.road_maps[i].status),
                i,
            )
        });
        let mut right_order: Vec<usize> =
            (0..m.programmes.len()).filter(|&i| show_right[i]).collect();
        right_order.sort_by_key(|&i| (m.programmes[i].sector, i));
        let sectors: Vec<usize> = (0..m.sectors.len())
            .filter(|&s| {
                left_order.iter().any(|&i| m.road_maps[i].sector == s)
                    || right_order.iter().any(|&i| m.programmes[i].sector == s)
            })
            .collect();
        let names = sectors
            .iter()
            .map(|&s| m.sectors[s].label.to_uppercase())
            .collect();
        Columns {
            left_order,
            right_order,
            sectors,
            names,
        }
    }

    /// The tallest total height the columns need for a unit height `u` per road map, at metrics `mt`:
    /// each band as tall as its taller column, or as its sector's name needs ([`caption_need`]), if
    /// that is more.
    fn needed(&self, m: &Mapping, mt: &Metrics, u: f64) -> f64 {
        let mut total = mt.header_px;
        for (&s, name) in self.sectors.iter().zip(&self.names) {
            let stack = |heights: Vec<f64>| -> f64 {
                let n = heights.len() as f64;
                heights.iter().sum::<f64>() + (n - 1.0).max(0.0) * mt.node_gap_px
            };
            let l = stack(
                self.left_order
                    .iter()
                    .filter(|&&i| m.road_maps[i].sector == s)
                    .map(|&i| (f64::from(m.road_maps[i].count) * u).max(mt.min_node_px))
                    .collect(),
            );
            let r = stack(
                self.right_order
                    .iter()
                    .filter(|&&i| m.programmes[i].sector == s)
                    .map(|_| u.max(mt.min_node_px))
                    .collect(),
            );
            total += l.max(r).max(caption_need(s, name, mt)) + mt.band_gap_px;
        }
        total
    }
}

/// The smallest type the diagram's labels shrink to, in px as drawn (CSS px): a theme that draws
/// everything larger (the projector's) lets the layout's type shrink further, to the same size on
/// screen, so that at 1280 x 720 the whole diagram is seen without scrolling there too.
pub const LEAST_FONT_PX: f64 = 9.0;

/// The smallest layout type for a theme drawing at `scale` (see [`LEAST_FONT_PX`]).
fn least_font(scale: f64) -> f64 {
    LEAST_FONT_PX / scale.max(1.0)
}

/// The least height of a diagram `width` px wide showing the sector `filter` (or all), drawn at the
/// theme's `scale`, in layout px: every node one line of the smallest type tall, the sectors' names
/// cut where their bands are shorter. Shorter, the diagram would run past its canvas's foot; the page
/// keeps the canvas this tall and scrolls its frame instead.
pub fn min_height(m: &Mapping, width: f64, filter: Option<usize>, scale: f64) -> f64 {
    let least = Metrics::new(width.max(1.0), least_font(scale).ceil(), scale);
    Columns::of(m, filter).needed(m, &least, 0.0)
}

/// Lays the diagram out on a `width` x `height` px canvas, showing the sector `filter` (or all).
pub fn layout(m: &Mapping, width: f64, height: f64, filter: Option<usize>) -> MappingLayout {
    layout_at(m, width, height, filter, 1.0)
}

/// [`layout`], for a theme drawing at `scale`: the labels may shrink to [`LEAST_FONT_PX`] as drawn.
pub fn layout_at(
    m: &Mapping,
    width: f64,
    height: f64,
    filter: Option<usize>,
    scale: f64,
) -> MappingLayout {
    let width = width.max(1.0);
    let height = height.max(1.0);
    let columns = Columns::of(m, filter);
    let needed = |mt: &Metrics, u: f64| columns.needed(m, mt, u);
    let Columns {
        left_order,
        right_order,
        sectors,
        names,
    } = &columns;

    // The largest label font (13 px down to 9 px) at which everything fits; then the sectors' names
    // made whole where they still fit at that font, those that lengthen the diagram least first (the
    // labels' type is not made smaller for them); then the largest unit.
    let base_font = if width < NARROW_WIDTH_PX { 11.0 } else { 13.0 };
    let mut mt = Metrics::new(width, base_font, scale);
    let mut fits = false;
    let mut font = base_font;
    while font >= least_font(scale) {
        mt = Metrics::new(width, font, scale);
        if needed(&mt, 0.0) <= height {
            fits = true;
            break;
        }
        font -= 1.0;
    }
    if fits {
        let with = |mt: &Metrics, bit: u64| Metrics {
            whole_names: mt.whole_names | bit,
            ..*mt
        };
        let mut bits: Vec<(f64, u64)> = sectors
            .iter()
            .map(|&s| (needed(&with(&mt, name_bit(s)), 0.0), name_bit(s)))
            .collect();
        while let Some(k) = (0..bits.len()).min_by(|&a, &b| bits[a].0.total_cmp(&bits[b].0)) {
            let whole = with(&mt, bits.swap_remove(k).1);
            if needed(&whole, 0.0) <= height {
                mt = whole;
            }
        }
    }
    let unit = if fits {
        let (mut lo, mut hi) = (0.0f64, height);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if needed(&mt, mid) <= height {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    } else {
        0.0
    };

    // Columns, left to right: road-map labels, bars, links, bars, programme labels.
    let (left_label_w, right_label_w) = label_columns(m, &columns, width, &mt);
    let mut left_x = mt.caption_px + left_label_w + mt.label_gap_px;
    let right_x = width - right_label_w - mt.label_gap_px - mt.node_w_px;

    let mut bands = Vec::new();
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut y = mt.header_px;
    // Where each band's road maps end (their last one's foot and a gap; its top where it has none).
    let mut free_from = Vec::new();
    for (&s, name) in sectors.iter().zip(names) {
        let top = y;
        let mut ly = y;
        for &i in left_order.iter().filter(|&&i| m.road_maps[i].sector == s) {
            let r = &m.road_maps[i];
            let h = (f64::from(r.count) * unit).max(mt.min_node_px);
            let full = road_map_label(r);
            left.push(NodeBox {
                node: Node::RoadMap(i),
                sector: s,
                rect: Rect {
                    x: left_x,
                    y: ly,
                    w: mt.node_w_px,
                    h,
                },
                label: full,
                wrapped: Vec::new(),
                label_x: left_x - mt.label_gap_px,
                label_w: left_label_w - mt.label_gap_px,
            });
            ly += h + mt.node_gap_px;
        }
        let mut ry = y;
        for &i in right_order.iter().filter(|&&i| m.programmes[i].sector == s) {
            let h = unit.max(mt.min_node_px);
            right.push(NodeBox {
                node: Node::Programme(i),
                sector: s,
                rect: Rect {
                    x: right_x,
                    y: ry,
                    w: mt.node_w_px,
                    h,
                },
                label: m.programmes[i].label.clone(),
                wrapped: Vec::new(),
                label_x: right_x + mt.node_w_px + mt.label_gap_px,
                label_w: right_label_w - mt.label_gap_px,
            });
            ry += h + mt.node_gap_px;
        }
        // The band as long as its sector's name needs where that is to be whole ("SOCIAL AND /
        // CONSUMER" beside two rows); the name runs upwards along its left edge, on one line or on two
        // where one would be cut ("TAX AND / CUSTOMS" along a band of four rows).
        y = (ly.max(ry) - mt.node_gap_px).max(top + caption_need(s, name, &mt));
        let caption = caption_lines(name, mt.caption_font_px, y - top - CAPTION_END_PX);
        bands.push(Band {
            sector: s,
            y0: top,
            y1: y,
            caption: Caption::Along(caption),
        });
        free_from.push(ly);
        y += mt.band_gap_px;
    }
    // A second line of captions widens their strip, and the road maps move right by as much.
    if bands
        .iter()
        .any(|b| matches!(&b.caption, Caption::Along(lines) if lines.len() > 1))
    {
        let more = caption_line_px(&mt);
        mt.caption_px += more;
        left_x += more;
        for b in &mut left {
            b.rect.x += more;
            b.label_x += more;
        }
    }
    // A name cut along its band runs across the rows its road maps leave free, where more of it shows.
    let across_room = left_x - mt.label_gap_px - CAPTION_END_PX;
    for (band, (&free, name)) in bands.iter_mut().zip(free_from.iter().zip(names)) {
        if let Some(across) = across(band, name, free, across_room, &mt) {
            band.caption = across;
        }
    }

    // Each column's labels cut to its width, those cut alike told apart ("…рынок газа"); a label cut
    // beside a node tall enough for more lines goes on them.
    for column in [&mut left, &mut right] {
        let Some(room) = column.first().map(|b| b.label_w) else {
            continue;
        };
        let whole: Vec<&str> = column.iter().map(|b| b.label.as_str()).collect();
        let cut = text::truncate_apart(&whole, mt.font_px, room);
        for (b, label) in column.iter_mut().zip(cut) {
            let lines = (b.rect.h / label_line_px(&mt)).floor() as usize;
            if lines >= 2 && label != b.label {
                b.wrapped = text::wrap_cut(&b.label, mt.font_px, room, lines);
            }
            b.label = label;
        }
    }

    let links = link_paths(m, &left, &right, &mt);
    MappingLayout {
        width,
        height,
        metrics: mt,
        left_x,
        right_x,
        bands,
        left,
        right,
        links,
        fits,
    }
}

/// The least share of the width the links keep between the two columns of labels.
const LINKS_SHARE: f64 = 0.35;

/// A road map's label: its name, with the count before it where it stands for several.
fn road_map_label(r: &crate::model::RoadMap) -> String {
    if r.count > 1 {
        format!("{} × {}", r.count, r.label)
    } else {
        r.label.clone()
    }
}

/// The widths of the road maps' and the programmes' label columns, px, each with the gap to its bars:
/// a share of the width (a quarter and three tenths, a little more on a phone), at most 250 and 300 px;
/// on a wider canvas, more, up to what its longest label needs, while the links keep
/// [`LINKS_SHARE`] of the width (a full HD screen's diagram cut "Single currency and single
/// emissio…" in 250 px beside 650 px of links).
fn label_columns(m: &Mapping, columns: &Columns, width: f64, mt: &Metrics) -> (f64, f64) {
    let left = (width * if mt.narrow { 0.27 } else { 0.25 }).clamp(80.0, 250.0);
    let right = (width * if mt.narrow { 0.31 } else { 0.30 }).clamp(90.0, 300.0);
    // What each column's longest label needs beyond its share, with the gap to its bars.
    let beyond = |widest: f64, share: f64| (widest + mt.label_gap_px + 2.0 - share).max(0.0);
    let width_of = |label: &str| text::width_px(label, mt.font_px);
    let more_l = beyond(
        columns
            .left_order
            .iter()
            .map(|&i| width_of(&road_map_label(&m.road_maps[i])))
            .fold(0.0, f64::max),
        left,
    );
    let more_r = beyond(
        columns
            .right_order
            .iter()
            .map(|&i| width_of(&m.programmes[i].label))
            .fold(0.0, f64::max),
        right,
    );
    // What the links have beyond their share, with the sectors' names' strip at its widest.
    let links = width
        - (mt.caption_px + caption_line_px(mt))
        - left
        - right
        - 2.0 * (mt.node_w_px + mt.label_gap_px);
    let spare = (links - LINKS_SHARE * width).max(0.0);
    let wanted = more_l + more_r;
    let k = if wanted > spare { spare / wanted } else { 1.0 };
    (left + more_l * k, right + more_r * k)
}

/// A link whose two nodes are both shown.
struct Routed {
    link: usize,
    a: Rect,
    b: Rect,
}

/// Groups a link with its siblings (first value: the shared node's y) and orders it among them (second
/// value: the far end's y).
type SlotKey = fn(&Routed) -> (f64, f64);

/// Position of link `me` among the links sharing its node under `key`: (index, count).
fn slot(shown: &[Routed], key: SlotKey, me: usize) -> (f64, f64) {
    let node = key(&shown[me]).0;
    let mut sibs: Vec<(f64, usize)> = shown
        .iter()
        .enumerate()
        .filter(|(_, s)| key(s).0 == node)
        .map(|(k, s)| (key(s).1, k))
        .collect();
    sibs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let pos = sibs.iter().position(|&(_, k)| k == me).unwrap_or(0);
    (pos as f64, sibs.len() as f64)
}

/// Routes each link between its nodes: every node shares its height among its links, ordered by the y
/// of the far end, so links leave and arrive without crossing at the nodes.
fn link_paths(m: &Mapping, left: &[NodeBox], right: &[NodeBox], mt: &Metrics) -> Vec<LinkPath> {
    let find = |nodes: &[NodeBox], n: Node| nodes.iter().find(|b| b.node == n).map(|b| b.rect);
    let shown: Vec<Routed> = m
        .links
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            Some(Routed {
                link: i,
                a: find(left, Node::RoadMap(l.from))?,
                b: find(right, Node::Programme(l.to))?,
            })
        })
        .collect();
    let by_source: SlotKey = |s| (s.a.y, s.b.y);
    let by_target: SlotKey = |s| (s.b.y, s.a.y);
    (0..shown.len())
        .map(|k| {
            let Routed { link, a, b } = shown[k];
            let (ia, na) = slot(&shown, by_source, k);
            let (ib, nb) = slot(&shown, by_target, k);
            let (ha, hb) = (a.h / na, b.h / nb);
            let y0 = a.y + ha * (ia + 0.5);
            let y1 = b.y + hb * (ib + 0.5);
            let x0 = a.right();
            let x1 = b.x;
            let dx = (x1 - x0) * 0.45;
            let points = (0..=CURVE_SAMPLES)
                .map(|s| {
                    let t = s as f64 / CURVE_SAMPLES as f64;
                    let u = 1.0 - t;
                    let x = u * u * u * x0
                        + 3.0 * u * u * t * (x0 + dx)
                        + 3.0 * u * t * t * (x1 - dx)
                        + t * t * t * x1;
                    let y = u * u * u * y0
                        + 3.0 * u * u * t * y0
                        + 3.0 * u * t * t * y1
                        + t * t * t * y1;
                    (x, y)
                })
                .collect();
            LinkPath {
                link,
                points,
                width: (ha.min(hb) - 1.0).clamp(1.5, mt.max_link_px),
            }
        })
        .collect()
}

/// How a road map looks at a given time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoadMapPhase {
    /// Not yet reported.
    Hidden,
    /// Reported, not yet agreed or dropped.
    Negotiating,
    /// Its outcome is known.
    Settled(RoadMapStatus),
}

/// The phase of road map `i` on day `t`.
pub fn road_map_phase(m: &Mapping, i: usize, t: f64) -> RoadMapPhase {
    let Some(r) = m.road_maps.get(i) else {
        return RoadMapPhase::Hidden;
    };
    let reached =
        |d: Option<crate::model::PartialDate>| d.is_some_and(|d| d.first_day().as_f64() <= t);
    if r.reported.first_day().as_f64() > t {
        RoadMapPhase::Hidden
    } else if reached(r.dropped) {
        RoadMapPhase::Settled(r.status)
    } else if reached(r.agreed) {
        RoadMapPhase::Settled(RoadMapStatus::Agreed)
    } else if r.status == RoadMapStatus::Contentious {
        RoadMapPhase::Settled(RoadMapStatus::Contentious)
    } else {
        RoadMapPhase::Negotiating
    }
}

/// How far programme `i` has emerged on day `t`: 0 before the morph, 1 from its approval on, eased.
pub fn programme_progress(m: &Mapping, i: usize, t: f64) -> f64 {
    let Some(p) = m.programmes.get(i) else {
        return 0.0;
    };
    let end = p.approved.first_day().as_f64();
    ease_in_out_cubic((t - (end - MORPH_DAYS)) / MORPH_DAYS)
}

/// The first part of a polyline, a `fraction` (0..1) of its length: a link growing towards its target.
pub fn partial_path(points: &[(f64, f64)], fraction: f64) -> Vec<(f64, f64)> {
    let fraction = fraction.clamp(0.0, 1.0);
    let lengths: Vec<f64> = points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .collect();
    let mut left = lengths.iter().sum::<f64>() * fraction;
    let mut out = Vec::new();
    for (k, w) in points.windows(2).enumerate() {
        out.push(w[0]);
        let len = lengths[k];
        if left <= len {
            let f = if len > 0.0 { left / len } else { 0.0 };
            out.push((
                w[0].0 + (w[1].0 - w[0].0) * f,
                w[0].1 + (w[1].1 - w[0].1) * f,
            ));
            return out;
        }
        left -= len;
    }
    points.to_vec()
}

impl MappingLayout {
    /// The node or link under `(x, y)`, with `slop_px` of tolerance. Nodes (bar or label) win over links.
    pub fn hit(&self, x: f64, y: f64, slop_px: f64) -> Option<Target> {
        let mt = &self.metrics;
        for b in self.left.iter().chain(&self.right) {
            let (x0, x1) = match b.node {
                Node::RoadMap(_) => (b.label_x - b.label_px(mt.font_px), b.rect.right()),
                Node::Programme(_) => (b.rect.x, b.label_x + b.label_px(mt.font_px)),
            };
            if x >= x0 - slop_px
                && x <= x1 + slop_px
                && y >= b.rect.y - slop_px.min(mt.node_gap_px / 2.0)
                && y <= b.rect.bottom() + slop_px.min(mt.node_gap_px / 2.0)
            {
                return Some(Target::Node(b.node));
            }
        }
        let mut best: Option<(f64, usize)> = None;
        for l in &self.links {
            let d = l
                .points
                .windows(2)
                .map(|w| distance_to_segment((x, y), w[0], w[1]))
                .fold(f64::INFINITY, f64::min);
            if d <= l.width / 2.0 + slop_px && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, l.link));
            }
        }
        best.map(|(_, l)| Target::Link(l))
    }

    /// The box of a node, if shown.
    pub fn node(&self, n: Node) -> Option<&NodeBox> {
        self.left.iter().chain(&self.right).find(|b| b.node == n)
    }

    /// The top and bottom of what `target` covers (a node's bar; a link's curve, from end to end), if
    /// shown, layout px.
    pub fn vertical_span(&self, target: Target) -> Option<(f64, f64)> {
        match target {
            Target::Node(n) => self.node(n).map(|b| (b.rect.y, b.rect.bottom())),
            Target::Link(i) => {
                let link = self.links.iter().find(|l| l.link == i)?;
                let ys = link.points.iter().map(|p| p.1);
                let top = ys.clone().fold(f64::INFINITY, f64::min);
                let bottom = ys.fold(f64::NEG_INFINITY, f64::max);
                (top <= bottom).then_some((top, bottom))
            }
        }
    }
}

/// Where a box scrolled `view_top` px down, showing `view_height` px, should be scrolled to so that
/// `span` (top and bottom, px from the top of what scrolls) is in sight: centred if it was not in sight
/// at all or only in part, `None` if it was (or cannot be, being taller than the view, and is already
/// in part in sight).
pub fn scroll_to_show(span: (f64, f64), view_top: f64, view_height: f64) -> Option<f64> {
    let (top, bottom) = span;
    let view_bottom = view_top + view_height;
    let whole = top >= view_top && bottom <= view_bottom;
    let taller_and_seen = bottom - top > view_height && bottom > view_top && top < view_bottom;
    if whole || taller_and_seen || view_height <= 0.0 {
        return None;
    }
    Some(((top + bottom) / 2.0 - view_height / 2.0).max(0.0))
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - (a.0 + t * dx)).hypot(p.1 - (a.1 + t * dy))
}

/// The set of nodes and links on the path through `target`: a node with its links and their far ends;
/// a link with its two nodes.
pub fn path_of(m: &Mapping, target: Target) -> (Vec<Node>, Vec<usize>) {
    match target {
        Target::Link(l) => match m.links.get(l) {
            Some(link) => (
                vec![Node::RoadMap(link.from), Node::Programme(link.to)],
                vec![l],
            ),
            None => (Vec::new(), Vec::new()),
        },
        Target::Node(Node::RoadMap(r)) => {
            let links: Vec<usize> = m.links_from(r).collect();
            let mut nodes = vec![Node::RoadMap(r)];
            nodes.extend(links.iter().map(|&l| Node::Programme(m.links[l].to)));
            (nodes, links)
        }
        Target::Node(Node::Programme(p)) => {
            let links: Vec<usize> = m.links_to(p).collect();
            let mut nodes = vec![Node::Programme(p)];
            nodes.extend(links.iter().map(|&l| Node::RoadMap(m.links[l].from)));
            (nodes, links)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_paths_grow_along_the_curve() {
        let pts = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(partial_path(&pts, 0.0), vec![(0.0, 0.0), (0.0, 0.0)]);
        assert_eq!(partial_path(&pts, 0.25), vec![(0.0, 0.0), (5.0, 0.0)]);
        assert_eq!(partial_path(&pts, 0.75).last(), Some(&(10.0, 5.0)));
        assert_eq!(partial_path(&pts, 1.0), pts.to_vec());
    }

    #[test]
    fn scrolling_brings_a_span_into_sight_only_when_it_is_not() {
        // In sight: left alone.
        assert_eq!(scroll_to_show((100.0, 120.0), 50.0, 300.0), None);
        // Below the view, or cut by its bottom edge: centred.
        assert_eq!(scroll_to_show((400.0, 420.0), 0.0, 300.0), Some(260.0));
        assert_eq!(scroll_to_show((290.0, 310.0), 0.0, 300.0), Some(150.0));
        // Above the view: centred, never scrolled past the top.
        assert_eq!(scroll_to_show((10.0, 30.0), 200.0, 300.0), Some(0.0));
        // Taller than the view and partly in sight: left alone; wholly out of sight: centred.
        assert_eq!(scroll_to_show((0.0, 500.0), 100.0, 300.0), None);
        assert_eq!(scroll_to_show((600.0, 1000.0), 0.0, 300.0), Some(650.0));
    }

    #[test]
    fn distance_to_a_segment() {
        assert_eq!(
            distance_to_segment((5.0, 3.0), (0.0, 0.0), (10.0, 0.0)),
            3.0
        );
        assert_eq!(
            distance_to_segment((-4.0, 3.0), (0.0, 0.0), (10.0, 0.0)),
            5.0
        );
    }
}
