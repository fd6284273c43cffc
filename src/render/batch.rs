//! A drawing backend that draws many opaque circles of one colour at once.
//!
//! A dense timeline is thousands of markers, and a canvas pays for each shape it is given: a style to
//! set, a path to start and fill, and its own pass when the drawing is rasterised. [`Batched`] holds
//! back opaque circles and gives the backend all those of one colour and stroke together
//! ([`FillCircles::draw_circles`]), which a canvas draws as one path. The picture does not change: an
//! opaque circle of one colour over another of the same colour looks the same in either order, and a
//! circle is only held back past shapes it does not touch. Any other shape that touches one held back
//! (by a grid of 16 px cells, a little generously) first has that circle's batch drawn. Capsules (a
//! run of markers drawn as one shape, [`FillCircles::fill_capsules`]) are held back the same way.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use plotters::element::{Drawable, PointCollection};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Side of a cell of the grid that records where held-back circles are, px.
const CELL_PX: i32 = 16;
/// Most batches held back at once (one bit each in a cell's mask).
const MAX_BATCHES: usize = 32;

/// A backend that can draw a batch of circles in one go; by default one by one.
pub trait FillCircles: DrawingBackend {
    /// Draws circles of one colour, filled (`stroke` `None`) or stroked `stroke` px wide.
    fn draw_circles(
        &mut self,
        colour: BackendColor,
        stroke: Option<u32>,
        circles: &[(BackendCoord, u32)],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let style = Pen {
            colour,
            width: stroke.unwrap_or(0),
        };
        for &(centre, radius) in circles {
            self.draw_circle(centre, radius, &style, stroke.is_none())?;
        }
        Ok(())
    }

    /// Fills capsules of one colour; by default each as a rectangle between two circles.
    fn fill_capsules(
        &mut self,
        colour: BackendColor,
        capsules: &[Capsule],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let style = Pen { colour, width: 0 };
        for c in capsules {
            let ((x, y), r, right_x) = (c.left, c.radius as i32, c.right_x.max(c.left.0));
            self.draw_circle(c.left, c.radius, &style, true)?;
            self.draw_rect((x, y - r), (right_x, y + r), &style, true)?;
            self.draw_circle((right_x, y), c.radius, &style, true)?;
        }
        Ok(())
    }
}

/// The shape a circle sweeps along a horizontal line: a rectangle with round ends. A run of
/// overlapping markers in a row is drawn as one (see `render::timeline::marker_runs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capsule {
    /// Centre of the left end.
    pub left: BackendCoord,
    /// x of the centre of the right end (at the same y).
    pub right_x: i32,
    /// Radius of the ends, px.
    pub radius: u32,
}

impl Capsule {
    /// The box it may paint in, with a pixel of anti-aliasing.
    fn area(&self) -> Box2 {
        let (l, t, _, b) = circle_box(self.left, self.radius, None);
        let reach = self.radius as i32 + 1;
        (l, t, self.right_x.max(self.left.0) + reach, b)
    }
}

/// A filled capsule as a plotters element: drawn through a drawing area (which places its ends) by
/// [`FillCircles::fill_capsules`].
pub struct FilledCapsule {
    /// The capsule, in the area's coordinates.
    pub capsule: Capsule,
    /// Its colour.
    pub colour: BackendColor,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a FilledCapsule {
    type Point = BackendCoord;
    type IntoIter = [BackendCoord; 2];
    fn point_iter(self) -> Self::IntoIter {
        let c = self.capsule;
        [c.left, (c.right_x, c.left.1)]
    }
}

impl<DB: FillCircles> Drawable<DB> for FilledCapsule {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match (points.next(), points.next()) {
            (Some(left), Some((right_x, _))) => backend.fill_capsules(
                self.colour,
                &[Capsule {
                    left,
                    right_x,
                    ..self.capsule
                }],
            ),
            _ => Ok(()),
        }
    }
}

impl FillCircles for plotters::backend::SVGBackend<'_> {}

/// A colour and a stroke width.
#[derive(Clone, Copy)]
pub struct Pen {
    /// The colour.
    pub colour: BackendColor,
    /// The stroke width, px.
    pub width: u32,
}

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        self.colour
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// Circles (and, if filled, capsules) held back: their colour and stroke, and where they are.
struct Batch {
    rgb: (u8, u8, u8),
    stroke: Option<u32>,
    circles: Vec<(BackendCoord, u32)>,
    capsules: Vec<Capsule>,
}

