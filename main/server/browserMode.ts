import path from 'node:path';
import { createDispatcher } from '../services/dispatcher';
import { createHandlers } from '../services/handlers';
import { defaultConfigDir } from '../services/configDir';
import { engineProvider } from '../services/wiring';
import { appVersion } from '../services/version';
import { startWebServer, type WebServer } from './webServer';

export interface BrowserModeOptions {
  readonly port: number;
  readonly staticDir: string;
  readonly configDir?: string;
  /** The engine's worker bundle; by default dist/worker.cjs beside the running bundle. */
  readonly workerPath?: string;
  readonly onInternalError?: (method: string, error: unknown) => void;
}

/** Starts browser mode: the real services behind the local web server. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<WebServer & { shutdown(): Promise<void> }> {
  let dispose: () => Promise<void> = async () => undefined;
  const server = await startWebServer({
    port: options.port,
    staticDir: path.resolve(options.staticDir),
    createDispatcher: (emit) => {
      const handlers = createHandlers({
        mode: 'web',
        configDir: options.configDir ?? defaultConfigDir(),
        version: appVersion(),
        versions: { node: process.versions.node, electron: null, chrome: null },
        engine: engineProvider(options.workerPath !== undefined ? { workerPath: options.workerPath } : {}),
        emit,
      });
      dispose = handlers.dispose;
      return createDispatcher(handlers, options.onInternalError);
    },
  });
  return {
    ...server,
    async shutdown() {
      await dispose().catch(() => undefined);
      await server.close();
    },
  };
}
