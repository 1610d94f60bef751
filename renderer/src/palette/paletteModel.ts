import { families, type Family, type LayerDef } from '../../../shared/layers/types';

export interface PaletteGroupModel {
  readonly family: Family;
  readonly defs: readonly LayerDef[];
}

/** Layer definitions grouped by family in palette order, filtered by a search query. */
export function groupDefs(defs: readonly LayerDef[], query: string): PaletteGroupModel[] {
  const q = query.trim().toLowerCase();
  const matches = (d: LayerDef) => q === '' || d.className.toLowerCase().includes(q) || d.family.includes(q) || d.summary.toLowerCase().includes(q);
  return families.map((family) => ({ family, defs: defs.filter((d) => d.family === family && matches(d)) })).filter((g) => g.defs.length > 0);
}
