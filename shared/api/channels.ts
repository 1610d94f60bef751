/**
 * The names of every method and event of the renderer <-> main contract, without their
 * schemas, so the Electron preload can whitelist them while staying tiny (no zod bundled).
 * contract.test.ts checks these lists equal the keys of `methods` and `events` in contract.ts.
 */
export const methodNames = [
  'app.info',
  'window.state',
  'window.close',
  'dialog.open',
  'dialog.save',
  'fs.home',
  'fs.list',
  'project.new',
  'project.open',
  'project.save',
  'project.saveAs',
  'project.recent',
  'project.autosave',
  'recovery.check',
  'recovery.restore',
  'recovery.discard',
  'model.import',
  'export.write',
  'export.download',
  'dataset.preview',
  'train.start',
  'train.stop',
  'inspect.evaluate',
  'inspect.activations',
  'inspect.predict',
  'inspect.kernels',
  'inspect.fcView',
  'inspect.cell',
  'inspect.saliency',
] as const;

export const eventNames = ['train.event', 'dataset.progress', 'menu.command'] as const;

export type MethodName = (typeof methodNames)[number];
export type EventName = (typeof eventNames)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (methodNames as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}
