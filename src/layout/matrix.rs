//! Layout of the membership view: a matrix of states (rows) by organisations (columns), with the
//! organisations grouped in bands.
//!
//! Why a matrix and not an Euler diagram: twelve states in six overlapping organisations, whose
//! overlaps change over 35 years, have no stable Euler layout. Circles would have to move and change
//! topology whenever a state joins or leaves, so an audience would lose track of who is where. In a
//! matrix every state and every organisation keeps one fixed place for the whole animation: a speaker
//! can point at a row ("Uzbekistan") or a column ("CSTO") and the room watches only the cells change.
//! Bands over the columns group the organisations by kind (political, security, economic, bilateral),
//! which is what the overlapping sets of an Euler diagram try to convey.
//! Coordinates are CSS px from the canvas's top-left.

use super::lanes::Rect;
use super::text;
use crate::model::Membership;

/// Below this canvas width (CSS px) the matrix uses its compact sizes.
pub const NARROW_WIDTH_PX: f64 = 640.0;

/// The smallest type of a state's name, px: rows shorter than the names' type make it smaller, down
/// to this; below it the matrix keeps [`min_height`] and its frame scrolls.
pub const MIN_ROW_FONT_PX: f64 = 8.0;

/// The smallest type of an organisation's name over its column, px: a column too narrow for a name in
/// the labels' type (a phone's) sets the names smaller, down to this, rather than cut one.
pub const MIN_COLUMN_FONT_PX: f64 = 8.5;

/// Height a row gives its name beyond the name's type, px, so that neighbouring names never touch.
const ROW_LEADING_PX: f64 = 2.0;

/// The least type of the small text inside cells, px: the compact sizes' 9 px may shrink to it where
/// the columns are too narrow for a year with its dash (see [`layout`]).
pub const LEAST_CELL_FONT_PX: f64 = 8.0;

/// Space kept above and below the line of words under a standing's mark, px.
const LABEL_GAP_PX: f64 = 2.0;

/// Sizes that depend on the canvas width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Whether compact sizes are in use.
    pub narrow: bool,
    /// Font of labels, px.
    pub font_px: f64,
    /// Font of the small text inside cells, px: smaller, down to [`LEAST_CELL_FONT_PX`], in columns
    /// too narrow for a year with its dash (see [`layout`]).
    pub cell_font_px: f64,
    /// Width of the state-label column, px: at least the metrics' own, wider where a state's name
    /// needs it and the width allows (see [`layout`]).
    pub label_w_px: f64,
    /// Height of the group band row, px.
    pub band_px: f64,
    /// Height of the organisation header row, px.
    pub header_px: f64,
    /// Padding inside a cell around its mark, px.
    pub pad_px: f64,
}

impl Metrics {
    fn for_width(width: f64) -> Metrics {
        let narrow = width < NARROW_WIDTH_PX;
        Metrics {
            narrow,
            font_px: if narrow { 11.0 } else { 13.0 },
            cell_font_px: if narrow { 9.0 } else { 11.0 },
            label_w_px: if narrow { 78.0 } else { 118.0 },
            band_px: if narrow { 16.0 } else { 20.0 },
            header_px: if narrow { 30.0 } else { 34.0 },
            pad_px: if narrow { 2.0 } else { 4.0 },
        }
    }
}

/// A band of columns sharing a group name.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupBand {
    /// The group's name, truncated to fit.
    pub label: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
}

