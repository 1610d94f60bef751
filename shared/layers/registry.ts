import type { LayerDef } from './types';

/**
 * Every layer kind Blockprop knows, listed explicitly (no self-registration on import).
 * Palette order within a family follows this list.
 */
export const layerDefs: readonly LayerDef[] = [];

const byClass = new Map<string, LayerDef>(layerDefs.map((d) => [d.className, d]));

/** The definition of a Keras class, or undefined when Blockprop does not support it. */
export function getLayerDef(className: string): LayerDef | undefined {
  return byClass.get(className);
}
