import { useState } from 'react';
import { familyLabels } from '../theme/families';
import type { PaletteGroupModel } from './paletteModel';
import { PaletteItem } from './PaletteItem';
import { paletteVariants } from '../blocks/variants';

export function PaletteGroup({ group, forceOpen, onAdd }: { group: PaletteGroupModel; forceOpen: boolean; onAdd: (kind: string) => void }) {
  const [open, setOpen] = useState(true);
  const expanded = open || forceOpen;
  return (
    <section className={`palette-group family-${group.family}`} data-testid={`palette-group-${group.family}`}>
      <button type="button" className="palette-group-header" aria-expanded={expanded} onClick={() => setOpen(!open)}>
        <span className="chevron" aria-hidden>
          {expanded ? '▾' : '▸'}
        </span>
        <span className={`family-swatch family-${group.family}`} aria-hidden />
        {familyLabels[group.family]}
        <span className="palette-count">{group.defs.length}</span>
      </button>
      {expanded && (
        <div className="palette-items">
          {group.defs.map((d) => [
            <PaletteItem key={d.className} def={d} onAdd={onAdd} />,
            ...paletteVariants.filter((v) => v.className === d.className).map((v) => <PaletteItem key={v.key} def={d} variant={v} onAdd={onAdd} />),
          ])}
        </div>
      )}
    </section>
  );
}
