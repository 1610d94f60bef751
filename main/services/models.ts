import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import { exportKeras2, exportKeras3, importModel, toKerasJsonString } from '../../shared/keras';
import { parseJsonText } from '../../shared/project';
import { generatePython } from '../../shared/python';
import { openModelFile } from '../modelfile/read';
import { writeFileAtomic } from './atomicWrite';
import { describeFsError, errnoCode } from './fsErrors';
import type { EngineHost } from './ports';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Import Keras / TF.js JSON into a graph, and write every export format to disk. */
export function createModelService(deps: { engine: () => EngineHost | null }) {
  async function exists(file: string): Promise<boolean> {
    try {
      await stat(file);
      return true;
    } catch (error) {
      return errnoCode(error) !== 'ENOENT';
    }
  }

  /** Opens any model file; its weights go to the engine, so Inspect, export and training start from them. */
  async function importFile(file: string): Promise<ResultOf<'model.import'>> {
    const opened = await openModelFile(file);
    if (!opened.ok) {
      const missing = /: no such file$/.test(opened.error.message);
      return fail(missing ? 'not-found' : 'bad-file', opened.error.message.replace(file, path.basename(file)));
    }
    const { graph, format, weights } = opened.value;
    const warnings = [...opened.value.warnings];
    const engine = deps.engine();
    if (weights !== null) {
      const loaded = engine?.loadWeights ? await engine.loadWeights(graph, file) : null;
      if (loaded === null) warnings.push('The file holds trained weights, but the training engine is not available; the model starts with fresh weights.');
      else if (!loaded.ok) warnings.push(`The file's weights could not be loaded (${loaded.error.message}); the model starts with fresh weights.`);
      else {
        warnings.push(
          `Trained weights loaded for ${loaded.value.kept.length} ${loaded.value.kept.length === 1 ? 'layer' : 'layers'}: Inspect, export and training use them.`,
        );
        return ok({ graph, format, warnings, weights: path.basename(file) });
      }
    }
    return ok({ graph, format, warnings });
  }

  /**
   * Dropped files arrive as bytes: written side by side into a scratch folder under their own base
   * names (so model.json finds its shards and a project its weights), opened by the same reader
   * as a path, and removed again once the engine has loaded the weights.
   */
  async function importDropped(files: readonly { name: string; base64: string }[]): Promise<ResultOf<'model.import'>> {
    const names = files.map((f) => path.basename(f.name.replace(/\\/g, '/')));
    const bad = names.find((n) => n === '' || n === '.' || n === '..');
    if (bad !== undefined) return fail('bad-file', `'${bad}' is not a file name.`);
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'blockprop-drop-'));
    try {
      for (const [i, f] of files.entries()) await writeFile(path.join(scratch, names[i] ?? `file${i}`), Buffer.from(f.base64, 'base64'));
      return await importFile(path.join(scratch, names[0] ?? 'file0'));
    } catch (error) {
      return fail('io-error', describeFsError(error, 'write', scratch));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  return {
    async importModel(request: ParsedRequestOf<'model.import'>): Promise<ResultOf<'model.import'>> {
      let text: string;
      let label: string;
      if ('path' in request) {
        // Files go through the one model-file reader: every format, recognised by content, with weights.
        return importFile(path.resolve(request.path));
      } else if ('files' in request) {
        return importDropped(request.files);
      } else {
        label = request.name ?? 'The pasted text';
        text = request.text;
      }
      // parseJsonText says what pasted non-JSON looks like instead of quoting it back.
      const parsed = parseJsonText(text);
      if (!parsed.ok) return fail('bad-file', `${label}: ${parsed.error.message} Export the model with model.to_json() or use a TF.js model.json.`);
      const json = parsed.value;
      const imported = importModel(json);
      if (!imported.ok) return fail('bad-file', `${label}: ${imported.error.message}`);
      const { graph, format, warnings } = imported.value;
      return ok({ graph, format, warnings: [...warnings] });
    },

    /** export.write into a scratch folder, read back for the browser to download, the folder removed. */
    async exportDownload(request: ParsedRequestOf<'export.download'>): Promise<ResultOf<'export.download'>> {
      const scratch = await mkdtemp(path.join(os.tmpdir(), 'blockprop-download-'));
      try {
        const { name, ...rest } = request;
        const written = await this.exportWrite({ ...rest, path: path.join(scratch, path.basename(name)), overwrite: true });
        if (!written.ok) return written;
        const files = await Promise.all(
          written.value.files.map(async (f) => ({
            // Base names: a TF.js model.json names its weights.bin beside it.
            name: path.basename(f),
            base64: (await readFile(f)).toString('base64'),
          })),
        );
        return ok({ files });
      } catch (error) {
        return fail('io-error', describeFsError(error, 'write', scratch));
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },

    async exportWrite(request: ParsedRequestOf<'export.write'>): Promise<ResultOf<'export.write'>> {
      const target = path.resolve(request.path);
      if (!request.overwrite && (await exists(target))) {
        return fail('exists', `${path.basename(target)} already exists in ${path.dirname(target)}. Replace it?`);
      }
      const { format } = request;
      if (format === 'keras' || format === 'tfjs' || format === 'keras-json') {
        const engine = deps.engine();
        if (engine === null) return fail('not-ready', 'The training engine is not available yet, so trained models cannot be exported.');
        const written = await engine.exportTrained(format, target, request.graph);
        return written.ok ? ok({ path: target, bytes: written.value.bytes, files: written.value.files }) : written;
      }
      let data: string | Uint8Array;
      if (format === 'keras3' || format === 'keras2' || format === 'python') {
        if (request.graph === undefined) return fail('invalid-request', `Exporting ${format} needs the graph.`);
        if (format === 'python') {
          data = generatePython(request.graph, request.training, request.dataset, { strategy: request.strategy ?? 'none' });
        } else {
          const exported = format === 'keras3' ? exportKeras3(request.graph) : exportKeras2(request.graph);
          if (!exported.ok) {
            return fail(
              'invalid-model',
              `The model cannot be exported yet: ${exported.error.message}`,
              exported.error.diagnostics.map((d) => d.message),
            );
          }
          data = toKerasJsonString(exported.value);
        }
      } else if (format === 'png') {
        const bytes = Buffer.from(request.content ?? '', 'base64');
        if (bytes.length < 8 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b))
          return fail('invalid-request', 'The PNG export carries no PNG image (content must be base64 PNG data).');
        data = bytes;
      } else {
        const svg = request.content ?? '';
        if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) return fail('invalid-request', 'The SVG export carries no SVG document.');
        data = svg;
      }
      try {
        const bytes = await writeFileAtomic(target, data);
        return ok({ path: target, bytes, files: [target] });
      } catch (error) {
        return fail('io-error', describeFsError(error, 'write', target));
      }
    },
  };
}
