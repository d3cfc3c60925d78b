/** A ring of pixel-corner coordinates (x = column, y = row, y down), closed (last = first). */
export type PixelRing = [number, number][];

/** One polygon of a region: its outer ring and its holes, in pixel-corner coordinates. */
export interface PixelPolygon {
  readonly outer: PixelRing;
  readonly holes: PixelRing[];
}

/**
 * The outline of one labelled region of a grid, traced along pixel edges: one polygon per
 * outer boundary (pixels that touch only at a corner become separate polygons), each with its
 * holes. No ring passes a corner twice: rings may touch each other at single corners, as
 * GeoJSON allows. Straight runs are merged into single edges.
 *
 * @example
 * traceRegion(new Int32Array([1, 1, 0, 1]), 2, 2, 1, { col: 0, row: 0, width: 2, height: 2 })
 * // [{ outer: [[0,0],[2,0],[2,1],[1,1],[1,2],[0,2],[0,0]], holes: [] }]
 */
export function traceRegion(
  labels: Int32Array,
  width: number,
  height: number,
  label: number,
  box: { readonly col: number; readonly row: number; readonly width: number; readonly height: number },
): PixelPolygon[] {
  const inside = (c: number, r: number) =>
    c >= 0 && r >= 0 && c < width && r < height && labels[r * width + c] === label;
  // Directed boundary edges, the region on their right (screen clockwise around each pixel).
  const from: number[] = [];
  const to: number[] = [];
  const stride = width + 1;
  const key = (x: number, y: number) => y * stride + x;
  const push = (x0: number, y0: number, x1: number, y1: number) => {
    from.push(key(x0, y0));
    to.push(key(x1, y1));
  };
  for (let r = box.row; r < box.row + box.height; r++) {
    for (let c = box.col; c < box.col + box.width; c++) {
      if (!inside(c, r)) continue;
      if (!inside(c, r - 1)) push(c, r, c + 1, r);
      if (!inside(c + 1, r)) push(c + 1, r, c + 1, r + 1);
      if (!inside(c, r + 1)) push(c + 1, r + 1, c, r + 1);
      if (!inside(c - 1, r)) push(c, r + 1, c, r);
    }
  }
  const outgoing = new Map<number, number[]>();
  for (let e = 0; e < from.length; e++) {
    const list = outgoing.get(from[e] as number);
    if (list === undefined) outgoing.set(from[e] as number, [e]);
    else list.push(e);
  }
  const used = new Uint8Array(from.length);
  const rings: PixelRing[] = [];
  for (let start = 0; start < from.length; start++) {
    if (used[start]) continue;
    const ring: PixelRing = [];
    let e = start;
    while (true) {
      used[e] = 1;
      const a = from[e] as number;
      ring.push([a % stride, Math.floor(a / stride)]);
      const next = nextEdge(e, from, to, outgoing, used, stride);
      if (next === null) break;
      e = next;
    }
    ring.push([...(ring[0] as [number, number])]);
    // a ring that passes a corner twice (a pinched hole, a hole touching the outside) becomes simple loops
    for (const loop of splitLoops(ring, stride)) if (loop.length >= 4) rings.push(simplify(loop));
  }
  const outers = rings.filter((r) => signedArea(r) > 0);
  const polygons: PixelPolygon[] = outers.map((outer) => ({ outer, holes: [] }));
  for (const hole of rings.filter((r) => signedArea(r) < 0)) {
    const probe = interiorPoint(hole);
    const owner = polygons.find((p) => contains(p.outer, probe)) ?? polygons[0];
    owner?.holes.push(hole);
  }
  return polygons;
}

/** At a corner shared by two diagonal pixels, turn right so the two become separate rings. */
function nextEdge(
  e: number,
  from: number[],
  to: number[],
  outgoing: Map<number, number[]>,
  used: Uint8Array,
  stride: number,
): number | null {
  const end = to[e] as number;
  const candidates = (outgoing.get(end) ?? []).filter((c) => !used[c]);
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return candidates[0] as number;
  const [dx, dy] = direction(from[e] as number, end, stride);
  const right: [number, number] = [-dy, dx];
  for (const c of candidates) {
    const [cx, cy] = direction(from[c] as number, to[c] as number, stride);
    if (cx === right[0] && cy === right[1]) return c;
  }
  return candidates[0] as number;
}

function direction(a: number, b: number, stride: number): [number, number] {
  return [(b % stride) - (a % stride), Math.floor(b / stride) - Math.floor(a / stride)];
}

/**
 * Cuts a closed ring at every corner it passes twice into closed loops that pass each corner
 * once. Each loop keeps its direction, so its signed area says whether it is an outer ring or a
 * hole; loops then touch at single corners, which GeoJSON (Simple Features) allows.
 */
function splitLoops(ring: PixelRing, stride: number): PixelRing[] {
  const key = ([x, y]: [number, number]) => y * stride + x;
  const path: PixelRing = [];
  const at = new Map<number, number>();
  const loops: PixelRing[] = [];
  for (const point of ring) {
    const k = key(point);
    const seen = at.get(k);
    if (seen === undefined) {
      at.set(k, path.length);
      path.push(point);
      continue;
    }
    loops.push([...path.slice(seen), point]);
    for (const q of path.slice(seen + 1)) at.delete(key(q));
    path.length = seen + 1;
  }
  return loops;
}

/** Drops corners where the ring goes straight on. */
function simplify(ring: PixelRing): PixelRing {
  const open = ring.slice(0, -1);
  const kept: PixelRing = [];
  for (let i = 0; i < open.length; i++) {
    const prev = open[(i - 1 + open.length) % open.length] as [number, number];
    const cur = open[i] as [number, number];
    const next = open[(i + 1) % open.length] as [number, number];
    const cross = (cur[0] - prev[0]) * (next[1] - cur[1]) - (cur[1] - prev[1]) * (next[0] - cur[0]);
    if (cross !== 0) kept.push(cur);
  }
  kept.push([...(kept[0] as [number, number])]);
  return kept;
}

/** Shoelace area in screen coordinates (y down): positive for the outer rings traced above. */
function signedArea(ring: PixelRing): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** A point just inside the region beside a hole's first edge (the region is on the edge's right). */
function interiorPoint(ring: PixelRing): [number, number] {
  const [x0, y0] = ring[0] as [number, number];
  const [x1, y1] = ring[1] as [number, number];
  const len = Math.hypot(x1 - x0, y1 - y0);
  const [dx, dy] = [(x1 - x0) / len, (y1 - y0) / len];
  return [x0 + dx * 0.5 - dy * 0.25, y0 + dy * 0.5 + dx * 0.25];
}

function contains(ring: PixelRing, [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
