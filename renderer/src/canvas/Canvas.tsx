import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type EdgeTypes,
  type Viewport,
} from '@xyflow/react';
import type { Position } from '../../../shared/graph/types';
import { findGroups } from '../../../shared/grouping';
import { groupedView } from '../../../shared/groupView';
import { addBlock, commitMoves, connectBlocks } from '../actions/graphActions';
import { registerCanvasControl } from '../state/canvasControl';
import { editor, type Selection } from '../state/editorStore';
import { inferenceOf } from '../state/inference';
import { toggleGroups, useUi } from '../state/uiStore';
import { useEditorState } from '../state/useEditor';
import { groupedFlow } from './groupedFlow';
import { FrameNodeView, GroupNodeView } from './GroupNodeView';
import { setExpanded, useExpanded } from './groupState';
import { BlockNodeView } from './BlockNodeView';
import { ShapeEdgeView } from './ShapeEdgeView';
import { createEdgeDeriver, createNodeDeriver } from './flowModel';
import { targetIndexOf, type CanvasNode, type ShapeEdge } from './flowTypes';
import { pathThrough } from './pathHighlight';
import { paletteDragType } from '../blocks/dragType';
import { resolvePaletteKey } from '../blocks/variants';

const nodeTypes: NodeTypes = { block: BlockNodeView, groupBlock: GroupNodeView, frame: FrameNodeView };
const edgeTypes: EdgeTypes = { shape: ShapeEdgeView };
type Size = { readonly width: number; readonly height: number };
/** Below this zoom blocks are drawn as colour bars (level of detail). */
const farZoom = 0.35;

