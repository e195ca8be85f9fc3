//! Where each box of a map sits: a layered (Sugiyama) layout by `rust-sugiyama`, flowing
//! left to right (right to left for Arabic and Hebrew cases), with the bends of every
//! arrow that skips a column, so no arrow is drawn through a box.
//!
//! The crate lays out top to bottom and places only the vertices it is given, so the map
//! asks it twice: once to learn each box's column, then with a chain of small waypoints
//! on every arrow that spans several columns. The second answer places the waypoints too.

use std::collections::{BTreeMap, HashMap};

use rust_sugiyama::configure::Config;

/// A box: its top-left corner and size, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn centre_y(&self) -> f64 {
        self.y + self.h / 2.0
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// The boxes of a map, placed.
#[derive(Debug, Clone)]
pub struct Placed {
    /// By node, in the order the sizes were given.
    pub boxes: Vec<Rect>,
    /// Each node's column, counted in the direction of flow (0 first).
    pub column: Vec<usize>,
    /// The waypoints of each arrow that skips columns, from its start to its end.
    pub bends: HashMap<(usize, usize), Vec<(f64, f64)>>,
    pub width: f64,
    pub height: f64,
}

/// Space between boxes of one column, and the room between columns for arrows and their
/// numbers.
const GAP: f64 = 28.0;
const COLUMN_ROOM: f64 = 110.0;
/// A waypoint's extent: a lane for one arrow.
const LANE: f64 = 14.0;

/// Places boxes of `sizes` (width, height) joined by `edges` (from, to), the first
/// columns at the left, or at the right when `rtl`.
pub fn place(sizes: &[(f64, f64)], edges: &[(usize, usize)], rtl: bool) -> Placed {
    let mut unique: Vec<(usize, usize)> = edges.iter().copied().filter(|(a, b)| a != b).collect();
    unique.sort_unstable();
    unique.dedup();
    let config = Config {
        vertex_spacing: GAP,
        dummy_vertices: true,
        dummy_size: LANE,
        ..Config::default()
    };
    // The crate's first coordinate runs along a layer and its second down the layers:
    // here a layer is a column, so a box gives its height first.
    let vertex = |(w, h): (f64, f64)| (h, w + COLUMN_ROOM);

    // First pass: the columns.
    let first = layout(
        &sizes.iter().map(|s| vertex(*s)).collect::<Vec<_>>(),
        &unique,
        &config,
    );
    let column = columns(&first, sizes.len());

    // Second pass: a waypoint in every column an arrow skips.
    let mut vertices: Vec<(f64, f64)> = sizes.iter().map(|s| vertex(*s)).collect();
    let mut chained: Vec<(usize, usize)> = Vec::new();
    let mut chains: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for &(from, to) in &unique {
        let span = column[to] as i64 - column[from] as i64;
        if span <= 1 {
            chained.push((from, to));
            continue;
        }
        let mut previous = from;
        let mut points = Vec::new();
        for _ in 1..span {
            let id = vertices.len();
            vertices.push((LANE, 1.0));
            chained.push((previous, id));
            points.push(id);
            previous = id;
        }
        chained.push((previous, to));
        chains.push(((from, to), points));
    }
    let second = layout(&vertices, &chained, &config);

    // The crate gives centres; turn them into boxes, the flow along x.
    let mut centre: Vec<(f64, f64)> = vec![(0.0, 0.0); vertices.len()];
    for (id, (along_layer, down_layers)) in second {
        centre[id] = (down_layers, along_layer);
    }
    let mut boxes: Vec<Rect> = sizes
        .iter()
        .enumerate()
        .map(|(i, &(w, h))| Rect {
            x: centre[i].0 - w / 2.0,
            y: centre[i].1 - h / 2.0,
            w,
            h,
        })
        .collect();
    let mut waypoints: Vec<(f64, f64)> = centre[sizes.len()..].to_vec();

    // Shift everything to start at 0, mirror for right to left.
    let min_x = boxes.iter().map(|b| b.x).fold(f64::INFINITY, f64::min);
    let min_y = boxes
        .iter()
        .map(|b| b.y)
        .chain(waypoints.iter().map(|p| p.1 - LANE / 2.0))
        .fold(f64::INFINITY, f64::min);
    for b in &mut boxes {
        b.x -= min_x;
        b.y -= min_y;
    }
    for p in &mut waypoints {
        p.0 -= min_x;
        p.1 -= min_y;
    }
    let width = boxes.iter().map(Rect::right).fold(0.0, f64::max);
    let height = boxes
        .iter()
        .map(Rect::bottom)
        .chain(waypoints.iter().map(|p| p.1 + LANE / 2.0))
        .fold(0.0, f64::max);
    if rtl {
        for b in &mut boxes {
            b.x = width - b.right();
        }
        for p in &mut waypoints {
            p.0 = width - p.0;
        }
    }
    let bends = chains
        .into_iter()
        .map(|(edge, ids)| {
            (
                edge,
                ids.iter().map(|id| waypoints[id - sizes.len()]).collect(),
            )
        })
        .collect();
    Placed {
        boxes,
        column,
        bends,
        width,
        height,
    }
}