/// The matrix's geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixLayout {
    /// Canvas width, px.
    pub width: f64,
    /// Canvas height, px.
    pub height: f64,
    /// Sizes in use.
    pub metrics: Metrics,
    /// The columns' edges, px: `cols + 1` of them, from the states' column's right edge to the
    /// canvas's. The columns are of one width, except where that would cut an organisation's name
    /// that a wider column would hold whole (on a phone, "Союзное государство" beside "СНГ").
    pub col_x: Vec<f64>,
    /// Height of a row, px.
    pub cell_h: f64,
    /// Top of the first row.
    pub rows_top: f64,
    /// Group bands over the columns.
    pub bands: Vec<GroupBand>,
    /// Type of the groups' names (bold), px.
    pub band_font_px: f64,
    /// Organisation labels, on one line, or on two where one is too narrow (the second cut if it must
    /// be; one line, cut, where a word is wider than the column). Where that would still cut one (a
    /// phone's narrowest columns: "EurA…", "Cust…"), every label runs upwards instead, whole, on one
    /// line or on two side by side ([`MatrixLayout::column_labels_upright`] false), and the header is
    /// as tall as the longest needs.
    pub column_labels: Vec<Vec<String>>,
    /// Whether the organisation labels are set across their columns (true) or run upwards along them.
    pub column_labels_upright: bool,
    /// Type of the organisation labels, px: the labels' type, or less where that cuts fewer of them.
    pub column_font_px: f64,
    /// State labels, truncated to the label column.
    pub row_labels: Vec<String>,
    /// Type of the state labels, px: the metrics' label type, or less in rows too short for it.
    pub row_font_px: f64,
    /// Whether every column in which a membership ends has room under its marks for the year with a
    /// dash ("–2009"), so that a cell giving its year alone can mark every past membership alike.
    pub past_dashed: bool,
}

/// What the pointer is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixHit {
    /// A state's row (its label or one of its cells): `(state, organisation if over a cell)`.
    Row(usize, Option<usize>),
    /// An organisation's column header.
    Column(usize),
}

