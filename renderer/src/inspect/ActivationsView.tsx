import { useMemo } from 'react';
import type { Graph, GraphNode } from '../../../shared/graph/types';
import { kerasLayerOrder } from '../../../shared/graph/kerasOrder';
import type { ActivationsResult, SampleRef } from '../../../shared/api/inspect';
import { useSelection } from '../state/useEditor';
import { editor } from '../state/editorStore';
import { inferenceOf } from '../state/inference';
import { formatShape } from '../ui/format';
import { Segmented, type Segment } from '../ui/Segmented';
import { FeatureMapGrid } from './FeatureMapGrid';
import { setInspect, useInspect, type InspectState } from '../state/inspectStore';
import { PredictionBars } from './PredictionBars';
import { shown, useInspectCall } from './useInspectCall';
import { DenseStrip } from './DenseStrip';
import { CellDetail, openCell } from './detail/CellDetail';

/** Layers worth looking at: all but the Input. */
export function inspectableLayers(graph: Graph): GraphNode[] {
  return kerasLayerOrder(graph).filter((n) => n.kind !== 'InputLayer');
}

/** The layer shown: picked from the list, else the canvas selection, else the first convolution (or first layer). */
export function chosenLayer(graph: Graph, picked: string | null, selectedIds: readonly string[]): GraphNode | undefined {
  const layers = inspectableLayers(graph);
  const byName = picked === null ? undefined : layers.find((n) => n.name === picked);
  if (byName !== undefined) return byName;
  const selected = layers.find((n) => selectedIds.includes(n.id));
  if (selected !== undefined) return selected;
  return layers.find((n) => /Conv/.test(n.kind)) ?? layers[0];
}

const colormaps = ['viridis', 'grey'] as const;

const scales: readonly Segment<InspectState['scale']>[] = [
  { value: 'map', label: 'per map', title: 'Stretch each map between its own min and max' },
  { value: 'layer', label: 'per layer', title: 'One range for the whole layer: quiet channels look quiet' },
];

export function ActivationsView(props: { graph: Graph; sample: SampleRef | null; modelVersion: string }) {
  const picked = useInspect((s) => s.layer);
  const colormap = useInspect((s) => s.colormap);
  const scale = useInspect((s) => s.scale);
  const selection = useSelection();
  const layers = useMemo(() => inspectableLayers(props.graph), [props.graph]);
  const layer = chosenLayer(props.graph, picked, selection.nodes);
  const sampleKey = JSON.stringify(props.sample);
  const call = useInspectCall(
    'inspect.activations',
    layer === undefined || props.sample === null ? null : { layer: layer.name, sample: props.sample, encoding: 'u8' },
    [layer?.name, sampleKey, props.modelVersion],
  );
  const result = shown(call);
  const info = layer === undefined ? undefined : inferenceOf(props.graph).nodes.get(layer.id);
  return (
    <div className="act-view">
      <div className="layer-list" role="listbox" aria-label="Layers" data-testid="layer-list">
        {layers.map((n) => {
          const shape = inferenceOf(props.graph).nodes.get(n.id)?.outputShape ?? null;
          return (
            <button
              key={n.id}
              type="button"
              role="option"
              aria-selected={n.id === layer?.id}
              className={`layer-item${n.id === layer?.id ? ' active' : ''}`}
              onClick={() => {
                setInspect({ layer: n.name });
                editor.select({ nodes: [n.id], edges: [] });
              }}
              data-testid={`layer-${n.name}`}
            >
              <span className="mono">{n.name}</span>
              <span className="muted layer-kind">{n.kind}</span>
              <span className="muted num layer-shape">{shape === null ? '' : formatShape(shape)}</span>
            </button>
          );
        })}
      </div>
      <div className="act-main">
        {layer === undefined ? (
          <p className="empty-state">Add layers to the model to see what they compute.</p>
        ) : (
          <>
            <div className="act-head">
              <span>
                <b className="mono">{layer.name}</b> <span className="muted">({layer.kind})</span>{' '}
                {info?.outputShape != null && <span className="num muted">output {formatShape(info.outputShape)}</span>}
              </span>
              <span className="spacer" />
              {result !== null && result.kind === 'maps' && (
                <span className="muted num" data-testid="map-count">
                  {result.maps.length} feature maps of {result.maps[0]?.width ?? 0}×{result.maps[0]?.height ?? 0}
                </span>
              )}
              <Segmented
                small
                label="Colour map"
                segments={colormaps.map((c) => ({ value: c, label: c }))}
                value={colormap}
                onChange={(c) => setInspect({ colormap: c })}
              />
              <Segmented small label="Colour scale" segments={scales} value={scale} onChange={(s) => setInspect({ scale: s })} />
            </div>
            {props.sample === null && <p className="empty-state">Draw a digit on the pad to see this layer respond.</p>}
            {call.status === 'error' && (
              <p className="field-message" data-testid="activations-error">
                {call.message}
              </p>
            )}
            {result !== null && <p className="muted small">Click any value to see how it was computed: its receptive field on the image and the arithmetic.</p>}
            {result !== null && (
              <ActivationBody result={result} colormap={colormap} scale={scale} onCell={(channel, y, x) => openCell(result.layer, { channel, y, x })} />
            )}
            <CellDetail graph={props.graph} sample={props.sample} modelVersion={props.modelVersion} />
            {call.status === 'loading' && result === null && <p className="muted">Computing…</p>}
          </>
        )}
      </div>
    </div>
  );
}

function ActivationBody(props: {
  result: ActivationsResult;
  colormap: 'viridis' | 'grey' | 'diverging';
  scale: 'map' | 'layer';
  onCell: (channel: number, y: number, x: number) => void;
}) {
  const { result } = props;
  if (result.kind === 'maps')
    return <FeatureMapGrid maps={result.maps} encoding={result.encoding} colormap={props.colormap} scale={props.scale} onCell={props.onCell} />;
  const values = result.values ?? [];
  const softmax = values.length > 1 && values.length <= 1000 && values.every((v) => v >= 0) && Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-3;
  if (softmax) {
    const predicted = values.indexOf(Math.max(...values));
    return (
      <div className="dense-out">
        <p className="muted">Output probabilities (softmax): the network&apos;s answer.</p>
        <PredictionBars probabilities={values} classNames={values.map((_, i) => String(i))} predicted={predicted} label={null} />
        <div className="unit-explain">
          <span className="muted">How was it computed?</span>
          {values.map((_, i) => (
            <button key={i} type="button" className="btn small" onClick={() => props.onCell(i, 0, 0)} data-testid={`explain-unit-${i}`}>
              {i}
            </button>
          ))}
        </div>
      </div>
    );
  }
  return <DenseStrip values={values} colormap={props.colormap} onUnit={(u) => props.onCell(u, 0, 0)} />;
}