/// A hash for grid cells: two small integers need no protection against crafted keys, and the
/// standard hash costs more than the rest of the bookkeeping.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n as u32));
    }
    fn write_u64(&mut self, n: u64) {
        // The multiply-and-rotate step of the Fx hash.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Batch {
    /// Draws what it holds on `backend`.
    fn draw<B: FillCircles>(&self, backend: &mut B) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let colour = BackendColor {
            alpha: 1.0,
            rgb: self.rgb,
        };
        if !self.circles.is_empty() {
            backend.draw_circles(colour, self.stroke, &self.circles)?;
        }
        if !self.capsules.is_empty() {
            backend.fill_capsules(colour, &self.capsules)?;
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        self.circles.is_empty() && self.capsules.is_empty()
    }

    /// The boxes of everything held.
    fn areas(&self) -> impl Iterator<Item = Box2> + '_ {
        let circles = self
            .circles
            .iter()
            .map(|&(c, r)| circle_box(c, r, self.stroke));
        circles.chain(self.capsules.iter().map(Capsule::area))
    }
}

/// A shape held back in a batch.
#[derive(Clone, Copy)]
enum Held {
    Circle(BackendCoord, u32),
    Capsule(Capsule),
}

/// A box in backend px, inclusive: left, top, right, bottom.
type Box2 = (i32, i32, i32, i32);

/// Wraps a backend so that opaque circles are drawn in batches (see the module's description).
/// Everything held back is drawn when the picture is presented or the backend dropped.
pub struct Batched<B: FillCircles> {
    inner: B,
    batches: Vec<Batch>,
    /// For each grid cell touched by a held-back circle, a bit per batch that touches it.
    grid: HashMap<(i32, i32), u32, BuildHasherDefault<CellHasher>>,
}

impl<B: FillCircles> Batched<B> {
    /// Wraps `inner`.
    pub fn new(inner: B) -> Batched<B> {
        Batched {
            inner,
            batches: Vec::new(),
            grid: HashMap::default(),
        }
    }

    /// The cells a box touches.
    fn cells((l, t, r, b): Box2) -> impl Iterator<Item = (i32, i32)> {
        let (c0, c1) = (l.div_euclid(CELL_PX), r.div_euclid(CELL_PX));
        let (r0, r1) = (t.div_euclid(CELL_PX), b.div_euclid(CELL_PX));
        (c0..=c1).flat_map(move |c| (r0..=r1).map(move |r| (c, r)))
    }

    /// The batches holding a circle that may touch `area`.
    fn touching(&self, area: Box2) -> u32 {
        if self.batches.is_empty() {
            return 0;
        }
        Self::cells(area).fold(0, |m, cell| m | self.grid.get(&cell).copied().unwrap_or(0))
    }

