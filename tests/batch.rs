//! Drawing in batches ([`Batched`]) gives the same picture as drawing shape by shape, with fewer
//! calls to the backend: checked pixel by pixel on a small rasteriser.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use union_state::layout::lanes::{place, Placement};
use union_state::layout::scale::Window;
use union_state::model::{self, Dataset, PartialDate};
use union_state::render::batch::{Batched, Capsule, FillCircles, FilledCapsule};
use union_state::render::theme::LIGHT;
use union_state::render::timeline::{
    draw_bar_outlines, draw_base, draw_event, draw_scene, draw_timeline, marker_runs, FrameState,
    Mark, RUN_TOLERANCE_PX,
};

/// A rasteriser without anti-aliasing: each pixel is in a shape or not, and colours blend by alpha.
/// Enough to tell whether shapes were drawn in an order that changes the picture.
struct Raster {
    w: i32,
    h: i32,
    px: Rc<RefCell<Vec<[f32; 3]>>>,
    /// Calls that draw: (shapes, batches of circles).
    calls: Rc<Cell<(usize, usize)>>,
}

#[derive(Debug)]
struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no error")
    }
}

impl std::error::Error for NoError {}

type R = Result<(), DrawingErrorKind<NoError>>;

impl Raster {
    fn new(w: u32, h: u32) -> Raster {
        Raster {
            w: w as i32,
            h: h as i32,
            px: Rc::new(RefCell::new(vec![[0.0; 3]; (w * h) as usize])),
            calls: Rc::new(Cell::new((0, 0))),
        }
    }

    fn count(&self, batch: bool) {
        let (s, b) = self.calls.get();
        self.calls.set(if batch { (s, b + 1) } else { (s + 1, b) });
    }

    /// Paints every pixel in the box whose centre `inside` accepts.
    fn paint(
        &mut self,
        c: BackendColor,
        (l, t, r, b): (i32, i32, i32, i32),
        inside: impl Fn(f64, f64) -> bool,
    ) {
        let a = c.alpha as f32;
        let rgb = [c.rgb.0, c.rgb.1, c.rgb.2].map(|v| f32::from(v) / 255.0);
        let mut px = self.px.borrow_mut();
        for y in t.max(0)..=b.min(self.h - 1) {
            for x in l.max(0)..=r.min(self.w - 1) {
                if inside(f64::from(x) + 0.5, f64::from(y) + 0.5) {
                    let p = &mut px[(y * self.w + x) as usize];
                    for k in 0..3 {
                        p[k] = rgb[k] * a + p[k] * (1.0 - a);
                    }
                }
            }
        }
    }

    fn segment(&mut self, from: BackendCoord, to: BackendCoord, c: BackendColor, width: u32) {
        let (ax, ay, bx, by) = (
            f64::from(from.0),
            f64::from(from.1),
            f64::from(to.0),
            f64::from(to.1),
        );
        let half = f64::from(width.max(1)) / 2.0;
        let pad = width as i32 + 1;
        let bounds = (
            from.0.min(to.0) - pad,
            from.1.min(to.1) - pad,
            from.0.max(to.0) + pad,
            from.1.max(to.1) + pad,
        );
        self.paint(c, bounds, |x, y| {
            let (dx, dy) = (bx - ax, by - ay);
            let len2 = dx * dx + dy * dy;
            let t = if len2 == 0.0 {
                0.0
            } else {
                (((x - ax) * dx + (y - ay) * dy) / len2).clamp(0.0, 1.0)
            };
            (x - ax - t * dx).hypot(y - ay - t * dy) <= half
        });
    }
}

