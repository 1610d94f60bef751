// How long shape inference takes on the largest template (InceptionV3, 313 layers): it runs on
// every edit, so it must stay well under 10 ms. Run: npx tsx bench/inference.bench.ts
import { inferGraph } from '../shared/inference/infer';
import { formatSummary, summaryJson } from '../shared/summary';
import { templates } from '../shared/templates';

function timeIt(label: string, fn: () => unknown, minMs = 1500): number {
  for (let i = 0; i < 20; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const p95 = samples[Math.floor(samples.length * 0.95)] ?? 0;
  console.log(`${label.padEnd(44)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   (${samples.length} runs)`);
  return median;
}

const largest = templates.map((t) => ({ t, graph: t.build() })).sort((a, b) => b.graph.nodes.length - a.graph.nodes.length)[0];
if (!largest) throw new Error('no templates');
const { t, graph } = largest;
const result = inferGraph(graph);
const errors = result.diagnostics.filter((d) => d.severity === 'error');
console.log(
  `${t.id}: ${graph.nodes.length} layers, ${graph.edges.length} edges, ${result.totals.total.toLocaleString('en-US')} params, ${errors.length} errors`,
);
const median = timeIt(`inferGraph(${t.id})`, () => inferGraph(graph));
timeIt(`summaryJson(${t.id})`, () => summaryJson(graph));
timeIt(`formatSummary(${t.id})`, () => formatSummary(graph));
console.log(median < 10 ? `OK: inferGraph ${median.toFixed(2)} ms < 10 ms` : `SLOW: inferGraph ${median.toFixed(2)} ms >= 10 ms`);
