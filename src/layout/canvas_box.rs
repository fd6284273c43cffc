//! Where a canvas laid over part of a drawing lies, and when it can be moved to show another part
//! instead of being made again. A canvas made again gets a new backing store, and the compositor a new
//! buffer for it; one that is moved keeps both.

/// A box in layout px: left, top, right, bottom.
pub type Bounds = (f64, f64, f64, f64);

/// A canvas may cover this many times the area of what it shows, or up to [`SMALL_AREA`] layout px
/// squared whatever it shows, before it is made again at a smaller size: one redrawn at every frame is
/// blanked and handed to the compositor whole each time.
pub const SLACK: f64 = 4.0;
/// See [`SLACK`].
pub const SMALL_AREA: f64 = 256.0 * 128.0;

/// Whether a canvas of `size` (layout px) may show a region of `need` without being made again.
pub fn fits(size: (f64, f64), need: (f64, f64)) -> bool {
    size.0 >= need.0
        && size.1 >= need.1
        && size.0 * size.1 <= (SLACK * need.0 * need.1).max(SMALL_AREA)
}

fn extent(b: Bounds) -> (f64, f64) {
    (b.2 - b.0, b.3 - b.1)
}

/// A box of `size` holding `region` (whose corner is on whole px), inside the drawing as far as whole
/// px allow.
fn box_over((w, h): (f64, f64), region: Bounds, drawing: (f64, f64)) -> Bounds {
    let l = region.0.min((drawing.0 - w).ceil()).max(0.0);
    let t = region.1.min((drawing.1 - h).ceil()).max(0.0);
    (l, t, l + w, t + h)
}

/// The box a canvas now covering `store` covers to show `region` without being made again, if it can.
pub fn moved_over(store: Bounds, region: Bounds, drawing: (f64, f64)) -> Option<Bounds> {
    let size = extent(store);
    fits(size, extent(region)).then(|| box_over(size, region, drawing))
}

/// The box a canvas made again covers to show `region`: as large in each direction as the one before
/// (`before`) where that still fits, so that its size settles on what the regions shown on it need.
pub fn store_for(before: Option<Bounds>, region: Bounds, drawing: (f64, f64)) -> Bounds {
    let need = extent(region);
    let size = before
        .map(extent)
        .map(|b| (b.0.max(need.0), b.1.max(need.1)))
        .filter(|&grown| fits(grown, need))
        .unwrap_or(need);
    box_over(size, region, drawing)
}

/// How far below a group of boxes (layout px) a box must start to begin a group of its own in
/// [`groups`]: nearer, one canvas covering both costs little more than two.
pub const APART_PX: f64 = 64.0;

/// Groups of boxes whose joint box would add less than this to their areas (layout px squared) are
/// joined in [`groups`]: one canvas more costs more than handing over that many more blank pixels.
pub const JOIN_AREA: f64 = 256.0 * 128.0;

/// The area of a box, layout px squared.
pub fn area(b: Bounds) -> f64 {
    (b.2 - b.0) * (b.3 - b.1)
}

