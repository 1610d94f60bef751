/**
 * Writes every template's (and the real-Keras fixtures') Keras 3, Keras 2 and TF.js-flavour JSON to
 * OUTDIR, plus our expected summary (total params and layers) per model. Used by run.sh; not part of npm test.
 * Run: npx tsx tests/keras-check/exportAll.ts OUTDIR
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summaryJson } from '../../shared/summary';
import { exportKeras2, exportKeras3, exportTfjsTopology, importModel, toKerasJsonString } from '../../shared/keras';
import type { Graph } from '../../shared/graph/types';
import { templates } from '../../shared/templates';
import { generatePython } from '../../shared/python';

const out = process.argv[2] ?? '/tmp/blockprop-keras-check';
mkdirSync(out, { recursive: true });

const graphs: [string, Graph][] = templates.map((t) => [t.id, t.build()]);
const fixtures = join(__dirname, '../fixtures/keras');
for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.keras3.json') || f.endsWith('.model.json'))) {
  const r = importModel(JSON.parse(readFileSync(join(fixtures, file), 'utf8')));
  if (r.ok) graphs.push([`fixture_${file.replace(/\.(keras3|model)\.json$/, '')}`, r.value.graph]);
}
for (const [id, graph] of graphs) {
  for (const [format, exporter] of [
    ['keras3', exportKeras3],
    ['keras2', exportKeras2],
    ['tfjs', exportTfjsTopology],
  ] as const) {
    const r = exporter(graph);
    if (!r.ok) {
      // A refusal is a result too (TF.js cannot run activity regularizers): compare.py reports it.
      writeFileSync(join(out, `${id}.${format}.refused.txt`), r.error.diagnostics.map((d) => d.message).join('; '));
      continue;
    }
    writeFileSync(join(out, `${id}.${format}.json`), toKerasJsonString(r.value));
  }
  writeFileSync(join(out, `${id}.summary.json`), JSON.stringify(summaryJson(graph)));
  writeFileSync(join(out, `${id}.py`), generatePython(graph));
}
console.log(graphs.map(([id]) => id).join('\n'));
