import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types';
import { defaultTraining } from '../project/schema';
import { getTemplate } from '../templates';
import { generatePython } from './generatePython';
import { needTool, skipWithout } from '../../tests/requireTools.test-util';

/** A payload that would run if any of it reached the script outside a string literal. */
const evil = [
  'm"""\nimport os; os.system("touch PWNED")\n"""',
  "m'''\nimport os; os.system('touch PWNED')\n'''",
  'back\\slash\\',
  'line\nbreak\r\nos.system("PWNED")',
  'ünïcødé ✓ \u2028 \u0085 \u007f \t tab',
  '# comment\nos.system("PWNED")',
];

function renamed(graph: Graph, name: string): Graph {
  return {
    ...graph,
    name,
    nodes: graph.nodes.map((n, i) =>
      i === 1
        ? {
            ...n,
            name: `${name}${i}`,
            params: { ...n.params, kernel_initializer: { class_name: 'HeNormal()\nos.system("PWNED")#', config: { 'seed)\nos.system("PWNED")#': 1 } } },
          }
        : n,
    ),
  };
}

/**
 * The code of a script with every string literal and comment blanked: what Python would run.
 * Handles "…", '…', triple quotes and # comments the way Python's tokenizer does.
 */
function codeOutsideLiterals(script: string): string {
  let out = '';
  let i = 0;
  while (i < script.length) {
    const c = script[i] ?? '';
    if (c === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = script.startsWith(c.repeat(3), i);
      const end = triple ? c.repeat(3) : c;
      i += end.length;
      while (i < script.length && !script.startsWith(end, i)) {
        if (!triple && script[i] === '\n') throw new Error(`a string literal crosses a line at ${i}`);
        i += script[i] === '\\' ? 2 : 1;
      }
      i += end.length;
      out += 'S';
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

const noPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import ast'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'no python3 on this machine';
  }
})();

describe('generatePython: user text never becomes code', () => {
  const graphs = ['keras_cnn', 'inception_module'].map((id) => {
    const t = getTemplate(id);
    if (!t) throw new Error(`no template ${id}`);
    return t.build();
  });

  it.each(evil)('escapes %j in names, class names, keys and dataset paths', (name) => {
    for (const graph of graphs) {
      const code = generatePython(renamed(graph, name), defaultTraining, { kind: 'folder', path: `/data/${name}` });
      const bare = codeOutsideLiterals(code);
      // (sanitised identifiers may spell the words, e.g. import_os__os_system; never the code)
      expect(bare).not.toContain('os.system(');
      expect(bare).not.toMatch(/import os;|\(S\)\n|\n#/);
      expect(code).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }
  });

  it.skipIf(skipWithout(noPython))('every such script parses as Python and keeps the name intact', () => {
    needTool(noPython);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-py-'));
    evil.forEach((name, i) => {
      for (const [j, graph] of graphs.entries()) {
        const file = path.join(dir, `s${i}_${j}.py`);
        writeFileSync(file, generatePython(renamed(graph, name), defaultTraining, { kind: 'folder', path: name }));
        const check =
          'import ast,sys,json; t=ast.parse(open(sys.argv[1],encoding="utf-8").read()); print(json.dumps([n.value.value for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id=="MODEL_NAME"]))';
        expect(JSON.parse(execFileSync('python3', ['-c', check, file], { encoding: 'utf8' }))).toEqual([name]);
      }
    });
  });
});
