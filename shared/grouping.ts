import type { Graph, GraphNode, Shape } from './graph/types';
import { topologicalOrder } from './graph/topology';

/*
 * Repeated structure of big models, found from the graph itself so it works for any model, not
 * only Keras Applications:
 *  - a *module* is a branched region between two points every path passes through (a ResNet
 *    block with its shortcut, an Inception module with its branches), together with the join
 *    that closes it (the Add / Concatenate) and the layers right after it that carry the same
 *    name prefix (`conv2_block1_out`); named linear runs (`block1_conv1`, `block1_conv2`,
 *    `block1_pool`) are modules too;
 *  - a *stage* is a run of two or more consecutive modules whose outputs have the same height and
 *    width (ResNet's conv2…conv5, Inception's 35×35 / 17×17 / 8×8 parts);
 *  - the *stem* is the plain chain between the Input and the first module.
 * The canvas draws each as one block (label, output shape, parameters) that expands in place.
 */

export type GroupKind = 'stage' | 'module' | 'stem';

export interface BlockGroup {
  /** Stable while the model keeps its names: 'group:conv2', 'group:conv2_block1'. */
  readonly id: string;
  readonly label: string;
  readonly kind: GroupKind;
  /** Every layer inside, in topological order. */
  readonly members: readonly string[];
  /** Modules of a stage; empty for modules and the stem. */
  readonly children: readonly string[];
  readonly parent: string | null;
  /** The layer whose output is the group's output. */
  readonly last: string;
}

/** Below this many layers a model is drawn block by block (the chapter's CNNs, VGG16). */
export const GROUPING_MIN_LAYERS = 30;

