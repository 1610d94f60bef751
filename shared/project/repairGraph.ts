import { failure, success, type Outcome } from '../api/outcome';
import { nextId } from '../graph/commands';
import { kerasBaseName, uniqueName } from '../graph/naming';
import type { Graph, GraphEdge, GraphNode, Params } from '../graph/types';
import { isJsonObject, type JsonValue } from '../json';

/*
 * Reads a graph from untrusted JSON, keeping everything that can be kept: a broken node or
 * wire is dropped or mended with a warning that names it, never silently.
 */

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isJsonValue(v: unknown): v is JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  if (typeof v === 'object') return Object.values(v).every(isJsonValue);
  return false;
}

/** Fails (a clause: "the project has no model graph …") only when there is no graph to mend. */
export function repairGraph(raw: unknown, warnings: string[]): Outcome<Graph> {
  if (!isJsonObject(raw)) return failure("the project has no model graph ('graph' is missing or not an object)");
  const rawNodes = raw['nodes'];
  const rawEdges = raw['edges'];
  if (!Array.isArray(rawNodes)) return failure("the model graph has no list of blocks ('graph.nodes' is missing or not a list)");
  const name = typeof raw['name'] === 'string' && raw['name'] !== '' ? raw['name'] : 'model';
  if (name !== raw['name']) warnings.push("The model had no name; named it 'model'.");

  const nodes: GraphNode[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  rawNodes.forEach((n: unknown, i) => {
    if (!isJsonObject(n) || typeof n['kind'] !== 'string' || n['kind'] === '') {
      warnings.push(`Block #${i + 1} has no layer class and was left out.`);
      return;
    }
    const kind = n['kind'];
    let id = typeof n['id'] === 'string' && n['id'] !== '' ? n['id'] : '';
    if (id === '' || ids.has(id)) id = nextId(ids);
    ids.add(id);
    let nodeName = typeof n['name'] === 'string' ? n['name'] : '';
    if (nodeName === '') {
      nodeName = uniqueName(names, kerasBaseName(kind));
      warnings.push(`${kind} block #${i + 1} had no name; named it '${nodeName}'.`);
    }
    names.add(nodeName);
    let params: Params = {};
    const rawParams = n['params'];
    if (isJsonObject(rawParams) && isJsonValue(rawParams)) params = rawParams;
    else if (rawParams !== undefined) warnings.push(`${kind} '${nodeName}' had unreadable parameters; they were reset to the defaults.`);
    const p = n['position'];
    const position = isJsonObject(p) && isFiniteNumber(p['x']) && isFiniteNumber(p['y']) ? { x: p['x'], y: p['y'] } : { x: 0, y: i * 80 };
    nodes.push({ id, kind, name: nodeName, params, position });
  });

  const edges: GraphEdge[] = [];
  const edgeIds = new Set<string>();
  (Array.isArray(rawEdges) ? rawEdges : []).forEach((e: unknown, i) => {
    const ok = isJsonObject(e) && typeof e['source'] === 'string' && typeof e['target'] === 'string' && ids.has(e['source']) && ids.has(e['target']);
    if (!ok) {
      warnings.push(`Wire #${i + 1} does not connect two existing blocks and was left out.`);
      return;
    }
    const t = e['targetIndex'];
    const targetIndex = typeof t === 'number' && Number.isInteger(t) && t >= 0 ? t : 0;
    let id = typeof e['id'] === 'string' && e['id'] !== '' ? e['id'] : '';
    if (id === '' || edgeIds.has(id)) id = nextId(edgeIds, 'e');
    edgeIds.add(id);
    edges.push({ id, source: String(e['source']), target: String(e['target']), targetIndex });
  });
  if (rawEdges !== undefined && !Array.isArray(rawEdges))
    warnings.push("The model's wires were unreadable ('graph.edges' is not a list); the blocks were kept without wires.");

  const graph: Graph = { name, nodes, edges };
  const outputs = raw['outputs'];
  const modelClass = raw['modelClass'];
  return success({
    ...graph,
    ...(Array.isArray(outputs) ? { outputs: outputs.filter((o): o is string => typeof o === 'string' && ids.has(o)) } : {}),
    ...(modelClass === 'Sequential' || modelClass === 'Functional' ? { modelClass } : {}),
  });
}