impl DrawingBackend for Raster {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        (self.w as u32, self.h as u32)
    }
    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }
    fn present(&mut self) -> R {
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> R {
        self.count(false);
        self.paint(c, (p.0, p.1, p.0, p.1), |_, _| true);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> R {
        self.count(false);
        self.segment(from, to, s.color(), s.stroke_width());
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> R {
        self.count(false);
        if fill {
            self.paint(s.color(), (a.0, a.1, b.0 - 1, b.1 - 1), |_, _| true);
        } else {
            for (p, q) in [
                (a, (b.0, a.1)),
                ((b.0, a.1), b),
                (b, (a.0, b.1)),
                ((a.0, b.1), a),
            ] {
                self.segment(p, q, s.color(), s.stroke_width());
            }
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> R {
        self.count(false);
        let points: Vec<_> = path.into_iter().collect();
        for pair in points.windows(2) {
            self.segment(pair[0], pair[1], s.color(), s.stroke_width());
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> R {
        self.count(false);
        let (cx, cy, r) = (f64::from(c.0), f64::from(c.1), f64::from(r));
        let half = f64::from(s.stroke_width().max(1)) / 2.0;
        let reach = (r + half).ceil() as i32 + 1;
        self.paint(
            s.color(),
            (c.0 - reach, c.1 - reach, c.0 + reach, c.1 + reach),
            |x, y| {
                let d = (x - cx).hypot(y - cy);
                if fill {
                    d <= r
                } else {
                    (d - r).abs() <= half
                }
            },
        );
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> R {
        self.count(false);
        let v: Vec<(f64, f64)> = vert
            .into_iter()
            .map(|(x, y)| (f64::from(x), f64::from(y)))
            .collect();
        let (l, t, r, b) = v
            .iter()
            .fold((i32::MAX, i32::MAX, i32::MIN, i32::MIN), |b, p| {
                (
                    b.0.min(p.0 as i32),
                    b.1.min(p.1 as i32),
                    b.2.max(p.0 as i32),
                    b.3.max(p.1 as i32),
                )
            });
        self.paint(s.color(), (l, t, r, b), |x, y| {
            let mut inside = false;
            for i in 0..v.len() {
                let (a, b) = (v[i], v[(i + 1) % v.len()]);
                if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                    inside = !inside;
                }
            }
            inside
        });
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> R {
        // A block the size the text would take, so that order against the shapes around it shows.
        self.count(false);
        let size = s.size() as i32;
        let w = text.chars().count() as i32 * size / 2;
        self.paint(
            s.color(),
            (pos.0, pos.1 - size / 2, pos.0 + w, pos.1 + size / 2),
            |_, _| true,
        );
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<NoError>> {
        Ok((
            text.chars().count() as u32 * s.size() as u32 / 2,
            s.size() as u32,
        ))
    }
}

impl FillCircles for Raster {
    fn draw_circles(
        &mut self,
        colour: BackendColor,
        stroke: Option<u32>,
        circles: &[(BackendCoord, u32)],
    ) -> R {
        self.count(true);
        let (shapes, batches) = self.calls.get();
        let pen = union_state::render::batch::Pen {
            colour,
            width: stroke.unwrap_or(0),
        };
        for &(c, r) in circles {
            self.draw_circle(c, r, &pen, stroke.is_none())?;
        }
        // The circles of a batch count as one call.
        self.calls.set((shapes, batches));
        Ok(())
    }

    fn fill_capsules(&mut self, colour: BackendColor, capsules: &[Capsule]) -> R {
        self.count(true);
        let (shapes, batches) = self.calls.get();
        let pen = union_state::render::batch::Pen { colour, width: 0 };
        for c in capsules {
            let ((x, y), r) = (c.left, c.radius as i32);
            self.draw_circle(c.left, c.radius, &pen, true)?;
            self.draw_rect((x, y - r), (c.right_x, y + r), &pen, true)?;
            self.draw_circle((c.right_x, y), c.radius, &pen, true)?;
        }
        // So do the capsules.
        self.calls.set((shapes, batches));
        Ok(())
    }
}

/// What is drawn: the whole timeline at a frame, or the scene as the canvas keeps it.
#[derive(Clone, Copy)]
enum Case {
    Timeline(FrameState),
    Scene { settled: usize, frame: FrameState },
}

fn draw_case<DB: FillCircles>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    p: &Placement,
    case: Case,
) {
    match case {
        Case::Timeline(frame) => {
            draw_timeline(area, data, p, &frame, |e| frame.emphasises(e), &LIGHT).unwrap()
        }
        Case::Scene { settled, frame } => draw_scene(
            area,
            data,
            p,
            settled,
            None,
            |e| frame.emphasises(e),
            &LIGHT,
        )
        .unwrap(),
    }
}

/// The pixels of `case` drawn on a fresh raster the size of `p`, shape by shape or through
/// [`Batched`], and the calls (shapes, batches of circles) that reached the raster.
fn picture(
    data: &Dataset,
    p: &Placement,
    case: Case,
    batched: bool,
) -> (Vec<[f32; 3]>, (usize, usize)) {
    let raster = Raster::new(p.width as u32, p.height as u32);
    let (px, calls) = (raster.px.clone(), raster.calls.clone());
    if batched {
        let area = Batched::new(raster).into_drawing_area();
        draw_case(&area, data, p, case);
        area.present().unwrap();
    } else {
        draw_case(&raster.into_drawing_area(), data, p, case);
    }
    let pixels = px.borrow().clone();
    (pixels, calls.get())
}

/// The largest difference in any channel of any pixel.
fn largest_difference(a: &[[f32; 3]], b: &[[f32; 3]]) -> f32 {
    a.iter()
        .zip(b)
        .flat_map(|(p, q)| (0..3).map(move |k| (p[k] - q[k]).abs()))
        .fold(0.0, f32::max)
}

/// The bundled events, each repeated `copies` times a few days apart: a timeline as dense as the
/// scale benchmark's, where markers, rings, ghosts, bars and labels overlap.
fn dense(copies: u32) -> Dataset {
    let mut d = model::bundled().unwrap().clone();
    let events = std::mem::take(&mut d.events);
    for k in 0..copies {
        for e in &events {
            let mut e = e.clone();
            let shift = |p: &mut PartialDate| {
                if let Some(day) = p.day.as_mut() {
                    *day = (*day + 3 * k - 1) % 28 + 1;
                } else if let Some(month) = p.month.as_mut() {
                    *month = (*month + k - 1) % 12 + 1;
                }
            };
            shift(&mut e.date.start);
            if let Some(end) = e.date.end.as_mut() {
                end.year += 1;
                shift(end);
            }
            e.id = format!("{}-{k}", e.id);
            d.events.push(e);
        }
    }
    d.events.sort_by_key(|e| e.date.anchor());
    d
}

fn full(d: &Dataset) -> Window {
    let (a, b) = d.span();
    Window {
        t0: a.as_f64() - 120.0,
        t1: b.as_f64() + 120.0,
    }
}

fn frame_at(d: &Dataset, share: f64, selected: Option<usize>) -> FrameState {
    let (a, b) = d.span();
    FrameState {
        playhead_day: a.as_f64() + (b.as_f64() - a.as_f64()) * share,
        appear_days: 200.0,
        selected,
        hovered: None,
    }
}

#[test]
fn batches_draw_the_same_picture_as_shape_by_shape() {
    let bundled = model::bundled().unwrap().clone();
    let busy = dense(30);
    for (name, data, width, height) in [
        ("bundled, projector", &bundled, 1600.0, 700.0),
        ("bundled, phone", &bundled, 390.0, 640.0),
        ("dense, projector", &busy, 1600.0, 700.0),
    ] {
        let p = place(data, width, height, full(data));
        let settled_half = p.events.len() / 2;
        for (what, case) in [
            ("all shown", Case::Timeline(frame_at(data, 1.1, Some(3)))),
            (
                "half way, selected",
                Case::Timeline(frame_at(data, 0.5, Some(p.events[settled_half].event))),
            ),
            (
                "scene, none shown",
                Case::Scene {
                    settled: 0,
                    frame: frame_at(data, 0.0, None),
                },
            ),
            (
                "scene, half shown",
                Case::Scene {
                    settled: settled_half,
                    frame: frame_at(data, 0.5, None),
                },
            ),
        ] {
            // Drawn one by one, a run of markers is one call too.
            let (direct, (one_by_one, runs)) = picture(data, &p, case, false);
            let shapes = one_by_one + runs;
            let (batched, (rest, batches)) = picture(data, &p, case, true);
            let diff = largest_difference(&direct, &batched);
            assert!(diff < 1e-4, "{name}, {what}: pixels differ by up to {diff}");
            assert!(
                rest + batches <= shapes,
                "{name}, {what}: {shapes} calls one by one, {rest} + {batches} batches batched"
            );
            // Runs of markers are already one call each, so what batching saves shows most when
            // every event is shown.
            if name.starts_with("dense") && what == "all shown" {
                assert!(
                    (rest + batches) * 10 < shapes * 8,
                    "{name}, {what}: batching saved too little: {shapes} calls against {rest} + {batches} batches"
                );
            }
        }
    }
}

/// The pixels of a 60 x 30 raster drawn on by `direct`, and by `batched` through [`Batched`].
fn small_pictures(
    direct: impl FnOnce(&DrawingArea<Raster, Shift>),
    batched: impl FnOnce(&DrawingArea<Batched<Raster>, Shift>),
) -> (Vec<[f32; 3]>, Vec<[f32; 3]>) {
    let raster = Raster::new(60, 30);
    let px = raster.px.clone();
    direct(&raster.into_drawing_area());
    let one_by_one = px.borrow().clone();
    let raster = Raster::new(60, 30);
    let px = raster.px.clone();
    let area = Batched::new(raster).into_drawing_area();
    batched(&area);
    area.present().unwrap();
    let held_back = px.borrow().clone();
    (one_by_one, held_back)
}

#[test]
fn a_shape_over_a_held_back_circle_is_drawn_after_it() {
    // Red discs, a white one between two of them (under the second), a translucent bar and a line
    // over the last: each shape must stay above those drawn before it, though the red discs are held
    // back to be drawn together.
    fn shapes<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) {
        let (red, white, blue) = (
            RGBColor(200, 0, 0),
            RGBColor(255, 255, 255),
            RGBColor(0, 0, 200),
        );
        area.draw(&Circle::new((10, 15), 8, red.filled())).unwrap();
        area.draw(&Circle::new((16, 15), 8, white.filled()))
            .unwrap();
        area.draw(&Circle::new((22, 15), 8, red.filled())).unwrap();
        area.draw(&Circle::new((45, 15), 8, red.filled())).unwrap();
        area.draw(&Rectangle::new(
            [(40, 12), (58, 18)],
            blue.mix(0.5).filled(),
        ))
        .unwrap();
        area.draw(&PathElement::new(
            vec![(45, 0), (45, 29)],
            ShapeStyle::from(&blue).stroke_width(1),
        ))
        .unwrap();
    }
    let (direct, batched) = small_pictures(shapes, shapes);
    assert_eq!(largest_difference(&direct, &batched), 0.0);
    // The white disc is over the first red one and under the second; the bar and the line are over
    // the last.
    assert_eq!(batched[15 * 60 + 12], [1.0, 1.0, 1.0]);
    assert_eq!(batched[15 * 60 + 18][0], 200.0 / 255.0);
    assert!(batched[13 * 60 + 50][2] > 0.3, "the bar is under the disc");
    assert_eq!(
        batched[15 * 60 + 44],
        [0.0, 0.0, 200.0 / 255.0],
        "the line is under the disc"
    );
}

#[test]
fn runs_of_markers_stand_out_from_the_markers_by_less_than_the_tolerance() {
    // The scene with every event settled, drawn with runs of markers as capsules and event by event:
    // the runs only fill the notches where neighbouring markers meet.
    let busy = dense(30);
    for (name, data, width) in [("dense", &busy, 1600.0), ("dense, phone", &busy, 390.0)] {
        let p = place(data, width, 700.0, full(data));
        let all = p.events.len();
        let marks = marker_runs(data, &p, all, |_| false);
        let runs = marks.iter().filter(|m| matches!(m, Mark::Leads(_))).count();
        let joined = marks.iter().filter(|m| **m == Mark::Joined).count();
        assert!(
            runs > 0 && joined > runs,
            "{name}: {runs} runs holding {joined} more markers"
        );
        let (lod, (shapes, capsules)) = picture(
            data,
            &p,
            Case::Scene {
                settled: all,
                frame: frame_at(data, 1.1, None),
            },
            false,
        );
        assert_eq!(capsules, runs, "{name}: one capsule a run");
        let (exact, exact_calls) = {
            let raster = Raster::new(p.width as u32, p.height as u32);
            let (px, calls) = (raster.px.clone(), raster.calls.clone());
            let area = raster.into_drawing_area();
            draw_base(&area, data, &p, &LIGHT).unwrap();
            draw_bar_outlines(&area, data, &p, &LIGHT).unwrap();
            for e in &p.events {
                draw_event(&area, data, &p, e, 1.0, false, &LIGHT).unwrap();
            }
            let pixels = px.borrow().clone();
            (pixels, calls.get().0)
        };
        let r = p.metrics.marker_r_px.round();
        let w = p.width as usize;
        let mut differ = 0;
        for (k, (a, b)) in exact.iter().zip(&lod).enumerate() {
            if a == b {
                continue;
            }
            differ += 1;
            let (x, y) = ((k % w) as f64 + 0.5, (k / w) as f64 + 0.5);
            let nearest = p
                .events
                .iter()
                .map(|e| (x - e.x_px.round()).hypot(y - e.y_px.round()) - r)
                .fold(f64::INFINITY, f64::min);
            assert!(
                nearest <= RUN_TOLERANCE_PX + 1e-9,
                "{name}: pixel ({x}, {y}) differs {nearest} px outside the nearest marker"
            );
        }
        assert!(
            differ * 100 < joined,
            "{name}: {differ} pixels differ for {joined} markers joined"
        );
        // Each run is one shape instead of its markers: the others are not drawn at all.
        assert_eq!(shapes + capsules + joined, exact_calls, "{name}");
    }
}

#[test]
fn a_run_holds_only_plain_markers_of_one_row_and_track() {
    let busy = dense(30);
    let p = place(&busy, 1600.0, 700.0, full(&busy));
    // Every seventh event is emphasised (selected or under the pointer): its label goes bold, so it is
    // drawn on its own.
    let emphasised = |e: usize| e.is_multiple_of(7);
    let marks = marker_runs(&busy, &p, p.events.len(), emphasised);
    // For 6 px markers a quarter of a pixel allows centres 3 px apart (r - sqrt(r^2 - 9/4) = 0.19).
    let gap = 3;
    // The run open in each row: its track and last member's x.
    let mut open: std::collections::HashMap<i32, (usize, i32)> = Default::default();
    let mut joined = 0;
    for (e, mark) in p.events.iter().zip(&marks) {
        let event = &busy.events[e.event];
        let (x, y) = (e.x_px.round() as i32, e.y_px.round() as i32);
        let plain = !union_state::render::timeline::is_undelivered(event.status)
            && e.label.is_none()
            && e.x_end_px.is_none()
            && !emphasised(e.event);
        match *mark {
            Mark::Alone => {
                open.remove(&y);
            }
            Mark::Leads(right) => {
                assert!(plain, "a run starts at a plain marker");
                assert!(right >= x, "a run ends right of where it starts");
                open.insert(y, (event.track, x));
            }
            Mark::Joined => {
                joined += 1;
                assert!(plain, "event {} is not plain but is joined", e.event);
                let (track, last) = open.get(&y).copied().expect("a run is open in the row");
                assert_eq!(track, event.track);
                assert!(
                    (0..=gap).contains(&(x - last)),
                    "{x} is {} px from {last}",
                    x - last
                );
                open.insert(y, (track, x));
            }
        }
        if !plain {
            assert_eq!(*mark, Mark::Alone);
        }
    }
    assert!(joined > 100, "{joined} markers joined");
}

#[test]
fn a_shape_over_a_held_back_capsule_is_drawn_after_it() {
    // A red capsule, a white disc over its right end, a red capsule over the disc: held back or not,
    // each shape stays above those drawn before it.
    fn shapes<DB: FillCircles>(area: &DrawingArea<DB, Shift>) {
        let red = BackendColor {
            alpha: 1.0,
            rgb: (200, 0, 0),
        };
        let capsule = |left: (i32, i32), right_x: i32| FilledCapsule {
            capsule: Capsule {
                left,
                right_x,
                radius: 6,
            },
            colour: red,
        };
        area.draw(&capsule((8, 15), 30)).unwrap();
        area.draw(&Circle::new((30, 15), 7, WHITE.filled()))
            .unwrap();
        area.draw(&capsule((34, 15), 50)).unwrap();
    }
    let (direct, batched) = small_pictures(shapes, shapes);
    assert_eq!(largest_difference(&direct, &batched), 0.0);
    let red = [200.0 / 255.0, 0.0, 0.0];
    assert_eq!(batched[15 * 60 + 15], red, "the first capsule");
    assert_eq!(batched[15 * 60 + 26], [1.0, 1.0, 1.0], "the disc over it");
    assert_eq!(
        batched[15 * 60 + 36],
        red,
        "the second capsule over the disc"
    );
    assert_eq!(
        batched[15 * 60 + 57],
        [0.0, 0.0, 0.0],
        "nothing past its end"
    );
}
