import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import { emptyGraph } from '../../shared/graph/types';
import { unwrapModel } from '../../shared/keras/importModel';
import { sniff } from '../../shared/modelfile/sniff';
import { isProjectJson, newProject, parseJsonText, parseProject, serializeProject, type Project } from '../../shared/project';
import { projectWeightsPath } from '../modelfile/read';
import { writeFileAtomic } from './atomicWrite';
import { describeFsError, errnoCode } from './fsErrors';
import type { EngineHost } from './ports';
import type { RecentFiles } from './recentFiles';

export const PROJECT_EXTENSION = '.blockprop.json';
const MAX_PROJECT_BYTES = 256 * 1024 * 1024;

/**
 * Project files: open with clear messages, save atomically, never overwrite silently.
 * A plain save may replace only a file this session opened or saved itself and that has not
 * changed on disk since; anything else answers 'exists' so the renderer can ask the user.
 */
/**
 * Trained weights live beside the project: `cnn.blockprop.json` + `cnn.weights.h5` (a Keras 3
 * `.weights.h5` of the project's Keras 3 export, so `model.load_weights` in Keras reads it too).
 * Saving writes the engine's newest trained weights there; opening loads them into the engine.
 */
export function createProjectService(deps: { recent: RecentFiles; now?: () => Date; engine?: () => EngineHost | null }) {
  const now = deps.now ?? (() => new Date());
  /** path -> mtimeMs as we last read or wrote it. */
  const known = new Map<string, number>();

  async function mtimeOf(file: string): Promise<number | null> {
    try {
      const s = await stat(file);
      return s.mtimeMs;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async function write(file: string, project: Project, overwrite: boolean): Promise<ResultOf<'project.save'>> {
    const parsed = parseProject(project);
    if (!parsed.ok) return fail('invalid-request', `The project cannot be saved: ${parsed.error.message}`);
    const existing = await mtimeOf(file).catch(() => null);
    if (existing !== null && !overwrite) {
      const last = known.get(file);
      if (last === undefined) {
        return fail('exists', `${path.basename(file)} already exists in ${path.dirname(file)}. Replace it?`);
      }
      if (last !== existing) {
        return fail('changed-on-disk', `${path.basename(file)} was changed by another program since it was opened. Replace it anyway?`);
      }
    }
    try {
      const bytes = await writeFileAtomic(file, serializeProject(parsed.value.project));
      const mtime = await mtimeOf(file);
      if (mtime !== null) known.set(file, mtime);
      await deps.recent.add(file).catch(() => undefined);
      const engine = deps.engine?.() ?? null;
      if (engine?.saveWeights) {
        const weights = await engine.saveWeights(parsed.value.project.graph, projectWeightsPath(file));
        if (!weights.ok) return fail('io-error', `${path.basename(file)} was saved, but its trained weights were not: ${weights.error.message}`);
      }
      return ok({ path: file, savedAt: now().toISOString(), bytes });
    } catch (error) {
      return fail('io-error', describeFsError(error, 'save', file));
    }
  }

  return {
    create(request: ParsedRequestOf<'project.new'>): ResultOf<'project.new'> {
      return ok({ project: newProject(request.graph ?? emptyGraph) });
    },

    async open(request: ParsedRequestOf<'project.open'>): Promise<ResultOf<'project.open'>> {
      const file = path.resolve(request.path);
      const name = path.basename(file);
      let text: string;
      try {
        const s = await stat(file);
        if (s.isDirectory()) return fail('bad-file', `${name} is a folder; choose a ${PROJECT_EXTENSION} file.`);
        if (s.size > MAX_PROJECT_BYTES) return fail('bad-file', `${name} is too large to be a Blockprop project (${Math.round(s.size / 1e6)} MB).`);
        const bytes = await readFile(file);
        const kind = sniff(bytes);
        // A .keras / .h5 model is opened as a model (the renderer imports it), not refused as a broken project.
        if (kind === 'zip' || kind === 'hdf5') return fail('not-a-project', `${name} is a model file, not a project.`);
        text = bytes.toString('utf8');
      } catch (error) {
        return fail(errnoCode(error) === 'ENOENT' ? 'not-found' : 'io-error', describeFsError(error, 'open', file));
      }
      // parseJsonText says what the file looks like ("a PNG image") instead of quoting its bytes.
      const parsedText = parseJsonText(text);
      if (!parsedText.ok) return fail('bad-file', `${name} is not a Blockprop project: ${parsedText.error.message} The file was left untouched.`);
      const json = parsedText.value;
      if (!isProjectJson(json) && unwrapModel(json).ok) return fail('not-a-project', `${name} is a Keras or TF.js model, not a project.`);
      const parsed = parseProject(json);
      if (!parsed.ok) {
        const newer = /newer/i.test(parsed.error.message);
        return fail(newer ? 'newer-version' : 'bad-file', `${name}: ${parsed.error.message} The file was left untouched.`);
      }
      const mtime = await mtimeOf(file).catch(() => null);
      if (mtime !== null) known.set(file, mtime);
      await deps.recent.add(file).catch(() => undefined);
      const warnings = [...parsed.value.warnings];
      let restored: string | undefined;
      const weightsFile = projectWeightsPath(file);
      const engine = deps.engine?.() ?? null;
      if (engine?.loadWeights && (await mtimeOf(weightsFile).catch(() => null)) !== null) {
        const loaded = await engine.loadWeights(parsed.value.project.graph, weightsFile);
        if (!loaded.ok)
          warnings.push(
            `The trained weights in ${path.basename(weightsFile)} could not be loaded (${loaded.error.message}); the model starts with fresh weights.`,
          );
        else if (loaded.value.loaded) restored = path.basename(weightsFile);
        if (loaded.ok && loaded.value.fresh.length > 0)
          warnings.push(
            `Trained weights restored from ${path.basename(weightsFile)}; ${loaded.value.fresh.join(', ')} ${loaded.value.fresh.length === 1 ? 'has' : 'have'} none saved and start fresh.`,
          );
        else if (loaded.ok) warnings.push(`Trained weights restored from ${path.basename(weightsFile)}.`);
      }
      return ok({ project: parsed.value.project, path: file, warnings, ...(restored !== undefined ? { weights: restored } : {}) });
    },

    async save(request: ParsedRequestOf<'project.save'>): Promise<ResultOf<'project.save'>> {
      return write(withExtension(request.path), request.project, false);
    },

    async saveAs(request: ParsedRequestOf<'project.saveAs'>): Promise<ResultOf<'project.saveAs'>> {
      return write(withExtension(request.path), request.project, request.overwrite);
    },

    async recent(): Promise<ResultOf<'project.recent'>> {
      return ok({ files: await deps.recent.list() });
    },
  };
}

/** 'net' -> 'net.blockprop.json'; paths already ending in .json are kept as the user typed them. */
export function withExtension(file: string): string {
  const resolved = path.resolve(file);
  return resolved.toLowerCase().endsWith('.json') ? resolved : resolved + PROJECT_EXTENSION;
}