/// Lays the matrix out on a `width` x `height` canvas.
pub fn layout(m: &Membership, width: f64, height: f64) -> MatrixLayout {
    let width = width.max(1.0);
    let height = height.max(1.0);
    let mut mt = Metrics::for_width(width);
    // The states' column as wide as the longest name needs (bold, when its row is lit), up to a
    // quarter of the width: in a projector's compact layout "Kyrgyzstan" and "Туркменистан" were cut
    // in 78 px while each organisation's column had room to spare.
    let widest = m
        .states
        .iter()
        .map(|s| text::width_px(&s.label, mt.font_px) * text::BOLD_WIDER + 8.0)
        .fold(0.0, f64::max);
    mt.label_w_px = mt.label_w_px.max(widest.min(width * 0.24));
    let n = m.organisations.len().max(1);
    let rows = m.states.len().max(1) as f64;
    let room_for_columns = (width - mt.label_w_px).max(n as f64);
    let equal = room_for_columns / n as f64;
    // The width a column needs for a year with its dash under its mark in the cells' type `f`
    // ("–2009", a past membership: without the dash it reads as the year it began; a pixel over what
    // `label_room` takes from the column, so that the dash's test is not lost to rounding), which
    // holds the year a greyed column gives at its top ("–2015") too.
    let dashed_column = |f: f64| dashed_year_px(f) + 2.0 * mt.pad_px + 3.0;
    // Where the columns' even share lacks it (a 320 px screen in Firefox, whose scroll bar leaves a
    // 275 px canvas: "–20…"), the cells' type is made a little smaller, down to
    // [`LEAST_CELL_FONT_PX`].
    while mt.cell_font_px > LEAST_CELL_FONT_PX && dashed_column(mt.cell_font_px) > equal {
        mt.cell_font_px = (mt.cell_font_px - 0.5).max(LEAST_CELL_FONT_PX);
    }
    // Each organisation's name on one line, or on two where each word fits the column; a word wider
    // than it ("Союзное" in a phone's column) would run into the next column: one line, cut, instead.
    // Whether the name is whole.
    let two_lines = |f: f64| holds_two_lines(mt.header_px, f);
    let label_at = |label: &str, f: f64, cell_w: f64| -> (Vec<String>, bool) {
        let room = cell_w - 4.0;
        if text::width_px(label, f) <= room {
            return (vec![label.to_owned()], true);
        }
        if two_lines(f) {
            let lines = text::wrap_bold(label, f, room * text::SLACK, 2);
            if lines.iter().all(|l| text::width_px(l, f) <= room) {
                // The second line may have been cut.
                let whole = !lines.concat().ends_with('…');
                return (lines, whole);
            }
        }
        (vec![text::truncate(label, f, room)], false)
    };
    // The width a name needs whole: its line, or the wider of its two lines split where that is least.
    let needs = |label: &str, f: f64| -> f64 {
        let one = text::width_px(label, f);
        let two = text::two_lines(label, |l| text::width_px(l, f)).map_or(f64::INFINITY, |t| t.1);
        let least = if two_lines(f) { one.min(two) } else { one };
        // The wrapping's estimate is a little wider than the measure.
        least * text::SLACK + 4.5
    };
    // Each column at least wide enough for a year with its dash, and not far below the even share.
    let least = dashed_column(mt.cell_font_px).max(0.7 * equal);
    let cuts = |f: f64, widths: &[f64]| {
        m.organisations
            .iter()
            .zip(widths)
            .filter(|(o, w)| !label_at(&o.label, f, **w).1)
            .count()
    };
    // The columns' widths in the names' type `f`: even, unless a name cut in an even column would
    // be whole in one as wide as it needs, the others giving up what they do not need.
    let widths_at = |f: f64| -> Vec<f64> {
        let even = vec![equal; m.organisations.len()];
        let wanted: Vec<f64> = m
            .organisations
            .iter()
            .map(|o| needs(&o.label, f).max(least))
            .collect();
        if cuts(f, &even) == 0 {
            return even;
        }
        // Where the room does not reach every name's need, the names needing least beyond the
        // least width are given theirs first, and the rest share what is left.
        let mut granted = vec![false; wanted.len()];
        let mut used = least * wanted.len() as f64;
        let mut waiting: Vec<usize> = (0..wanted.len()).collect();
        while let Some(k) =
            (0..waiting.len()).min_by(|&a, &b| wanted[waiting[a]].total_cmp(&wanted[waiting[b]]))
        {
            let c = waiting.swap_remove(k);
            if used + wanted[c] - least <= room_for_columns {
                used += wanted[c] - least;
                granted[c] = true;
            }
        }
        // What is left goes to the columns not given their need, or to all if each was.
        let others = granted.iter().filter(|g| !**g).count();
        let left = room_for_columns - used;
        let fitted: Vec<f64> = wanted
            .iter()
            .zip(&granted)
            .map(|(w, g)| match (g, others) {
                (true, 0) => w + left / wanted.len() as f64,
                (true, _) => *w,
                (false, _) => least + left / others as f64,
            })
            .collect();
        if cuts(f, &fitted) < cuts(f, &even) {
            fitted
        } else {
            even
        }
    };
    // The names' type: the largest, down to the least, at which the fewest names are cut ("ЕврАзЭС"
    // whole in a Russian phone's column at 9.5 px).
    let sizes = (0..)
        .map(|k| mt.font_px - 0.5 * f64::from(k))
        .take_while(|&f| f >= MIN_COLUMN_FONT_PX);
    let column_font_px = sizes
        .map(|f| (cuts(f, &widths_at(f)), f))
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map_or(mt.font_px, |(_, f)| f);
    let widths = widths_at(column_font_px);
    let col_x: Vec<f64> = std::iter::once(mt.label_w_px)
        .chain(widths.iter().scan(mt.label_w_px, |x, w| {
            *x += w;
            Some(*x)
        }))
        .collect();
    let x_of = |c: usize| col_x.get(c).copied().unwrap_or(width);
    let across: Vec<(Vec<String>, bool)> = m
        .organisations
        .iter()
        .zip(&widths)
        .map(|(o, w)| label_at(&o.label, column_font_px, *w))
        .collect();
    let column_labels_upright = across.iter().all(|(_, whole)| *whole);
    let column_labels = if column_labels_upright {
        across.into_iter().map(|(lines, _)| lines).collect()
    } else {
        let (labels, longest) = labels_upwards(m, column_font_px, &widths);
        mt.header_px = mt.header_px.max(longest + 8.0);
        labels
    };
    let rows_top = mt.band_px + mt.header_px;
    let cell_h = ((height - rows_top) / rows).max(1.0);
    // Neighbouring organisations with the same group share a band.
    let mut groups: Vec<(String, f64, f64)> = Vec::new();
    let mut c = 0;
    while c < m.organisations.len() {
        let group = m.organisations[c].group.clone().unwrap_or_default();
        let start = c;
        while c < m.organisations.len()
            && m.organisations[c].group.clone().unwrap_or_default() == group
        {
            c += 1;
        }
        groups.push((group, x_of(start), x_of(c)));
    }
    // The groups' names are bold: in the largest of a few sizes at which every one fits its band
    // ("Commonwealth" over one column ran into the next), cut at the smallest if one still does not.
    let room = |x0: f64, x1: f64| (x1 - x0 - 8.0) / text::BOLD_WIDER;
    let band_font_px = [0.85, 0.8, 0.75, 0.7]
        .iter()
        .map(|k| mt.font_px * k)
        .find(|&f| {
            groups
                .iter()
                .all(|(g, x0, x1)| text::width_px(g, f) <= room(*x0, *x1))
        })
        .unwrap_or(mt.font_px * 0.7);
    // A name still too long at the smallest size is cut, except over a single column (a phone's
    // "Com…" over the CIS, "Secu…" over the CSTO), where it is left out: the column's own heading
    // names the organisation, and a few letters name nothing.
    let bands: Vec<GroupBand> = groups
        .into_iter()
        .map(|(group, x0, x1)| {
            let one_column = col_x
                .iter()
                .filter(|&&x| x > x0 + 0.5 && x < x1 - 0.5)
                .count()
                == 0;
            let label = if one_column && text::width_px(&group, band_font_px) > room(x0, x1) {
                String::new()
            } else {
                text::truncate(&group, band_font_px, room(x0, x1))
            };
            GroupBand { label, x0, x1 }
        })
        .collect();
    // The names' type as large as the rows allow and, where the column is narrower than the longest
    // name (a phone's: "Туркменистан"), a little smaller, so that every name stays whole (bold, when
    // its row is lit), down to the least size; a name too long even then is cut.
    let fit_px = mt.font_px * (mt.label_w_px - 8.0) / (widest - 8.0).max(1.0);
    let row_font_px = ((cell_h - ROW_LEADING_PX).min(fit_px) * 2.0).floor() / 2.0;
    let row_font_px = row_font_px.clamp(MIN_ROW_FONT_PX, mt.font_px);
    let row_labels = m
        .states
        .iter()
        .map(|s| text::truncate(&s.label, row_font_px, mt.label_w_px - 8.0))
        .collect();
    let mut g = MatrixLayout {
        width,
        height,
        metrics: mt,
        col_x,
        cell_h,
        rows_top,
        bands,
        band_font_px,
        column_labels,
        column_labels_upright,
        column_font_px,
        row_labels,
        row_font_px,
        past_dashed: false,
    };
    let dashed_year = dashed_year_px(mt.cell_font_px);
    g.past_dashed = m
        .intervals
        .iter()
        .filter(|iv| iv.to.is_some())
        .all(|iv| dashed_year <= g.label_room(iv.organisation));
    g
}

