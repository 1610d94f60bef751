// Lint keeps the layers honest: shared/ is pure, only main/electron imports electron,
// tfjs stays in the engine, the renderer never reaches into main/, and the renderer's own
// folders import downward only.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'zlib',
  'util',
  'events',
  'buffer',
];

// What any renderer file may not import; repeated in every renderer entry below, because a later
// entry's no-restricted-imports replaces an earlier one's instead of adding to it.
const rendererPatterns = [
  { group: ['electron', 'node:*', ...nodeBuiltins], message: 'The renderer reaches IO only through its api client.' },
  { group: ['@tensorflow/*'], message: 'tfjs is imported only by the engine (main/engine/); the renderer asks main through its api client.' },
  { group: ['**/main/**'], message: 'renderer/ never imports main/.' },
];

// What any main/ file outside main/electron/ may not import; outside the engine too, with tfjs added.
const mainPatterns = [
  { group: ['electron'], message: 'Only main/electron/ imports electron.' },
  { group: ['**/renderer/**'], message: 'main/ never imports renderer/.' },
];
const tfjsOutsideEngine = { group: ['@tensorflow/*'], message: 'tfjs is imported only by the engine (main/engine/).' };

/** The rules of an entry that forbids `patterns`; an entry's list replaces an earlier matching entry's. */
const restrictImports = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// The renderer's folders (renderer/src/*) and the other folders each may import. The base imports
// no feature; a feature imports the base and the features it names; the composition folders at the
// end put features together, and App.tsx and main.tsx above them may import anything. Shared UI
// pieces live in ui/ and what a block is (its facts, its palette variants, the drag type) in
// blocks/, so features do not reach into each other for them.
// A folder importing one it does not name fails lint, so import cycles between folders cannot
// come back as long as this table has none (checked below).
const base = ['api', 'state', 'theme', 'keyboard', 'host', 'ui', 'charts', 'blocks'];
const features = ['project', 'summary', 'train', 'runs', 'actions', 'inspect', 'palette', 'canvas', 'inspector', 'exporting', 'commands'];
const rendererLayers = {
  // Base: transport, stores (the editor, the open project, the Inspect tab's view), theme, key
  // texts, the api instance, shared UI pieces, charts, block facts.
  api: [],
  state: [],
  keyboard: [],
  blocks: [],
  theme: ['state'],
  host: ['api', 'state'],
  ui: ['state', 'theme', 'keyboard'],
  charts: ['state', 'theme', 'ui'],
  // Features, each above the ones it names; most import the base only. actions/ holds the named
  // user actions (graph edits, and the app's over project/'s files and train/'s runs), which the
  // editing features call.
  project: base,
  summary: base,
  train: base,
  runs: base,
  actions: [...base, 'project', 'train'],
  // The Inspect tab shows the Keras summary as one of its views.
  inspect: [...base, 'summary'],
  palette: [...base, 'actions'],
  canvas: [...base, 'actions'],
  inspector: [...base, 'actions'],
  // Export asks for the file through project/'s file dialog.
  exporting: [...base, 'project'],
  commands: [...base, 'actions', 'project'],
  // Composition: folders whose job is to drive or gather features. The lesson steps the person
  // through editing and training; the top bar gathers the file menu, template picker and Train
  // button; the dock's tabs; what App mounts (dialog host, empty canvas, keyboard map).
  lesson: [...base, 'actions', 'project', 'train'],
  topbar: [...base, 'actions', 'project', 'train'],
  dock: [...base, 'inspect', 'runs', 'summary', 'train'],
  shell: [...base, ...features, 'lesson', 'topbar', 'dock'],
};

function checkRendererLayers() {
  const folders = readdirSync(fileURLToPath(new URL('./renderer/src', import.meta.url)), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const f of folders) {
    if (!(f in rendererLayers))
      throw new Error(`eslint.config.mjs: renderer/src/${f}/ has no row in rendererLayers; add one naming the folders it may import.`);
  }
  const marks = new Map();
  const visit = (f, path) => {
    if (marks.get(f) === 'done') return;
    if (marks.get(f) === 'open') throw new Error(`eslint.config.mjs: rendererLayers has a cycle: ${[...path, f].join(' -> ')}`);
    marks.set(f, 'open');
    for (const g of rendererLayers[f]) {
      if (!(g in rendererLayers)) throw new Error(`eslint.config.mjs: rendererLayers.${f} names ${g}, which has no row.`);
      visit(g, [...path, f]);
    }
    marks.set(f, 'done');
  };
  for (const f of Object.keys(rendererLayers)) visit(f, []);
}
checkRendererLayers();

/** One lint entry per renderer folder: the common renderer bans plus every folder it does not name. */
function rendererLayerRules() {
  const folders = Object.keys(rendererLayers);
  return Object.entries(rendererLayers).map(([folder, allowed]) => {
    const banned = folders.filter((f) => f !== folder && !allowed.includes(f));
    // Matches '../x', '../../x/y'... (any depth below renderer/src/), so a sub-folder must not be
    // named like a top-level renderer folder.
    const layer =
      banned.length === 0
        ? []
        : [
            {
              regex: `^(\\.\\./)+(${banned.join('|')})(/|$)`,
              message: `Renderer folders import downward only: ${folder}/ may import ${allowed.length === 0 ? 'no other renderer folder' : allowed.join(', ')} (rendererLayers in eslint.config.mjs).`,
            },
          ];
    return {
      files: [`renderer/src/${folder}/**/*.ts`, `renderer/src/${folder}/**/*.tsx`],
      rules: restrictImports([...rendererPatterns, ...layer]),
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**', 'bench/**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrictImports([
      {
        group: ['electron', 'react', 'react-dom', '@xyflow/*', '@tensorflow/*', 'chart.js', 'node:*', ...nodeBuiltins],
        message: 'shared/ is pure TypeScript: no Electron, Node built-ins, DOM, React or tfjs.',
      },
      { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing from main/ or renderer/.' },
    ]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrictImports(rendererPatterns),
  },
  ...rendererLayerRules(),
  { files: ['main/**/*.ts'], ignores: ['main/electron/**'], rules: restrictImports(mainPatterns) },
  { files: ['main/**/*.ts'], ignores: ['main/electron/**', 'main/engine/**'], rules: restrictImports([...mainPatterns, tfjsOutsideEngine]) },
);
