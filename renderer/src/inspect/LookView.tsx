import { useEffect, useRef, useState } from 'react';
import type { InspectImage, SampleRef } from '../../../shared/api/inspect';
import type { Plane } from '../../../shared/api/inspectCompute';
import type { ColormapName } from './colormap';
import { paintImage, paintPlane, paintScale, rangeOf } from './detail/paint';
import { PngButtons } from './detail/PngButtons';
import { Segmented } from '../ui/Segmented';
import { shown, useInspectCall } from './useInspectCall';
import './detail/detail.css';

const SIZE = 168;

/**
 * The input with a heat map over it: the map is upsampled to the image (bilinear for Grad-CAM's
 * coarse grid, as in the paper) and blended at `opacity`; a colour scale beside it.
 */
function Overlay(props: {
  image: InspectImage;
  plane: Plane;
  colormap: ColormapName;
  opacity: number;
  smooth: boolean;
  canvasRef: React.RefObject<HTMLCanvasElement | null>;
  testId: string;
}) {
  const { image, plane, colormap, opacity, smooth, canvasRef } = props;
  useEffect(() => {
    const el = canvasRef.current;
    const ctx = el?.getContext('2d');
    if (el === null || ctx === null || ctx === undefined) return;
    const zoom = Math.max(1, Math.floor(SIZE / Math.max(image.width, image.height)));
    const w = image.width * zoom;
    const h = image.height * zoom;
    el.width = w + 70;
    el.height = h;
    ctx.clearRect(0, 0, el.width, el.height);
    paintImage(ctx, image, zoom);
    const heat = document.createElement('canvas');
    heat.width = plane.width;
    heat.height = plane.height;
    const hctx = heat.getContext('2d');
    if (hctx === null) return;
    const range = rangeOf(plane.data);
    paintPlane(hctx, plane, 1, colormap, 0, 0, range);
    ctx.save();
    ctx.globalAlpha = opacity;
    ctx.imageSmoothingEnabled = smooth;
    ctx.drawImage(heat, 0, 0, w, h);
    ctx.restore();
    paintScale(ctx, colormap, w + 10, 4, h - 8, range.min.toPrecision(2), range.max.toPrecision(2));
  }, [image, plane, colormap, opacity, smooth, canvasRef]);
  return <canvas ref={canvasRef} className="look-canvas" data-testid={props.testId} />;
}

/** Inspect › Where it looks: saliency and Grad-CAM for the current image and a chosen class. */
export function LookView(props: { sample: SampleRef | null; modelVersion: string }) {
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const [layer, setLayer] = useState<string | null>(null);
  const [opacity, setOpacity] = useState(0.55);
  const sampleKey = JSON.stringify(props.sample);
  const request = props.sample === null ? null : { sample: props.sample, ...(classIndex === null ? {} : { classIndex }), ...(layer === null ? {} : { layer }) };
  const call = useInspectCall('inspect.saliency', request, [sampleKey, classIndex, layer, props.modelVersion]);
  const predict = useInspectCall('inspect.predict', props.sample === null ? null : { sample: props.sample }, [sampleKey, props.modelVersion]);
  const r = shown(call);
  const image = shown(predict)?.image ?? null;
  const salRef = useRef<HTMLCanvasElement | null>(null);
  const camRef = useRef<HTMLCanvasElement | null>(null);
  if (props.sample === null) return <p className="empty-state">Draw a digit on the pad to see where the network looks.</p>;
  const name = (i: number) => r?.classNames[i] ?? String(i);
  return (
    <div className="look-view" data-testid="look-view">
      {call.status === 'error' && (
        <p className="field-message" data-testid="look-error">
          {call.message}
        </p>
      )}
      {call.status === 'loading' && r === null && <p className="muted">Taking gradients…</p>}
      {r !== null && image !== null && (
        <>
          <div className="look-controls">
            <span className="muted">Explain class</span>
            <Segmented
              role="radiogroup"
              label="Class to explain"
              small
              className="class-pick"
              segments={r.probabilities.map((_, i) => ({
                value: i,
                label: (
                  <>
                    {name(i)}
                    {i === r.predicted ? ' ★' : ''}
                  </>
                ),
                title: `${name(i)}: ${((r.probabilities[i] ?? 0) * 100).toFixed(1)} %${i === r.predicted ? ' (predicted)' : ''}`,
                testId: `look-class-${i}`,
              }))}
              value={r.classIndex}
              onChange={(i) => setClassIndex(i === r.predicted ? null : i)}
            />
            <label className="muted">
              Grad-CAM layer{' '}
              <select className="field-input" value={r.gradCamLayer ?? ''} onChange={(e) => setLayer(e.target.value)} data-testid="look-layer">
                {r.camLayers.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="muted">
              Overlay{' '}
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={opacity}
                onChange={(e) => setOpacity(Number(e.target.value))}
                aria-label="Overlay opacity"
              />
            </label>
            <span className="spacer" />
            <PngButtons
              canvases={() => [salRef.current, camRef.current]}
              caption={`Saliency and Grad-CAM (${r.gradCamLayer ?? ''}) for class ${name(r.classIndex)}`}
              name={`where-it-looks-${name(r.classIndex)}`}
              testId="look-png"
            />
          </div>
          <div className="look-row">
            <figure>
              <Overlay image={image} plane={r.saliency} colormap="viridis" opacity={opacity} smooth={false} canvasRef={salRef} testId="saliency-canvas" />
              <figcaption className="muted">Saliency: how much each pixel moves the score of “{name(r.classIndex)}” (|∂ score / ∂ pixel|)</figcaption>
            </figure>
            <figure>
              {r.gradCam !== null ? (
                <Overlay image={image} plane={r.gradCam} colormap="viridis" opacity={opacity} smooth canvasRef={camRef} testId="gradcam-canvas" />
              ) : (
                <p className="muted">Grad-CAM needs a layer with feature maps; this model has none.</p>
              )}
              <figcaption className="muted">
                Grad-CAM on {r.gradCamLayer} ({r.gradCam?.width}×{r.gradCam?.height}, upsampled): the regions whose maps raise the score
              </figcaption>
            </figure>
          </div>
        </>
      )}
    </div>
  );
}
