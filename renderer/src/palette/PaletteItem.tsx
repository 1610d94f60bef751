import { memo, type DragEvent } from 'react';
import type { LayerDef } from '../../../shared/layers/types';
import { paletteDragType } from '../blocks/dragType';
import type { PaletteVariant } from '../blocks/variants';

/**
 * One block in the palette: drag it onto the canvas, or click to add it below the selection. With
 * `variant`, the class with its parameters preset ("Conv2D + ReLU").
 */
function PaletteItemImpl({ def, onAdd, variant }: { def: LayerDef; onAdd: (key: string) => void; variant?: PaletteVariant }) {
  const key = variant?.key ?? def.className;
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(paletteDragType, key);
    e.dataTransfer.setData('text/plain', def.className);
    e.dataTransfer.effectAllowed = 'copy';
    // Lets the empty-canvas gallery step aside so the block can be dropped on the canvas.
    document.body.classList.add('dragging-block');
  };
  const onDragEnd = () => document.body.classList.remove('dragging-block');
  return (
    <button
      type="button"
      className={`palette-item${variant === undefined ? '' : ' variant'}`}
      draggable
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={() => onAdd(key)}
      title={variant?.hint ?? def.explanation}
      data-testid={`palette-${key}`}
    >
      <span className={`family-swatch family-${def.family}`} aria-hidden />
      <span className="palette-item-name">{variant?.label ?? def.className}</span>
    </button>
  );
}

export const PaletteItem = memo(PaletteItemImpl);
