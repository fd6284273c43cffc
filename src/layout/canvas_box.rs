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
}
