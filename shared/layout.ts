import type { Graph, GraphNode } from './graph/types';

/*
 * Layered top-to-bottom layout (a small Sugiyama): inputs at the top, every edge pointing down,
 * parallel branches side by side. Steps: rank by longest path; split long edges into lanes of
 * "dummy" slots so skip connections and short Inception branches keep a column of their own;
 * order each rank by a depth-first walk up from the outputs (a merge's inputs left to right), then
 * untangle what still crosses with barycenter sweeps; place x by centring each node under its
 * parents (then over its children) while keeping slots apart. Deterministic; a few milliseconds
 * for InceptionV3's 313 layers.
 */

/** The size the canvas draws a block at; the layout leaves room for it. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;
export const VERTICAL_GAP = 60;
export const HORIZONTAL_GAP = 40;

interface Slot {
  readonly rank: number;
  /** Parent slots in input order (targetIndex); child slots in the order they were wired. */
  readonly parents: number[];
  readonly children: number[];
  x: number;
}

export function autoLayout(graph: Graph): Graph {
  const n = graph.nodes.length;
  if (n === 0) return graph;
  const index = new Map<string, number>(graph.nodes.map((node, i) => [node.id, i]));
  const edges: [number, number][] = [];
  // Input order first, so every slot's parents are listed by targetIndex.
  const sorted = [...graph.edges].sort((a, b) => a.targetIndex - b.targetIndex);
  for (const e of sorted) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) edges.push([s, t]);
  }
  const order = topoPositions(n, edges);
  // Edges against the topological order close a cycle (a user's wiring mistake): ignore them here.
  const forward = edges.filter(([s, t]) => (order[s] ?? 0) < (order[t] ?? 0));
  const rank = ranks(n, forward, order);

  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) slots.push({ rank: rank[i] ?? 0, parents: [], children: [], x: 0 });
  for (const [s, t] of forward) {
    let from = s;
    for (let r = (rank[s] ?? 0) + 1; r < (rank[t] ?? 0); r++) {
      const dummy = slots.length;
      slots.push({ rank: r, parents: [from], children: [], x: 0 });
      slotAt(slots, from).children.push(dummy);
      from = dummy;
    }
    slotAt(slots, from).children.push(t);
    slotAt(slots, t).parents.push(from);
  }

  const rows = reduceCrossings(orderRows(slots, n), slots);
  const sep = NODE_WIDTH + HORIZONTAL_GAP;
  for (const pass of ['down', 'up', 'down'] as const) {
    const sequence = pass === 'down' ? rows : [...rows].reverse();
    for (const row of sequence) {
      const desired = row.map((id) => {
        const slot = slotAt(slots, id);
        const near = pass === 'down' ? slot.parents : slot.children;
        return near.length === 0 ? slot.x : mean(near.map((p) => slotAt(slots, p).x));
      });
      const xs = placeRow(desired, sep);
      row.forEach((id, i) => {
        slotAt(slots, id).x = xs[i] ?? 0;
      });
    }
  }

  let minX = Infinity;
  for (let i = 0; i < n; i++) minX = Math.min(minX, slotAt(slots, i).x);
  const nodes: GraphNode[] = graph.nodes.map((node, i) => {
    const slot = slotAt(slots, i);
    return { ...node, position: { x: Math.round(slot.x - minX), y: slot.rank * (NODE_HEIGHT + VERTICAL_GAP) } };
  });
  return { ...graph, nodes };
}

/** The graph as it is when any block has a position, else auto-laid out (templates and imports may come unplaced). */
export function laidOut(graph: Graph): Graph {
  const placed = graph.nodes.some((n) => n.position.x !== 0 || n.position.y !== 0);
  return placed ? graph : autoLayout(graph);
}

function slotAt(slots: readonly Slot[], i: number): Slot {
  const slot = slots[i];
  if (!slot) throw new Error(`autoLayout: no slot ${i}`);
  return slot;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Position of each node in a topological order (creation order among ready nodes); nodes on a cycle go last. */
function topoPositions(n: number, edges: readonly [number, number][]): number[] {
  const indegree = new Array<number>(n).fill(0);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of edges) {
    indegree[t] = (indegree[t] ?? 0) + 1;
    out[s]?.push(t);
  }
  const position = new Array<number>(n).fill(-1);
  // A min-heap would be asymptotically nicer; sorted insertion is plenty for a few hundred nodes.
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  let next = 0;
  while (ready.length > 0) {
    const v = ready.shift() ?? 0;
    position[v] = next++;
    for (const t of out[v] ?? []) {
      indegree[t] = (indegree[t] ?? 0) - 1;
      if (indegree[t] === 0) insertSorted(ready, t);
    }
  }
  for (let i = 0; i < n; i++) if (position[i] === -1) position[i] = next++;
  return position;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] ?? 0) > value) i--;
  list.splice(i, 0, value);
}

