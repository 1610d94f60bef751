import path from 'node:path';
import type { ParsedRequestOf } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Handlers } from '../services/dispatcher';

type ExportFormat = ParsedRequestOf<'export.write'>['format'];

/** The file names each export format may be written to (tfjs writes a folder or its model.json). */
const extensions: Readonly<Record<ExportFormat, readonly string[]>> = {
  keras3: ['.json'],
  keras2: ['.json'],
  'keras-json': ['.json'],
  python: ['.py'],
  png: ['.png'],
  svg: ['.svg'],
  keras: ['.keras'],
  tfjs: ['.json', ''],
};

/** `file` when it has one of the format's extensions, else a sentence saying which it needs. */
export function extensionProblem(format: ExportFormat, file: string): string | null {
  const allowed = extensions[format];
  const ext = path.extname(file).toLowerCase();
  if (allowed.includes(ext)) return null;
  const names = allowed.map((e) => (e === '' ? 'a folder' : `a ${e} file`)).join(' or ');
  return `A ${format} export is written to ${names}, not to ${path.basename(file)}; choose the place again.`;
}

/**
 * In the desktop app the renderer is web content: were it ever compromised, it must not be able
 * to write anywhere. Main writes only where the user chose in this session — a native Save
 * dialog's answer, a file the user opened, the file of restored unsaved work — and an export
 * only to a file of its format. The
 * rest of the API is unchanged.
 */
export function guardWrites(handlers: Handlers): Handlers {
  const granted = new Set<string>();
  const grant = (file: string | null | undefined) => {
    if (typeof file === 'string' && file !== '') granted.add(path.resolve(file));
  };
  // A tfjs export chosen as model.json writes its shards beside it; one chosen as a folder, inside it.
  const allowed = (file: string, format?: ExportFormat) => {
    const target = path.resolve(file);
    if (granted.has(target)) return true;
    return format === 'tfjs' && granted.has(path.dirname(target));
  };
  const notChosen = (file: string) =>
    fail(
      'not-allowed',
      `Blockprop writes only where you chose in a Save dialog in this session; ${path.basename(file)} was not chosen there. Use Save As… or Export… and pick the place again.`,
    );

  return {
    ...handlers,
    'dialog.save': async (request) => {
      const result = await handlers['dialog.save'](request);
      if (result.ok) grant(result.value.path);
      return result;
    },
    'project.open': async (request) => {
      const result = await handlers['project.open'](request);
      if (result.ok) grant(request.path);
      return result;
    },
    // Restored unsaved work belongs to its project file: saving it back there is the user's intent.
    'recovery.restore': async (request) => {
      const result = await handlers['recovery.restore'](request);
      if (result.ok) grant(result.value.path);
      return result;
    },
    'project.saveAs': async (request) => {
      if (!allowed(request.path)) return notChosen(request.path);
      return handlers['project.saveAs'](request);
    },
    'export.write': async (request) => {
      if (!allowed(request.path, request.format)) return notChosen(request.path);
      const wrongKind = extensionProblem(request.format, request.path);
      if (wrongKind !== null) return fail('invalid-request', wrongKind);
      return handlers['export.write'](request);
    },
  };
}