/// The width of the widest year with its dash ("–2009") in the cells' type `font_px`, px: what a
/// column must hold under its marks for a past membership to be marked so.
fn dashed_year_px(font_px: f64) -> f64 {
    text::width_px("–8888", font_px)
}

/// The room a line of an organisation's name takes across its lines, px: its type and a little
/// leading.
pub fn name_line_px(font_px: f64) -> f64 {
    font_px + 2.0
}

/// Whether `room` px holds two lines of a name in type of `font_px` (down the header, or side by side
/// across a column), with a little room round them.
fn holds_two_lines(room: f64, font_px: f64) -> bool {
    room >= 2.0 * name_line_px(font_px) + 4.0
}

/// The organisations' names running upwards along columns `widths` px wide, in type of `font_px`: each
/// on one line where that is no longer than the longest must be, or else on two side by side (bold,
/// when its column is lit). Returns the lines and the length the longest takes, px.
fn labels_upwards(m: &Membership, font_px: f64, widths: &[f64]) -> (Vec<Vec<String>>, f64) {
    let bold = |l: &str| text::width_px(l, font_px) * text::BOLD_WIDER;
    // Each name on one line, and split in two where the column has room for both.
    let one: Vec<f64> = m.organisations.iter().map(|o| bold(&o.label)).collect();
    let two: Vec<_> = m
        .organisations
        .iter()
        .zip(widths)
        .map(|(o, w)| {
            holds_two_lines(*w, font_px)
                .then(|| text::two_bold_lines(&o.label, font_px))
                .flatten()
        })
        .collect();
    let longest = one
        .iter()
        .zip(&two)
        .map(|(one, two)| two.as_ref().map_or(*one, |(_, wider)| wider.min(*one)))
        .fold(0.0, f64::max);
    let labels = m
        .organisations
        .iter()
        .zip(one.into_iter().zip(two))
        .map(|(o, (one, two))| match two {
            Some((lines, _)) if one > longest => Vec::from(lines),
            _ => vec![o.label.clone()],
        })
        .collect();
    (labels, longest)
}

