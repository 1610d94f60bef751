import type { Edge, Node } from '@xyflow/react';
import type { Family } from '../../../shared/layers/types';

/** What a block shows: plain serialisable values only (no callbacks: the graph stays JSON, undo and files stay exact). */
export type BlockData = {
  kind: string;
  name: string;
  family: Family | 'unknown';
  /** The two or three defining parameters: "32 × 3×3, relu". */
  detail: string;
  /** Parameter count, or null when it cannot be computed yet. */
  paramCount: number | null;
  severity: 'error' | 'warning' | null;
  /** Diagnostic messages for this block (the tooltip of its badge). */
  problems: string[];
  /** Number of input sockets to draw (merge blocks: one per input plus one free). */
  sockets: number;
  /** Part of the selected block's upstream/downstream path. */
  onPath: boolean;
  /** Some block is selected, and this one is off its path (drawn a little fainter). */
  dimmed: boolean;
  /** trainable: false — training keeps its weights (drawn with a frost stripe and a lock). */
  frozen?: boolean;
};

export type ShapeEdgeData = {
  /** "(None, 26, 26, 32)", or null when the shape cannot be computed (drawn dashed). */
  shape: string | null;
  onPath: boolean;
  /**
   * Where along the wire (0 = source, 1 = target) the label sits: near the target when the source
   * fans out (the labels of one source would pile up at their shared start), near the source
   * when the target merges several inputs, else in the middle.
   */
  labelAt: number;
};

export type BlockNode = Node<BlockData, 'block'>;

/** A collapsed group of layers (shared/grouping.ts) drawn as one block. */
export type GroupData = {
  groupId: string;
  label: string;
  /** "stage · 3 blocks · 33 layers". */
  summary: string;
  family: Family | 'unknown';
  paramCount: number;
  /** The group's output shape, "(None, 56, 56, 256)". */
  shape: string | null;
  /** Groups inside (a stage's modules), opened too by Shift+click. */
  children: string[];
};
// Not 'group': React Flow reserves that type name for its own parent nodes.
export type GroupNode = Node<GroupData, 'groupBlock'>;

/** The frame drawn behind an expanded group's layers. */
export type FrameData = GroupData & { width: number; height: number; depth: number };
export type FrameNode = Node<FrameData, 'frame'>;

export type CanvasNode = BlockNode | GroupNode | FrameNode;
export type ShapeEdge = Edge<ShapeEdgeData, 'shape'>;

export const sourceHandleId = 'out';

export function targetHandleId(index: number): string {
  return `in-${index}`;
}

/** A wire as the canvas draws it: from the source's output to the target's numbered input, labelled by data. */
export function shapeEdge(
  wire: { readonly id: string; readonly source: string; readonly target: string; readonly targetIndex: number },
  data: ShapeEdgeData,
): ShapeEdge {
  return {
    id: wire.id,
    type: 'shape',
    source: wire.source,
    target: wire.target,
    sourceHandle: sourceHandleId,
    targetHandle: targetHandleId(wire.targetIndex),
    data,
  };
}

/** 'in-2' -> 2; anything else -> 0 (single-input blocks). */
export function targetIndexOf(handleId: string | null | undefined): number {
  const m = /^in-(\d+)$/.exec(handleId ?? '');
  return m?.[1] === undefined ? 0 : Number(m[1]);
}