function applySelect(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): string[] {
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

/** The node graph: React Flow drawing what the editor store holds, and routing edits back to it. */
export function Canvas({ showMinimap, showControls }: { showMinimap: boolean; showControls: boolean }) {
  const graph = useEditorState((s) => s.history.present);
  const selection = useEditorState((s) => s.selection);
  const drag = useEditorState((s) => s.drag);
  const focus = useEditorState((s) => s.focus);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  // The latest sizes for the canvas control (registered once, so it reads them through a ref).
  const measuredRef = useRef(measured);
  measuredRef.current = measured;
  const flow = useReactFlow<CanvasNode, ShapeEdge>();
  const groupsOn = useUi((s) => s.groups);
  const expanded = useExpanded();
  const wrapper = useRef<HTMLDivElement>(null);

  const deriveNodes = useMemo(createNodeDeriver, []);
  const deriveEdges = useMemo(createEdgeDeriver, []);
  const inference = inferenceOf(graph);
  const path = useMemo(() => pathThrough(graph, selection.nodes), [graph, selection.nodes]);
  const nodes = useMemo(
    () => deriveNodes({ graph, inference, selectedNodes: selection.nodes, selectedEdges: selection.edges, path, drag, measured }),
    [deriveNodes, graph, inference, selection, path, drag, measured],
  );
  const edges = useMemo(
    // Edges follow their blocks inside React Flow; a drag does not change any edge's data.
    () => deriveEdges({ graph, inference, selectedNodes: selection.nodes, selectedEdges: selection.edges, path, drag: null, measured }),
    [deriveEdges, graph, inference, selection, path, measured],
  );
  // Big models: repeated structure as group blocks, laid out as a computed view (G toggles it).
  const groups = useMemo(() => findGroups(graph, (id) => inference.nodes.get(id)?.outputShape ?? null), [graph, inference]);
  const grouped = groupsOn && groups.length > 0;
  const view = useMemo(() => (grouped ? groupedView(graph, groups, expanded) : null), [grouped, graph, groups, expanded]);
  const flowElements = useMemo(() => {
    if (view !== null) return groupedFlow(graph, view, inference, nodes, edges, measured);
    const plain: CanvasNode[] = nodes;
    return { nodes: plain, edges };
  }, [view, graph, inference, nodes, edges, measured]);
  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    registerCanvasControl({
      fit: () => void flow.fitView({ padding: 0.08, duration: 200, maxZoom: 1.2 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      centreOn: (p) => void flow.setCenter(p.x + 100, p.y + 40, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 }),
      viewportCentre: () => {
        const r = wrapper.current?.getBoundingClientRect();
        if (r === undefined) return { x: 0, y: 0 };
        const p = flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 3 });
        return { x: Math.round(p.x - 100), y: Math.round(p.y) };
      },
      keepInView: (nodeIds) => {
        const r = wrapper.current?.getBoundingClientRect();
        // The grouped view places blocks itself: an undo does not move what it shows.
        if (r === undefined || nodeIds.length === 0 || viewRef.current !== null) return;
        const a = flow.screenToFlowPosition({ x: r.left, y: r.top });
        const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom });
        const ids = new Set(nodeIds);
        const moved = editor.graph().nodes.filter((n) => ids.has(n.id));
        // Wholly on screen, with the block's drawn size (a corner peeking out from under the minimap is not "in view").
        const inside = moved.filter((n) => {
          const size = measuredRef.current.get(n.id) ?? { width: 200, height: 60 };
          return n.position.x >= a.x && n.position.x + size.width <= b.x && n.position.y >= a.y && n.position.y + size.height <= b.y;
        });
        if (inside.length * 2 < moved.length) void flow.fitView({ padding: 0.08, duration: 200, maxZoom: 1.2 });
      },
    });
    return () => registerCanvasControl(null);
  }, [flow]);

  useEffect(() => {
    if (focus === null) return;
    // A layer inside collapsed groups: open them first, then centre on where the view puts it.
    const hidden = groups.filter((g) => g.members.includes(focus.nodeId) && !expanded.has(g.id));
    if (grouped && hidden.length > 0) {
      setExpanded(
        hidden.map((g) => g.id),
        true,
      );
      return;
    }
    const at = grouped ? flow.getNode(focus.nodeId)?.position : editor.graph().nodes.find((x) => x.id === focus.nodeId)?.position;
    if (at !== undefined) void flow.setCenter(at.x + 100, at.y + 40, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
    // expanded: after opening the groups, this runs again and centres
  }, [focus, flow, grouped, groups, expanded]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const sizes: [string, Size][] = [];
    const moving = new Map<string, Position>();
    let dropped = false;
    const selects: { id: string; selected: boolean }[] = [];
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions !== undefined) sizes.push([c.id, c.dimensions]);
      else if (c.type === 'position') {
        if (c.position !== undefined) moving.set(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
        if (c.dragging === false) dropped = true;
      } else if (c.type === 'select') selects.push({ id: c.id, selected: c.selected });
    }
    if (sizes.length > 0) {
      setMeasured((m) => {
        const next = new Map(m);
        for (const [id, s] of sizes) next.set(id, s);
        return next;
      });
    }
    if (moving.size > 0) editor.dragTo(moving);
    if (dropped) editor.endDrag(commitMoves);
    if (selects.length > 0) {
      const s = editor.store.getState().selection;
      editor.select({ nodes: applySelect(s.nodes, selects), edges: s.edges });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeEdge>[]) => {
    const selects = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
    if (selects.length === 0) return;
    const s: Selection = editor.store.getState().selection;
    editor.select({ nodes: s.nodes, edges: applySelect(s.edges, selects) });
  }, []);

  // Far out (a fitted ResNet50), text is unreadable noise: blocks become solid family colours and
  // wire labels hide. A class on the wrapper does it without re-rendering a single block.
  const onMove = useCallback((_: unknown, viewport: Viewport) => {
    wrapper.current?.classList.toggle('zoomed-out', viewport.zoom < farZoom);
  }, []);

  // A click on a group block opens it in place; Shift+click opens everything inside.
  const onNodeClick = useCallback((e: MouseEvent, node: CanvasNode) => {
    if (node.type === 'groupBlock') setExpanded(e.shiftKey ? [node.data.groupId, ...node.data.children] : [node.data.groupId], true);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    connectBlocks(c.source, c.target, targetIndexOf(c.targetHandle));
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(paletteDragType)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const key = e.dataTransfer.getData(paletteDragType);
      if (key === '') return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const { className, params } = resolvePaletteKey(key);
      // The pointer holds the block by the middle of its header.
      const at = { x: Math.round(p.x - 100), y: Math.round(p.y - 14) };
      addBlock(className, at, undefined, params);
      // Dropped while far out (a fitted ResNet50): come in to where it landed, at a zoom that reads.
      if (flow.getZoom() < 0.6) void flow.setCenter(at.x + 110, at.y + 36, { zoom: 0.9, duration: 250 });
    },
    [flow],
  );

  return (
    <div className="canvas" ref={wrapper} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasNode, ShapeEdge>
        nodes={flowElements.nodes}
        edges={flowElements.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeClick={onNodeClick}
        onMove={onMove}
        onInit={(instance) => onMove(null, instance.getViewport())}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        onlyRenderVisibleElements
        minZoom={0.01}
        maxZoom={2.5}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1.2 }}
        proOptions={{ hideAttribution: true }}
        connectionRadius={28}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        {grouped && (
          <div className="grouped-hint" data-testid="grouped-hint">
            <span title="Repeated structure is drawn as group blocks: click one to open it in place (Shift+click: everything inside).">Grouped view</span>
            <button type="button" className="btn small" onClick={toggleGroups} title="Show every layer as its own block (G)">
              Every layer (G)
            </button>
          </div>
        )}
        {showControls && <Controls showInteractive={false} position="bottom-left" />}
        {showMinimap && (
          <MiniMap
            pannable
            zoomable
            nodeClassName={(n) => `mini family-${String(n.data.family)}`}
            position="bottom-right"
            style={{ width: 150, height: 110 }}
          />
        )}
      </ReactFlow>
    </div>
  );
}