/// The least height of a matrix `width` px wide, px: its header (taller where the organisations' names
/// run upwards) and every row tall enough for its state's name in [`MIN_ROW_FONT_PX`] type. A shorter
/// canvas would draw names over each other (a small embedded frame); the canvas keeps this height
/// instead and its frame scrolls.
pub fn min_height(m: &Membership, width: f64) -> f64 {
    let mt = layout(m, width, 1.0).metrics;
    mt.band_px + mt.header_px + m.states.len() as f64 * (MIN_ROW_FONT_PX + ROW_LEADING_PX)
}

impl MatrixLayout {
    /// The cell of `state` in `organisation`.
    pub fn cell(&self, state: usize, organisation: usize) -> Rect {
        let x = self.col_x.get(organisation).copied().unwrap_or(self.width);
        Rect {
            x,
            y: self.rows_top + self.cell_h * state as f64,
            w: self.col_w(organisation),
            h: self.cell_h,
        }
    }

    /// The width of `organisation`'s column, px.
    pub fn col_w(&self, organisation: usize) -> f64 {
        match self.col_x.get(organisation..organisation + 2) {
            Some([a, b]) => b - a,
            _ => 0.0,
        }
    }

    /// The width the words under a mark in `organisation`'s column may take, px: the column less its
    /// padding, kept a little inside it so that they never meet their neighbour's.
    pub fn label_room(&self, organisation: usize) -> f64 {
        self.col_w(organisation) - 2.0 * self.metrics.pad_px - 2.0
    }

    /// Within a row, the standing's mark (its top and bottom, px below the row's top) and the centre
    /// of the line of words under it, if there is room for one: the mark takes up to 62 % of the row,
    /// less (down to 45 %) where the words would otherwise touch it.
    pub fn mark_and_label(&self) -> ((f64, f64), Option<f64>) {
        let (h, pad, font) = (self.cell_h, self.metrics.pad_px, self.metrics.cell_font_px);
        let label_room = font + 2.0 * LABEL_GAP_PX;
        let mark_h = (h - 2.0 * pad)
            .min(h * 0.62)
            .min((h - pad - label_room).max(h * 0.45))
            .max(0.0);
        let mark = (pad, pad + mark_h);
        let below = h - mark.1;
        let label = (below >= font + LABEL_GAP_PX).then_some(mark.1 + below / 2.0);
        (mark, label)
    }

    /// What is under `(x, y)`.
    pub fn hit(&self, x: f64, y: f64, states: usize, organisations: usize) -> Option<MatrixHit> {
        let mt = &self.metrics;
        if x < 0.0 || x > self.width || y < 0.0 || y > self.height {
            return None;
        }
        let col = (x >= mt.label_w_px)
            .then(|| {
                self.col_x
                    .partition_point(|&edge| edge <= x)
                    .saturating_sub(1)
            })
            .filter(|&c| c < organisations && c + 1 < self.col_x.len());
        if y < self.rows_top {
            return (y >= mt.band_px)
                .then_some(col.map(MatrixHit::Column))
                .flatten();
        }
        let row = ((y - self.rows_top) / self.cell_h).floor();
        if row < 0.0 || row as usize >= states {
            return None;
        }
        Some(MatrixHit::Row(row as usize, col))
    }
}
