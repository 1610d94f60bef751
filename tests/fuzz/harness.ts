import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportKeras2, exportKeras3, toKerasJsonString } from '../../shared/keras';
import { newProject, serializeProject } from '../../shared/project';
import { templates } from '../../shared/templates';
import { runCli } from '../../main/cli/cli';
import type { CliCommand } from '../../main/cli/command';
import { exportCommand } from '../../main/cli/commands/export';
import { summaryCommand } from '../../main/cli/commands/summary';
import { validateCommand } from '../../main/cli/commands/validate';
import { createDispatcher } from '../../main/services/dispatcher';
import { testHandlers } from '../../main/services/testSupport';
import { encodeReply } from '../../main/server/webServer';
import { mutate } from './mutate';

/*
 * The fuzz harness: mutants of every template's Keras 3, Keras 2 and project exports, each run
 * through the CLI in-process (summary, summary --json, validate, export keras3/keras2/python)
 * and through the app's API (project.open, model.import by path and as pasted text), asserting
 * what a user may rely on whatever the file holds.
 */

const commands: readonly CliCommand[] = [summaryCommand, validateCommand, exportCommand];

export interface Source {
  readonly name: string;
  readonly text: string;
}

/** The files mutants start from: keras3, keras2 and project exports of the templates. */
export function sources(opts: { big: boolean }): Source[] {
  const out: Source[] = [];
  for (const t of templates) {
    const graph = t.build();
    if (!opts.big && graph.nodes.length > 40) continue;
    const k3 = exportKeras3(graph);
    const k2 = exportKeras2(graph);
    if (k3.ok) out.push({ name: `${t.id}.keras3.json`, text: toKerasJsonString(k3.value) });
    if (k2.ok) out.push({ name: `${t.id}.keras2.json`, text: toKerasJsonString(k2.value) });
    out.push({ name: `${t.id}.blockprop.json`, text: serializeProject(newProject(graph)) });
  }
  return out;
}

export interface Failure {
  readonly mutant: string;
  readonly command: string;
  readonly problem: string;
  readonly output: string;
}

export interface FuzzReport {
  readonly files: number;
  readonly runs: number;
  readonly byExit: Readonly<Record<string, number>>;
  readonly failures: readonly Failure[];
  readonly slowestMs: number;
}

// Control characters other than newline and tab: what could drive a terminal.
const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const stackTrace = /\n\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)/;

/** Strict JSON: JSON.parse also accepts nothing else, but say why for NaN / Infinity. */
function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return `output is not valid JSON: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`;
  }
}

/** Runs `count` mutants (seeded) through every command; returns counts and every broken promise. */
export async function fuzz(opts: { count: number; seed: number; big?: boolean; onProgress?: (done: number) => void }): Promise<FuzzReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'blockprop-fuzz-'));
  const base = sources({ big: opts.big ?? false });
  const failures: Failure[] = [];
  // The same files through the API the app and browser mode use (project.open, model.import).
  const dispatcher = createDispatcher(testHandlers('web', path.join(dir, 'config')));
  const byExit: Record<string, number> = {};
  let runs = 0;
  let slowestMs = 0;
  try {
    for (let i = 0; i < opts.count; i++) {
      const source = base[i % base.length];
      if (!source) break;
      const seed = opts.seed * 1_000_003 + i;
      const mutant = `${i}-${source.name}`;
      const file = path.join(dir, mutant);
      writeFileSync(file, mutate(source.text, seed));
      const outFile = path.join(dir, `${i}.out`);
      const plans: { argv: string[]; json: 'stdout' | 'file' | null }[] = [
        { argv: ['summary', file], json: null },
        { argv: ['summary', file, '--json'], json: 'stdout' },
        { argv: ['validate', file], json: null },
        { argv: ['export', file, '--format', 'keras3', '-o', outFile], json: 'file' },
        { argv: ['export', file, '--format', 'keras2'], json: 'stdout' },
        { argv: ['export', file, '--format', 'python', '-o', `${outFile}.py`], json: null },
      ];
      for (const plan of plans) {
        rmSync(outFile, { force: true });
        let out = '';
        let err = '';
        const started = performance.now();
        const code = await runCli(commands, plan.argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
        slowestMs = Math.max(slowestMs, performance.now() - started);
        runs++;
        byExit[String(code)] = (byExit[String(code)] ?? 0) + 1;
        const command = plan.argv.filter((a) => a !== file && a !== outFile && a !== `${outFile}.py`).join(' ');
        const fail = (problem: string) => failures.push({ mutant, command, problem, output: (err + out).slice(0, 600) });
        if (code !== 0 && code !== 1 && code !== 2) fail(`exit code ${code}`);
        if (/internal error/i.test(out + err)) fail('internal error');
        if (stackTrace.test(out + err)) fail('stack trace');
        if (controlChars.test(out + err)) fail('control characters in the output');
        if (code === 0 && plan.json === 'stdout') {
          const problem = jsonProblem(out);
          if (problem) fail(problem);
        }
        if (code === 0 && plan.json === 'file') {
          const problem = jsonProblem(readFileSync(outFile, 'utf8'));
          if (problem) fail(problem);
        }
      }
      for (const [method, payload] of [
        ['project.open', { path: file }],
        ['model.import', { path: file }],
        ['model.import', { text: readFileSync(file, 'utf8'), name: mutant }],
      ] as const) {
        const result = await dispatcher.invoke(method, payload);
        runs++;
        const reply = encodeReply(1, result);
        const fail = (problem: string) => failures.push({ mutant, command: method, problem, output: reply.slice(0, 600) });
        if (/"code":"internal"/.test(reply)) fail('internal error');
        if (/\n\s+at /.test(reply)) fail('stack trace');
      }
      rmSync(file, { force: true });
      opts.onProgress?.(i + 1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { files: Math.min(opts.count, opts.count), runs, byExit, failures, slowestMs };
}