/** "conv2_block1_1_conv", "conv2_block1_out" -> "conv2_block1_": the longest shared prefix ending at '_'. */
function commonPrefix(names: readonly string[]): string {
  const [first, ...rest] = names;
  if (first === undefined) return '';
  let prefix = first;
  for (const n of rest) {
    let i = 0;
    while (i < prefix.length && i < n.length && prefix[i] === n[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const cut = prefix.lastIndexOf('_');
  return cut <= 0 ? '' : prefix.slice(0, cut + 1);
}

/** A name's prefix up to its last '_' ("block1_conv1" -> "block1_"), or '' without one. */
function namePrefix(name: string): string {
  const cut = name.lastIndexOf('_');
  return cut <= 0 ? '' : name.slice(0, cut + 1);
}

/** "mixed3", "mixed7" -> "mixed3–7": a range that fits on a block; other names as "a – b". */
function rangeLabel(first: string, last: string): string {
  const m = /^(.*?)(\d+)$/.exec(first);
  const n = /^(.*?)(\d+)$/.exec(last);
  if (m !== null && n !== null && m[1] === n[1]) return `${m[1] ?? ''}${m[2] ?? ''}–${n[2] ?? ''}`;
  return `${first} – ${last}`;
}

function spatial(shape: Shape | null): string | null {
  if (shape === null || shape.length !== 4) return null;
  return `${String(shape[1])}x${String(shape[2])}`;
}

interface Unit {
  readonly nodes: GraphNode[];
  branched: boolean;
}

/**
 * The groups of a model, outermost last: modules (and the stem) first, then the stages that hold
 * them. Empty for models under GROUPING_MIN_LAYERS layers or with a cycle.
 */
export function findGroups(graph: Graph, outputShape: (nodeId: string) => Shape | null): BlockGroup[] {
  if (graph.nodes.length < GROUPING_MIN_LAYERS) return [];
  const order = topologicalOrder(graph);
  if (order === null) return [];
  const position = new Map(order.map((n, i) => [n.id, i]));
  // A layer is a cut point when no wire jumps over it in topological order: every path passes it.
  const crossing = new Array<number>(order.length + 1).fill(0);
  for (const e of graph.edges) {
    const a = position.get(e.source);
    const b = position.get(e.target);
    if (a === undefined || b === undefined || b <= a + 1) continue;
    crossing[a + 1] = (crossing[a + 1] ?? 0) + 1;
    crossing[b] = (crossing[b] ?? 0) - 1;
  }
  const cut: boolean[] = [];
  let open = 0;
  for (let i = 0; i < order.length; i++) {
    open += crossing[i] ?? 0;
    cut.push(open === 0);
  }

  // Units: a branched region with its closing join and same-prefix followers, or a single cut layer.
  const units: Unit[] = [];
  for (let i = 0; i < order.length;) {
    const node = order[i];
    if (node === undefined) break;
    if (cut[i] === true) {
      units.push({ nodes: [node], branched: false });
      i++;
      continue;
    }
    const region: GraphNode[] = [];
    while (i < order.length && cut[i] !== true) region.push(order[i++] ?? node);
    const join = order[i];
    if (join !== undefined) {
      region.push(join);
      i++;
    }
    const prefix = commonPrefix(region.map((n) => n.name));
    while (prefix !== '' && i < order.length && cut[i] === true && (order[i]?.name.startsWith(prefix) ?? false)) region.push(order[i++] ?? node);
    units.push({ nodes: region, branched: true });
  }

  // Named linear runs become modules: consecutive single cut layers that share the first one's
  // name prefix ("block1_conv1", "block1_conv2", "block1_pool") or extend its name ("conv_dw_1",
  // "conv_dw_1_bn", "conv_dw_1_relu").
  const merged: Unit[] = [];
  for (const u of units) {
    const prev = merged[merged.length - 1];
    const head = prev?.nodes[0];
    const name = u.nodes[0]?.name ?? '';
    const joins =
      prev !== undefined &&
      head !== undefined &&
      !prev.branched &&
      !u.branched &&
      ((namePrefix(head.name) !== '' && namePrefix(name) === namePrefix(head.name)) || name.startsWith(`${head.name}_`));
    if (joins) prev.nodes.push(...u.nodes);
    else merged.push({ nodes: [...u.nodes], branched: u.branched });
  }
  const isModule = (u: Unit) => u.branched || u.nodes.length >= 2;

  const groups: BlockGroup[] = [];
  const used = new Set<string>();
  const idFor = (label: string) => {
    let id = `group:${label}`;
    for (let k = 2; used.has(id); k++) id = `group:${label}~${k}`;
    used.add(id);
    return id;
  };
  const moduleLabel = (u: Unit) => {
    const prefix = commonPrefix(u.nodes.map((n) => n.name));
    return prefix !== '' ? prefix.slice(0, -1) : (u.nodes[u.nodes.length - 1]?.name ?? 'module');
  };

  // The stem: the plain chain after the Input, before the first module (when it is long enough to matter).
  const firstBranched = merged.findIndex((u) => u.branched);
  const stemUnits = firstBranched > 0 ? merged.slice(0, firstBranched).filter((u) => u.nodes[0]?.kind !== 'InputLayer') : [];
  const stemNodes = stemUnits.flatMap((u) => u.nodes);
  if (stemNodes.length >= 3) {
    const lastStem = stemNodes[stemNodes.length - 1];
    if (lastStem !== undefined)
      groups.push({ id: idFor('stem'), label: 'stem', kind: 'stem', members: stemNodes.map((n) => n.id), children: [], parent: null, last: lastStem.id });
  }

  // Modules, then stages of consecutive modules with the same output size.
  const modules: { group: BlockGroup; size: string | null; index: number }[] = [];
  merged.forEach((u, index) => {
    if (!isModule(u) || (stemNodes.length >= 3 && stemUnits.includes(u))) return;
    const last = u.nodes[u.nodes.length - 1];
    if (last === undefined) return;
    const group: BlockGroup = {
      id: idFor(moduleLabel(u)),
      label: moduleLabel(u),
      kind: 'module',
      members: u.nodes.map((n) => n.id),
      children: [],
      parent: null,
      last: last.id,
    };
    modules.push({ group, size: spatial(outputShape(last.id)), index });
  });
  const stages: BlockGroup[] = [];
  const parentOf = new Map<string, string>();
  for (let i = 0; i < modules.length;) {
    let j = i + 1;
    const first = modules[i];
    if (first === undefined) break;
    const branched = (k: number) => merged[modules[k]?.index ?? -1]?.branched === true;
    while (
      j < modules.length &&
      branched(i) &&
      branched(j) &&
      first.size !== null &&
      modules[j]?.size === first.size &&
      modules[j]?.index === (modules[j - 1]?.index ?? -2) + 1
    )
      j++;
    const run = modules.slice(i, j);
    if (run.length >= 2) {
      const labels = run.map((m) => m.group.label);
      const shared = commonPrefix(labels.map((l) => `${l}_`));
      const prefix = shared.replace(/_?block\d*_?$/, '').replace(/_$/, '');
      const label = prefix !== '' && !labels.includes(prefix) ? prefix : rangeLabel(labels[0] ?? '', labels[labels.length - 1] ?? '');
      const lastModule = run[run.length - 1]?.group;
      const id = idFor(label);
      if (lastModule !== undefined) {
        stages.push({
          id,
          label,
          kind: 'stage',
          members: run.flatMap((m) => m.group.members),
          children: run.map((m) => m.group.id),
          parent: null,
          last: lastModule.last,
        });
        for (const m of run) parentOf.set(m.group.id, id);
      }
    }
    i = j;
  }
  for (const m of modules) groups.push({ ...m.group, parent: parentOf.get(m.group.id) ?? null });
  return [...groups, ...stages];
}
