import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, serializeProject } from '../../../shared/project';
import { getTemplate } from '../../../shared/templates';
import { runCli } from '../cli';
import { exitDiverged } from '../command';
import { trainCommand } from './train';

function projectFile(mutate: (project: Record<string, unknown>) => void): string {
  const graph = getTemplate('fc_200_200')?.build();
  if (!graph) throw new Error('no template');
  const project: Record<string, unknown> = JSON.parse(serializeProject(newProject(graph)));
  mutate(project);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bp-train-')), 'p.blockprop.json');
  writeFileSync(file, JSON.stringify(project));
  return file;
}

async function train(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([trainCommand], ['train', ...argv], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('blockprop train: exit codes and --json', () => {
  it("--json emits the file's repairs as JSON warning lines (a learning rate replaced), never only on stderr", async () => {
    const file = projectFile((p) => {
      const training = p['training'];
      if (typeof training === 'object' && training !== null) Reflect.set(training, 'learningRate', 'fast');
    });
    const r = await train([file, '--json', '--epochs', '1', '--limit', '64', '--backend', 'wasm', '--batch-size', '32']);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      event: 'warning',
      code: 'file',
      message: expect.stringMatching(/^Training setting 'learningRate' had an invalid value \("fast"\); using 0\.001\.$/),
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it(`a run stopped because the loss became NaN exits ${exitDiverged}`, async () => {
    // A linear output trained with mean squared error at learning rate 10 explodes within a few batches.
    const file = projectFile((p) => {
      const graph = p['graph'];
      const nodes: unknown = typeof graph === 'object' && graph !== null ? Reflect.get(graph, 'nodes') : null;
      const last: unknown = Array.isArray(nodes) ? nodes.at(-1) : null;
      const params: unknown = typeof last === 'object' && last !== null ? Reflect.get(last, 'params') : null;
      if (typeof params === 'object' && params !== null) Reflect.set(params, 'activation', 'linear');
      const training = p['training'];
      if (typeof training === 'object' && training !== null) Reflect.set(training, 'loss', 'mse');
    });
    const r = await train([file, '--json', '--epochs', '3', '--limit', '256', '--backend', 'wasm', '--optimizer', 'sgd', '--lr', '10', '--batch-size', '64']);
    const last = JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({ event: 'stopped', reason: 'nan' });
    expect(r.code).toBe(exitDiverged);
  }, 120_000);
});