/// Every vertex's centre, by id, the weakly connected parts of the graph stacked one
/// below the other (the crate lays each part out on its own).
fn layout(
    vertices: &[(f64, f64)],
    edges: &[(usize, usize)],
    config: &Config,
) -> Vec<(usize, (f64, f64))> {
    let vertices: Vec<(u32, (f64, f64))> = vertices
        .iter()
        .enumerate()
        .map(|(i, s)| (i as u32, *s))
        .collect();
    let edges: Vec<(u32, u32)> = edges.iter().map(|&(a, b)| (a as u32, b as u32)).collect();
    let parts = rust_sugiyama::from_vertices_and_edges(&vertices, &edges, config);
    let mut out = Vec::with_capacity(vertices.len());
    let mut offset = 0.0;
    for (part, _, _) in parts {
        let extent = |id: usize| vertices[id].1.0 / 2.0 + config.vertex_spacing / 2.0;
        let low = part
            .iter()
            .map(|(id, (x, _))| x - extent(*id))
            .fold(f64::INFINITY, f64::min);
        let high = part
            .iter()
            .map(|(id, (x, _))| x + extent(*id))
            .fold(f64::NEG_INFINITY, f64::max);
        for (id, (x, y)) in part {
            out.push((id, (x - low + offset, y)));
        }
        offset += high - low;
    }
    out
}

/// Each vertex's column: the rank of its position down the crate's layers.
fn columns(centres: &[(usize, (f64, f64))], count: usize) -> Vec<usize> {
    let mut levels: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, (_, y)) in centres {
        levels.insert(y.round() as i64, 0);
    }
    for (n, level) in levels.values_mut().enumerate() {
        *level = n;
    }
    let mut column = vec![0; count];
    for (id, (_, y)) in centres {
        if *id < count {
            column[*id] = levels[&(y.round() as i64)];
        }
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_flows_left_to_right_and_right_to_left() {
        let sizes = [(100.0, 40.0); 3];
        let ltr = place(&sizes, &[(0, 1), (1, 2)], false);
        assert!(ltr.boxes[0].right() < ltr.boxes[1].x && ltr.boxes[1].right() < ltr.boxes[2].x);
        assert_eq!(ltr.column, vec![0, 1, 2]);
        let rtl = place(&sizes, &[(0, 1), (1, 2)], true);
        assert!(rtl.boxes[2].right() < rtl.boxes[1].x && rtl.boxes[1].right() < rtl.boxes[0].x);
    }

    #[test]
    fn an_arrow_that_skips_a_column_bends_around_the_box_in_it() {
        // 0 -> 1 -> 2 and 0 -> 2: the long arrow gets a waypoint in column 1, beside box 1.
        let sizes = [(120.0, 50.0); 3];
        let placed = place(&sizes, &[(0, 1), (1, 2), (0, 2)], false);
        let bend = &placed.bends[&(0, 2)];
        assert_eq!(bend.len(), 1);
        let (x, y) = bend[0];
        let middle = placed.boxes[1];
        assert!(x > placed.boxes[0].right() && x < placed.boxes[2].x, "{x}");
        assert!(y < middle.y || y > middle.bottom(), "{y} inside {middle:?}");
    }

    #[test]
    fn parts_that_do_not_touch_do_not_overlap() {
        let sizes = [(100.0, 40.0); 4];
        let placed = place(&sizes, &[(0, 1), (2, 3)], false);
        for a in 0..4 {
            for b in a + 1..4 {
                assert!(!placed.boxes[a].overlaps(&placed.boxes[b]), "{a} {b}");
            }
        }
    }
}