/** Longest-path ranks; a source that only feeds deeper layers moves down to sit just above them. */
function ranks(n: number, forward: readonly [number, number][], order: readonly number[]): number[] {
  const rank = new Array<number>(n).fill(0);
  const byOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => (order[a] ?? 0) - (order[b] ?? 0));
  const incoming: number[][] = Array.from({ length: n }, () => []);
  const outgoing: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of forward) {
    incoming[t]?.push(s);
    outgoing[s]?.push(t);
  }
  for (const v of byOrder) {
    for (const p of incoming[v] ?? []) rank[v] = Math.max(rank[v] ?? 0, (rank[p] ?? 0) + 1);
  }
  for (let v = 0; v < n; v++) {
    const kids = outgoing[v] ?? [];
    if ((incoming[v] ?? []).length === 0 && kids.length > 0) {
      rank[v] = Math.min(...kids.map((k) => rank[k] ?? 0)) - 1;
    }
  }
  return rank;
}

/**
 * Slots per rank, ordered by a depth-first walk up from the outputs, parents in input order: the
 * inputs of a merge (Concatenate, Add) line up left to right in the order the merge reads them.
 */
function orderRows(slots: readonly Slot[], realCount: number): number[][] {
  const rows: number[][] = [];
  const seen = new Uint8Array(slots.length);
  const visit = (start: number): void => {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() ?? 0;
      if (seen[id]) continue;
      seen[id] = 1;
      const slot = slotAt(slots, id);
      while (rows.length <= slot.rank) rows.push([]);
      rows[slot.rank]?.push(id);
      for (let p = slot.parents.length - 1; p >= 0; p--) {
        const parent = slot.parents[p] ?? 0;
        if (!seen[parent]) stack.push(parent);
      }
    }
  };
  for (let i = 0; i < realCount; i++) if (slotAt(slots, i).children.length === 0) visit(i);
  for (let i = 0; i < slots.length; i++) visit(i);
  return rows.filter((row) => row.length > 0);
}

/** Edge crossings between consecutive rows (every slot edge joins adjacent ranks). */
function crossings(rows: readonly (readonly number[])[], slots: readonly Slot[]): number {
  const pos = new Map<number, number>();
  for (const row of rows) row.forEach((id, i) => pos.set(id, i));
  let count = 0;
  for (const row of rows) {
    const pairs: [number, number][] = [];
    for (const id of row) for (const child of slotAt(slots, id).children) pairs.push([pos.get(id) ?? 0, pos.get(child) ?? 0]);
    for (let i = 0; i < pairs.length; i++) {
      const [a1, b1] = pairs[i] ?? [0, 0];
      for (let j = i + 1; j < pairs.length; j++) {
        const [a2, b2] = pairs[j] ?? [0, 0];
        if ((a1 - a2) * (b1 - b2) < 0) count++;
      }
    }
  }
  return count;
}

/**
 * The walk's order is crossing-free for the usual chains, branches and skips; for tangled user
 * graphs, a few barycenter sweeps (down, then up) may untangle it. A sweep is kept only when it
 * removes crossings, so a clean layout never changes.
 */
function reduceCrossings(rows: number[][], slots: readonly Slot[]): number[][] {
  let best = rows;
  let bestCount = crossings(best, slots);
  let current = rows;
  for (let sweep = 0; sweep < 8 && bestCount > 0; sweep++) {
    const down = sweep % 2 === 0;
    const pos = new Map<number, number>();
    for (const row of current) row.forEach((id, i) => pos.set(id, i));
    const sequence = down ? current : [...current].reverse();
    const next = sequence.map((row, r) => {
      if (r === 0) return row;
      const keyed = row.map((id, i) => {
        const near = down ? slotAt(slots, id).parents : slotAt(slots, id).children;
        return { id, i, key: near.length === 0 ? i : mean(near.map((p) => pos.get(p) ?? 0)) };
      });
      keyed.sort((a, b) => a.key - b.key || a.i - b.i);
      const ordered = keyed.map((k) => k.id);
      ordered.forEach((id, i) => pos.set(id, i));
      return ordered;
    });
    current = down ? next : next.reverse();
    const count = crossings(current, slots);
    if (count < bestCount) {
      best = current;
      bestCount = count;
    }
  }
  return best;
}

/**
 * x for each slot of a row: as close as possible (least squares) to `desired`, in row order,
 * at least `sep` apart. Shifting by the cumulative offsets turns it into isotonic regression,
 * solved exactly by pooling adjacent violators.
 */
export function placeRow(desired: readonly number[], sep: number): number[] {
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < desired.length; i++) {
    let block = { sum: (desired[i] ?? 0) - i * sep, count: 1 };
    let last = blocks[blocks.length - 1];
    while (last && last.sum / last.count > block.sum / block.count) {
      blocks.pop();
      block = { sum: block.sum + last.sum, count: block.count + last.count };
      last = blocks[blocks.length - 1];
    }
    blocks.push(block);
  }
  const xs: number[] = [];
  for (const block of blocks) {
    const level = block.sum / block.count;
    for (let k = 0; k < block.count; k++) xs.push(level + xs.length * sep);
  }
  return xs;
}