    /// Draws the batches in `mask` and forgets them.
    fn flush(&mut self, mask: u32) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        if mask == 0 {
            return Ok(());
        }
        for (k, batch) in self.batches.iter_mut().enumerate() {
            if mask & (1 << k) == 0 || batch.is_empty() {
                continue;
            }
            batch.draw(&mut self.inner)?;
            for area in batch.areas() {
                for cell in Self::cells(area) {
                    if let Entry::Occupied(mut e) = self.grid.entry(cell) {
                        *e.get_mut() &= !(1 << k);
                        if *e.get() == 0 {
                            e.remove();
                        }
                    }
                }
            }
            batch.circles.clear();
            batch.capsules.clear();
        }
        Ok(())
    }

    /// Draws every batch and forgets them all (the grid with them, at once).
    fn flush_all(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        for batch in &self.batches {
            batch.draw(&mut self.inner)?;
        }
        self.batches.clear();
        self.grid.clear();
        Ok(())
    }

    /// Before a shape that may touch `area` is drawn: the batches it may touch are drawn first.
    fn clear_for(&mut self, area: Box2) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let mask = self.touching(area);
        self.flush(mask)
    }

    /// [`Batched::clear_for`] the box around `points`, widened by `width` (see [`points_box`]).
    fn clear_around(
        &mut self,
        points: &[BackendCoord],
        width: u32,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        match points_box(points, width) {
            Some(area) => self.clear_for(area),
            None => Ok(()),
        }
    }

    /// Holds back an opaque shape in the batch of its colour and stroke, after drawing the other
    /// batches it may touch.
    fn hold(
        &mut self,
        colour: BackendColor,
        stroke: Option<u32>,
        shape: Held,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let area = match shape {
            Held::Circle(c, r) => circle_box(c, r, stroke),
            Held::Capsule(c) => c.area(),
        };
        let own = self
            .batches
            .iter()
            .position(|b| b.rgb == colour.rgb && b.stroke == stroke);
        let others = self.touching(area) & !own.map_or(0, |k| 1 << k);
        self.flush(others)?;
        let k = match own.or_else(|| self.batches.iter().position(Batch::is_empty)) {
            Some(k) => k,
            None => {
                if self.batches.len() >= MAX_BATCHES {
                    self.flush_all()?;
                }
                self.batches.push(Batch {
                    rgb: colour.rgb,
                    stroke,
                    circles: Vec::new(),
                    capsules: Vec::new(),
                });
                self.batches.len() - 1
            }
        };
        let batch = &mut self.batches[k];
        batch.rgb = colour.rgb;
        batch.stroke = stroke;
        match shape {
            Held::Circle(c, r) => batch.circles.push((c, r)),
            Held::Capsule(c) => batch.capsules.push(c),
        }
        for cell in Self::cells(area) {
            *self.grid.entry(cell).or_insert(0) |= 1 << k;
        }
        Ok(())
    }
}

impl<B: FillCircles> FillCircles for Batched<B> {
    fn fill_capsules(
        &mut self,
        colour: BackendColor,
        capsules: &[Capsule],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        for &c in capsules {
            if colour.alpha < 1.0 {
                self.clear_for(c.area())?;
                self.inner.fill_capsules(colour, &[c])?;
            } else {
                self.hold(colour, None, Held::Capsule(c))?;
            }
        }
        Ok(())
    }
}

/// The box a circle may paint in, with its stroke and a pixel of anti-aliasing.
fn circle_box((x, y): BackendCoord, radius: u32, stroke: Option<u32>) -> Box2 {
    let reach = radius as i32 + stroke.map_or(0, |w| w as i32) + 1;
    (x - reach, y - reach, x + reach, y + reach)
}

/// The box around `points`, widened by `width` and a pixel of anti-aliasing.
fn points_box(points: &[BackendCoord], width: u32) -> Option<Box2> {
    let first = *points.first()?;
    let pad = width as i32 + 1;
    let b = points
        .iter()
        .fold((first.0, first.1, first.0, first.1), |b, p| {
            (b.0.min(p.0), b.1.min(p.1), b.2.max(p.0), b.3.max(p.1))
        });
    Some((b.0 - pad, b.1 - pad, b.2 + pad, b.3 + pad))
}

impl<B: FillCircles> Drop for Batched<B> {
    fn drop(&mut self) {
        // Errors were reported by the drawing's own calls; nothing is left to report them to here.
        let _ = self.flush_all();
    }
}

impl<B: FillCircles> DrawingBackend for Batched<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush_all()?;
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.clear_for((point.0 - 1, point.1 - 1, point.0 + 1, point.1 + 1))?;
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.clear_around(&[from, to], style.stroke_width())?;
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.clear_around(&[upper_left, bottom_right], style.stroke_width())?;
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.clear_around(&points, style.stroke_width())?;
        self.inner.draw_path(points, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        self.clear_around(&points, 0)?;
        self.inner.fill_polygon(points, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let stroke = (!fill).then(|| style.stroke_width());
        // Only opaque circles are held back: translucent ones would darken where they overlap.
        if style.color().alpha < 1.0 {
            self.clear_for(circle_box(center, radius, stroke))?;
            return self.inner.draw_circle(center, radius, style, fill);
        }
        self.hold(style.color(), stroke, Held::Circle(center, radius))
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // Where a text reaches is only known to the backend: everything held back goes first.
        self.flush_all()?;
        self.inner.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }
}
