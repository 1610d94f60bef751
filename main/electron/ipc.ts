import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../shared/api/channels';
import { fail, type Result } from '../../shared/api/result';
import type { Dispatcher } from '../services/dispatcher';

/**
 * One `ipcMain.handle` per contract method, each validating its payload (through the
 * dispatcher) and refusing calls from any frame but our own page.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const method of methodNames) {
    ipcMain.handle(method, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return fail('forbidden', 'Only Blockprop’s own window may call its API.');
      return dispatcher.invoke(method, payload);
    });
  }
}
