import { memo, type DragEvent } from 'react';
import type { LayerDef } from '../../../shared/layers/types';
import { paletteDragType } from './dragType';

/** One block in the palette: drag it onto the canvas, or click to add it below the selection. */
function PaletteItemImpl({ def, onAdd }: { def: LayerDef; onAdd: (kind: string) => void }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(paletteDragType, def.className);
    e.dataTransfer.setData('text/plain', def.className);
    e.dataTransfer.effectAllowed = 'copy';
    // Lets the empty-canvas gallery step aside so the block can be dropped on the canvas.
    document.body.classList.add('dragging-block');
  };
  const onDragEnd = () => document.body.classList.remove('dragging-block');
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={() => onAdd(def.className)}
      title={def.explanation}
      data-testid={`palette-${def.className}`}
    >
      <span className={`family-swatch family-${def.family}`} aria-hidden />
      <span className="palette-item-name">{def.className}</span>
    </button>
  );
}

export const PaletteItem = memo(PaletteItemImpl);
