import { useCallback, useMemo, useState } from 'react';
import { layerDefs } from '../../../shared/layers/registry';
import { addBlock } from '../actions/graphActions';
import { editor } from '../state/editorStore';
import { groupDefs } from './paletteModel';
import { PaletteGroup } from './PaletteGroup';
import { resolvePaletteKey } from '../blocks/variants';

/** The id the `/` shortcut focuses. */
export const paletteSearchId = 'palette-search';

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupDefs(layerDefs, query), [query]);
  const onAdd = useCallback((key: string) => {
    const sel = editor.store.getState().selection.nodes;
    const { className, params } = resolvePaletteKey(key);
    addBlock(className, undefined, sel.length === 1 ? sel[0] : undefined, params);
  }, []);
  return (
    <aside className="palette" aria-label="Layer palette">
      <div className="palette-search">
        <input
          id={paletteSearchId}
          type="search"
          placeholder="Search layers  ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              e.currentTarget.blur();
            }
            // Enter adds the best match: an exact class name first, else the first listed.
            const all = groups.flatMap((g) => g.defs);
            const best = all.find((d) => d.className.toLowerCase() === query.trim().toLowerCase()) ?? all[0];
            if (e.key === 'Enter' && best !== undefined) onAdd(best.className);
          }}
          data-testid="palette-search"
          aria-label="Search layers"
        />
      </div>
      <div className="palette-groups">
        {groups.map((g) => (
          <PaletteGroup key={g.family} group={g} forceOpen={query !== ''} onAdd={onAdd} />
        ))}
        {groups.length === 0 && <p className="muted pad">No layer matches “{query}”.</p>}
      </div>
    </aside>
  );
}
