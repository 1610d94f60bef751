import { useEffect, type RefObject } from 'react';
import type { InspectImage } from '../../../../shared/api/inspect';
import type { ReceptiveField } from '../../../../shared/inspect/receptiveField';
import { paintImage } from './paint';

/**
 * The input image with the receptive field lit and everything else dimmed, its bounding box
 * outlined. Pixel-exact: dilation's holes stay dark.
 */
export function FieldView(props: { image: InspectImage; field: ReceptiveField; size?: number; canvasRef: RefObject<HTMLCanvasElement | null> }) {
  const canvas = props.canvasRef;
  const { image, field } = props;
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (el === null || ctx === null || ctx === undefined) return;
    const zoom = Math.max(1, Math.floor((props.size ?? 224) / Math.max(image.width, image.height)));
    el.width = image.width * zoom;
    el.height = image.height * zoom;
    paintImage(ctx, image, zoom);
    const sameSize = field.width === image.width && field.height === image.height;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.72)';
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (!sameSize || field.mask[y * field.width + x] !== 1) ctx.fillRect(x * zoom, y * zoom, zoom, zoom);
      }
    }
    if (field.box !== null && sameSize) {
      ctx.strokeStyle = '#ff9f1c';
      ctx.lineWidth = 2;
      const b = field.box;
      ctx.strokeRect(b.left * zoom + 1, b.top * zoom + 1, (b.right - b.left + 1) * zoom - 2, (b.bottom - b.top + 1) * zoom - 2);
    }
  }, [image, field, props.size, canvas]);
  return <canvas ref={canvas} className="field-canvas" data-testid="field-canvas" data-count={field.count} />;
}
