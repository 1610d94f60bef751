import { useMemo, type ReactNode } from 'react';
import type { FcViewResult, KernelsResult } from '../../../shared/api/inspect';
import { LevelsCanvas } from './FeatureMapGrid';
import { shown, useInspectCall } from './useInspectCall';

function normalise(data: readonly number[], min: number, max: number): Float32Array {
  const out = new Float32Array(data.length);
  const span = max - min;
  data.forEach((v, i) => (out[i] = span > 0 ? (v - min) / span : 0.5));
  return out;
}

/** First-layer kernels: one small image per filter, one colour scale for all (blue < 0 < red, or RGB). */
export function KernelsView(props: { modelVersion: string }) {
  const call = useInspectCall('inspect.kernels', {}, [props.modelVersion]);
  const r = shown(call);
  return (
    <div className="weights-view" data-testid="kernels-view">
      {call.status === 'error' && <p className="field-message">{call.message}</p>}
      {r !== null && <Kernels r={r} />}
      {call.status === 'loading' && r === null && <p className="muted">Reading the weights…</p>}
    </div>
  );
}

function Kernels({ r }: { r: KernelsResult }) {
  const bound = Math.max(Math.abs(r.min), Math.abs(r.max));
  const zoom = Math.max(4, Math.round(48 / Math.max(...r.kernelSize)));
  return (
    <>
      <p className="muted num">
        <b className="mono">{r.layer}</b> ({r.className}): {r.filters} filters of {r.kernelSize[0]}×{r.kernelSize[1]}×{r.inChannels} · weights from{' '}
        {r.min.toPrecision(3)} to {r.max.toPrecision(3)}
        {r.inChannels > 1 && r.inChannels !== 3 ? " · showing each filter's first input channel" : ''}
      </p>
      <div className="kernel-grid">
        {r.kernels.map((k) => {
          const rgb = k.channels === 3;
          const plane = rgb || k.channels === 1 ? k.data : k.data.filter((_, i) => i % k.channels === 0);
          // RGB kernels: each channel stretched together; gray: diverging around 0.
          const levels = rgb ? normalise(plane, r.min, r.max) : normalise(plane, -bound, bound);
          return (
            <figure
              key={k.filter}
              className="kernel"
              title={`filter ${k.filter}: min ${k.min.toPrecision(3)}, max ${k.max.toPrecision(3)}${r.bias === null ? '' : `, bias ${(r.bias[k.filter] ?? 0).toPrecision(3)}`}`}
            >
              <LevelsCanvas levels={levels} width={k.width} height={k.height} rgb={rgb} colormap="diverging" zoom={zoom} className="kernel-canvas" />
              <figcaption className="num">{k.filter}</figcaption>
            </figure>
          );
        })}
      </div>
    </>
  );
}

/** The chapter's "what the network sees": the product of the Dense kernels, one image per output unit. */
export function FcView(props: { modelVersion: string }) {
  const call = useInspectCall('inspect.fcView', { maxImages: 64 }, [props.modelVersion]);
  const r = shown(call);
  return (
    <div className="weights-view" data-testid="fc-view">
      {call.status === 'error' && <p className="field-message">{call.message}</p>}
      {r !== null && <FcImages r={r} />}
      {call.status === 'loading' && r === null && <p className="muted">Multiplying the weight matrices…</p>}
    </div>
  );
}

function FcImages({ r }: { r: FcViewResult }) {
  const images = useMemo(
    () =>
      r.images.map((img) => {
        const bound = Math.max(Math.abs(img.min), Math.abs(img.max));
        return { img, levels: normalise(img.data, -bound, bound) };
      }),
    [r],
  );
  return (
    <>
      <p className="muted">
        W ={' '}
        {r.layers
          .map((l) => (
            <span key={l} className="mono">
              {l}
            </span>
          ))
          .reduce<ReactNode[]>((acc, el, i) => (i === 0 ? [el] : [...acc, ' · ', el]), [])}{' '}
        multiplied, each column shown as a {r.imageShape.join('×')} image: red pixels push towards the class, blue against it.
      </p>
      <div className="kernel-grid fc-grid">
        {images.map(({ img, levels }) => (
          <figure key={img.index} className="kernel">
            <LevelsCanvas
              levels={levels}
              width={img.width}
              height={img.height}
              colormap="diverging"
              zoom={Math.max(2, Math.round(84 / img.width))}
              className="kernel-canvas"
            />
            <figcaption className="num">{img.label ?? img.index}</figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}
