import type { EventName, EventOf, ParsedRequestOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import type { Handlers } from './dispatcher';
import { createDatasetService } from './datasets';
import { createEngineService } from './engine';
import { createFileService } from './files';
import { createModelService } from './models';
import type { EngineHost } from './ports';
import { createProjectService } from './projects';
import { createRecentFiles } from './recentFiles';
import { createRecoveryService } from './recovery';

/** What only the Electron shell can do; absent in browser mode. */
export interface NativeShell {
  openDialog(request: ParsedRequestOf<'dialog.open'>): Promise<string | null>;
  saveDialog(request: ParsedRequestOf<'dialog.save'>): Promise<string | null>;
  setWindowState(state: ParsedRequestOf<'window.state'>): void;
  closeWindow(): void;
}

export interface HostContext {
  readonly mode: 'electron' | 'web';
  readonly configDir: string;
  readonly version: string;
  readonly versions: { node: string; electron: string | null; chrome: string | null };
  /** The app's one engine host, created lazily by the wiring; null where it is unavailable. */
  readonly engine: () => EngineHost | null;
  readonly emit: <E extends EventName>(event: E, payload: EventOf<E>) => void;
  readonly native?: NativeShell;
  readonly now?: () => Date;
}

/** Every contract method, served by the services: the same handlers behind IPC and WebSocket. */
export function createHandlers(ctx: HostContext): Handlers & { dispose(): Promise<void> } {
  const recent = createRecentFiles(ctx.configDir, ctx.now);
  const projects = createProjectService({ recent, now: ctx.now, engine: ctx.engine });
  const recovery = createRecoveryService({ configDir: ctx.configDir, now: ctx.now });
  const files = createFileService();
  const models = createModelService({ engine: ctx.engine });
  const engine = createEngineService({ engine: ctx.engine, emit: ctx.emit });
  const datasets = createDatasetService();
  const native = ctx.native;
  const noNative = fail('unsupported', 'Native dialogs exist only in the desktop app; use the in-app file dialog (fs.list).');

  return {
    'app.info': async () =>
      ok({
        name: 'Blockprop',
        version: ctx.version,
        mode: ctx.mode,
        nativeDialogs: native !== undefined,
        platform: process.platform,
        versions: ctx.versions,
        backends: await engine.backends(),
        configDir: ctx.configDir,
      }),
    'window.state': async (request) => {
      native?.setWindowState(request);
      return ok({});
    },
    'window.close': async () => {
      native?.closeWindow();
      return ok({});
    },
    'dialog.open': async (request) => (native === undefined ? noNative : ok({ path: await native.openDialog(request) })),
    'dialog.save': async (request) => (native === undefined ? noNative : ok({ path: await native.saveDialog(request) })),
    'fs.home': async () => files.home(),
    'fs.list': (request) => files.list(request),
    'project.new': async (request) => projects.create(request),
    'project.open': (request) => projects.open(request),
    'project.save': async (request) => {
      const saved = await projects.save(request);
      if (saved.ok) await recovery.discard();
      return saved;
    },
    'project.saveAs': async (request) => {
      const saved = await projects.saveAs(request);
      if (saved.ok) await recovery.discard();
      return saved;
    },
    'project.recent': () => projects.recent(),
    'project.autosave': (request) => recovery.autosave(request),
    'recovery.check': () => recovery.check(),
    'recovery.restore': () => recovery.restore(),
    'recovery.discard': () => recovery.discard(),
    'model.import': (request) => models.importModel(request),
    'export.write': (request) => models.exportWrite(request),
    'export.download': (request) => models.exportDownload(request),
    'dataset.preview': (request) => datasets.preview(request, (progress) => ctx.emit('dataset.progress', progress)),
    'train.start': (request) => engine.start(request),
    'train.stop': (request) => engine.stop(request),
    'inspect.evaluate': (request) => engine.inspect('evaluate', request),
    'inspect.activations': (request) => engine.inspect('activations', request),
    'inspect.predict': (request) => engine.inspect('predict', request),
    'inspect.kernels': (request) => engine.inspect('kernels', request),
    'inspect.fcView': (request) => engine.inspect('fcView', request),
    'inspect.cell': (request) => engine.inspect('cell', request),
    'inspect.saliency': (request) => engine.inspect('saliency', request),
    dispose: () => engine.dispose(),
  };
}
