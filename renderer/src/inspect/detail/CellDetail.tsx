import { useMemo, useRef } from 'react';
import type { SampleRef } from '../../../../shared/api/inspect';
import type { CellRef } from '../../../../shared/api/inspectCompute';
import type { Graph } from '../../../../shared/graph/types';
import { computeCell } from '../../../../shared/inspect/arithmetic';
import { describeField, receptiveField } from '../../../../shared/inspect/receptiveField';
import { createStore, useStore } from '../../state/createStore';
import { inferenceOf } from '../../state/inference';
import { formatShape } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { shown, useInspectCall } from '../useInspectCall';
import { ArithmeticView, fmt } from './Arithmetic';
import { FieldView } from './FieldView';
import { PngButtons } from './PngButtons';
import { SlideView } from './SlideView';
import './detail.css';

/** The cell the detail view explains (layer name + position + channel), or null when closed. */
export const cellStore = createStore<{ layer: string; cell: CellRef } | null>(null);

export function openCell(layer: string, cell: CellRef): void {
  cellStore.setState(() => ({ layer, cell }));
}

export function closeCell(): void {
  cellStore.setState(() => null);
}

/** "How was this value computed": receptive field, arithmetic, sliding kernel — for the clicked cell. */
export function CellDetail(props: { graph: Graph; sample: SampleRef | null; modelVersion: string }) {
  const open = useStore(cellStore, (s) => s);
  if (open === null || props.sample === null) return null;
  return <DetailBody graph={props.graph} sample={props.sample} modelVersion={props.modelVersion} layer={open.layer} cell={open.cell} />;
}

function DetailBody(props: { graph: Graph; sample: SampleRef; modelVersion: string; layer: string; cell: CellRef }) {
  const { graph, layer, cell } = props;
  const sampleKey = JSON.stringify(props.sample);
  const call = useInspectCall('inspect.cell', { layer, sample: props.sample, cell }, [layer, cell.y, cell.x, cell.channel, sampleKey, props.modelVersion]);
  const predict = useInspectCall('inspect.predict', { sample: props.sample }, [sampleKey, props.modelVersion]);
  const result = shown(call);
  const image = shown(predict)?.image ?? null;
  const node = graph.nodes.find((n) => n.name === layer);
  const info = node === undefined ? undefined : inferenceOf(graph).nodes.get(node.id);
  const field = useMemo(() => (node === undefined ? null : receptiveField(graph, inferenceOf(graph), node.id, cell.y, cell.x)), [graph, node, cell.y, cell.x]);
  const computation = useMemo(() => (result === null ? null : computeCell(result)), [result]);
  const fieldRef = useRef<HTMLCanvasElement | null>(null);
  const slideIn = useRef<HTMLCanvasElement | null>(null);
  const slideOut = useRef<HTMLCanvasElement | null>(null);
  const vector = info?.outputShape != null && info.outputShape.length <= 2;
  const where = vector ? `unit ${cell.channel}` : `row ${cell.y}, column ${cell.x}, channel ${cell.channel}`;
  const d = result?.detail;
  const geometry = d !== undefined && (d.kind === 'conv' || d.kind === 'pool') ? d : null;
  const inputLabel = useMemo(() => flattenedLabel(graph, result?.inbound[0] ?? null), [graph, result]);
  const caption = `${layer} (${node?.kind ?? ''}) · ${where}${result === null ? '' : ` = ${fmt(result.value)}`}`;
  return (
    <Modal title={`How ${layer} computed ${where}`} onClose={closeCell} wide testId="cell-detail">
      <div className="cell-detail">
        <div className="cell-head">
          <span className="num">
            {node?.kind} · output {info?.outputShape == null ? '' : formatShape(info.outputShape)}
          </span>
          {result !== null && (
            <span className="num cell-value">
              value <b data-testid="cell-value">{result.value.toPrecision(6)}</b>
            </span>
          )}
          <span className="spacer" />
          <PngButtons
            canvases={() => [fieldRef.current, slideIn.current, slideOut.current]}
            caption={caption}
            name={`${layer}-${cell.y}-${cell.x}-${cell.channel}`}
            testId="cell-png"
          />
        </div>
        <div className="cell-columns">
          <section className="cell-field" aria-label="Receptive field">
            <h3>Receptive field</h3>
            {field !== null && !field.ok && <p className="field-message">{field.error.message}</p>}
            {field !== null && field.ok && (
              <>
                {image !== null && <FieldView image={image} field={field.value} canvasRef={fieldRef} />}
                <p className="muted" data-testid="field-size">
                  The input pixels that can change this value: {describeField(field.value)}.
                </p>
              </>
            )}
          </section>
          <section className="cell-arith" aria-label="Arithmetic">
            <h3>The arithmetic</h3>
            {call.status === 'error' && (
              <p className="field-message" data-testid="cell-error">
                {call.message}
              </p>
            )}
            {call.status === 'loading' && result === null && <p className="muted">Computing…</p>}
            {result !== null && computation !== null && !computation.ok && <p className="field-message">{computation.error.message}</p>}
            {result !== null && computation !== null && computation.ok && (
              <ArithmeticView result={result} computation={computation.value} {...(inputLabel === null ? {} : { inputLabel })} />
            )}
          </section>
        </div>
        {result?.slide != null && geometry !== null && (
          <section aria-label="Sliding kernel">
            <h3>The kernel sliding over the input</h3>
            <SlideView
              slide={result.slide}
              geometry={geometry}
              start={cell}
              inRef={slideIn}
              outRef={slideOut}
              onPick={(y, x) => openCell(layer, { ...cell, y, x })}
            />
          </section>
        )}
      </div>
    </Modal>
  );
}

/** For a Dense fed by a Flatten: flat input i as "flatten[i] = conv (y, x, c)" of the image-like tensor before it. */
function flattenedLabel(graph: Graph, inbound: string | null): ((i: number) => string) | null {
  const flat = graph.nodes.find((n) => n.name === inbound);
  if (flat === undefined || flat.kind !== 'Flatten') return null;
  const shape = inferenceOf(graph).nodes.get(flat.id)?.inputShapes[0];
  if (shape == null || shape.length !== 4) return null;
  const w = shape[2] ?? 1;
  const c = shape[3] ?? 1;
  return (i) => `${flat.name}[${i}] = (${Math.floor(i / (w * c))}, ${Math.floor(i / c) % w}, ch ${i % c})`;
}