/// The smallest box holding both `a` and `b`.
pub fn join(a: Bounds, b: Bounds) -> Bounds {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

/// Whether `inner` lies inside `outer`.
pub fn holds(outer: Bounds, inner: Bounds) -> bool {
    inner.0 >= outer.0 && inner.1 >= outer.1 && inner.2 <= outer.2 && inner.3 <= outer.3
}

/// Boxes that hold `boxes` between them, at most `most` (at least one), top to bottom, for canvases
/// laid over a drawing: one covering things far apart, one above the other (events appearing on
/// several lanes at once), would be mostly blank and still handed to the compositor whole. Taken from
/// the top down, a box joins the group above unless it starts [`APART_PX`] or more below it; then the
/// two neighbours whose joint box adds the least area are joined, while that is less than
/// [`JOIN_AREA`] or there are more than `most` groups. The groups do not overlap, and every box given
/// lies inside exactly one of them.
pub fn groups(mut boxes: Vec<Bounds>, most: usize) -> Vec<Bounds> {
    boxes.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut out: Vec<Bounds> = Vec::new();
    for b in boxes {
        match out.last_mut() {
            Some(g) if b.1 < g.3 + APART_PX => *g = join(*g, b),
            _ => out.push(b),
        }
    }
    let added = |a: Bounds, b: Bounds| area(join(a, b)) - area(a) - area(b);
    while let Some((i, least)) = (1..out.len())
        .map(|i| (i - 1, added(out[i - 1], out[i])))
        .min_by(|a, b| a.1.total_cmp(&b.1))
    {
        if out.len() <= most.max(1) && least >= JOIN_AREA {
            break;
        }
        out[i] = join(out[i], out[i + 1]);
        out.remove(i + 1);
    }
    out
}

/// Which of `regions` (at most `N`) each of `N` canvases, now covering `stores`, shows: each region
/// goes to a canvas left that can be moved over it ([`moved_over`]; the nearest first), or else to one
/// with no box yet, or else to the first left; the canvases left over show none.
pub fn assign<const N: usize>(
    stores: [Option<Bounds>; N],
    regions: &[Bounds],
    drawing: (f64, f64),
) -> [Option<Bounds>; N] {
    let mut shows = [None; N];
    for &region in regions.iter().take(N) {
        let free = || (0..N).filter(|&k| shows[k].is_none());
        let far = |k: usize| {
            stores[k]
                .and_then(|s| moved_over(s, region, drawing).map(|_| s))
                .map(|s| (s.0 - region.0).abs() + (s.1 - region.1).abs())
        };
        let pick = free()
            .filter_map(|k| far(k).map(|d| (k, d)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
            .or_else(|| free().find(|&k| stores[k].is_none()))
            .or_else(|| free().next());
        if let Some(k) = pick {
            shows[k] = Some(region);
        }
    }
    shows
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAWING: (f64, f64) = (1000.5, 600.0);

    #[test]
    fn a_region_that_fits_moves_the_canvas_without_making_it_again() {
        let store = (0.0, 0.0, 256.0, 64.0);
        let region = (320.0, 96.0, 480.0, 128.0);
        assert_eq!(
            moved_over(store, region, DRAWING),
            Some((320.0, 96.0, 576.0, 160.0))
        );
        // At the right edge the canvas stays in the drawing as far as whole px allow, still holding
        // the region.
        let edge = (960.0, 0.0, 1000.5, 32.0);
        let moved = moved_over(store, edge, DRAWING);
        assert_eq!(moved, Some((745.0, 0.0, 1001.0, 64.0)));
        assert!(moved.is_some_and(|m| m.0 <= edge.0 && m.2 >= edge.2 && m.3 >= edge.3));
    }

    #[test]
    fn a_region_larger_or_much_smaller_needs_a_new_canvas() {
        let store = (0.0, 0.0, 256.0, 64.0);
        assert_eq!(moved_over(store, (0.0, 0.0, 288.0, 32.0), DRAWING), None);
        assert_eq!(moved_over(store, (0.0, 0.0, 64.0, 96.0), DRAWING), None);
        // A large canvas is not kept for a small region: it is blanked and handed over whole.
        let large = (0.0, 0.0, 640.0, 320.0);
        assert_eq!(moved_over(large, (0.0, 0.0, 96.0, 64.0), DRAWING), None);
        assert!(moved_over(large, (0.0, 0.0, 320.0, 192.0), DRAWING).is_some());
    }

    #[test]
    fn a_new_canvas_grows_to_what_the_regions_need_together() {
        let before = Some((0.0, 0.0, 128.0, 32.0));
        let region = (64.0, 64.0, 160.0, 128.0);
        assert_eq!(
            store_for(before, region, DRAWING),
            (64.0, 64.0, 192.0, 128.0)
        );
        assert_eq!(store_for(None, region, DRAWING), region);
        // Where growing would leave it too large for the region, it is the region's size.
        let wide = Some((0.0, 0.0, 960.0, 32.0));
        assert_eq!(store_for(wide, region, DRAWING), region);
    }

    #[test]
    fn boxes_far_apart_one_above_the_other_get_canvases_of_their_own() {
        let top = (100.0, 32.0, 160.0, 64.0);
        let near = (96.0, 96.0, 224.0, 128.0);
        let far = (128.0, 448.0, 192.0, 480.0);
        let g = groups(vec![far, near, top], 3);
        assert_eq!(g, vec![(96.0, 32.0, 224.0, 128.0), far]);
        assert!(area(g[0]) + area(g[1]) < area((96.0, 32.0, 224.0, 480.0)) / 2.0);
        // Two at most: the same; one: a single box round all.
        assert_eq!(groups(vec![far, near, top], 2), g);
        assert_eq!(
            groups(vec![far, near, top], 1),
            vec![(96.0, 32.0, 224.0, 480.0)]
        );
        assert_eq!(groups(Vec::new(), 3), Vec::<Bounds>::new());
    }

    #[test]
    fn the_neighbours_that_add_least_are_joined_first() {
        // Four lanes' boxes: the two lower ones are closest, so they are joined.
        let lanes = [
            (0.0, 0.0, 256.0, 32.0),
            (0.0, 160.0, 256.0, 192.0),
            (0.0, 320.0, 256.0, 352.0),
            (0.0, 416.0, 256.0, 448.0),
        ];
        let g = groups(lanes.to_vec(), 3);
        assert_eq!(g, vec![lanes[0], lanes[1], (0.0, 320.0, 256.0, 448.0)]);
        // Narrow boxes apart add little blank between them: one canvas covers them.
        let narrow = lanes.map(|b| (b.0, b.1, 32.0, b.3));
        assert_eq!(groups(narrow.to_vec(), 3), vec![(0.0, 0.0, 32.0, 448.0)]);
        for b in lanes {
            assert_eq!(g.iter().filter(|&&x| holds(x, b)).count(), 1, "{b:?}");
        }
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                assert!(a.3 <= b.1, "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn regions_go_to_the_canvases_that_can_be_moved_over_them() {
        let stores = [
            Some((0.0, 0.0, 256.0, 64.0)),
            None,
            Some((0.0, 320.0, 128.0, 352.0)),
        ];
        // The upper region fits the first canvas only, the lower one the third only; a region too large
        // for either goes to the canvas with no box.
        let upper = (32.0, 32.0, 160.0, 96.0);
        let lower = (64.0, 352.0, 160.0, 384.0);
        let large = (0.0, 480.0, 640.0, 576.0);
        assert_eq!(
            assign(stores, &[upper, lower, large], DRAWING),
            [Some(upper), Some(large), Some(lower)]
        );
        // Fewer regions than canvases: the others show none.
        assert_eq!(assign(stores, &[lower], DRAWING), [None, None, Some(lower)]);
        assert_eq!(assign(stores, &[], DRAWING), [None; 3]);
    }
}
