import { describe, expect, it } from 'vitest';
import { newProject } from '../project';
import { eventNames, methodNames } from './channels';
import { events, methods } from './contract';
import { parseEvent, parseRequest, parseResult } from './validate';

describe('contract', () => {
  it('lists exactly the methods and events the preload whitelists', () => {
    expect(Object.keys(methods).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
    expect(new Set(methodNames).size).toBe(methodNames.length);
  });

  it.each(methodNames.map((m) => [m]))('%s refuses a payload that is not an object', (method) => {
    const result = parseRequest(method, 42);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toContain(method);
    }
  });

  it.each([
    ['app.info', {}, true],
    ['app.info', { extra: 1 }, false],
    ['project.open', { path: '/tmp/a.blockprop.json' }, true],
    ['project.open', { path: '' }, false],
    ['project.open', {}, false],
    ['project.saveAs', { path: '/tmp/a.json', project: newProject({ name: 'm', nodes: [], edges: [] }) }, true],
    ['project.saveAs', { path: '/tmp/a.json', project: { format: 'blockprop-project' } }, false],
    ['project.saveAs', { path: '/tmp/a.json', project: 'text' }, false],
    ['fs.list', { dir: '/' }, true],
    ['fs.list', { dir: 5 }, false],
    ['model.import', { text: '{}' }, true],
    ['model.import', { path: '/x/model.json' }, true],
    ['model.import', { url: 'http://x' }, false],
    ['model.import', { files: [{ name: 'cnn.keras', base64: 'UEsDBA==' }] }, true],
    ['model.import', { files: [] }, false],
    ['export.write', { format: 'keras3', path: '/tmp/m.json', graph: { name: 'm', nodes: [], edges: [] } }, true],
    ['export.write', { format: 'onnx', path: '/tmp/m.onnx' }, false],
    ['export.write', { format: 'keras3', path: '/tmp/m.json', graph: { name: 'm', nodes: [{ id: 1 }], edges: [] } }, false],
    ['window.state', { fileName: null, dirty: true }, true],
    ['window.state', { fileName: 'a', dirty: 'yes' }, false],
    ['train.stop', {}, true],
  ] as const)('%s %j valid=%s', (method, payload, valid) => {
    expect(parseRequest(method, payload).ok).toBe(valid);
  });

  it('fills defaults for the handler', () => {
    const result = parseRequest('project.saveAs', { path: '/tmp/a.json', project: newProject({ name: 'm', nodes: [], edges: [] }) });
    expect(result.ok && result.value.overwrite).toBe(false);
  });

  it('checks replies: values against the response schema, errors as values', () => {
    expect(parseResult('fs.home', { ok: true, value: { home: '/h', cwd: '/c', sep: '/' } })).toEqual({ ok: true, value: { home: '/h', cwd: '/c', sep: '/' } });
    expect(parseResult('fs.home', { ok: true, value: { home: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    expect(parseResult('fs.home', { ok: false, error: { code: 'x', message: 'y' } })).toEqual({ ok: false, error: { code: 'x', message: 'y' } });
    expect(parseResult('fs.home', 'nonsense')).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    expect(parseResult('fs.home', { ok: false, error: 'boom' })).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  });

  it('checks events', () => {
    expect(parseEvent('menu.command', { command: 'save' })).toEqual({ command: 'save' });
    expect(parseEvent('menu.command', { command: 'format-disk' })).toBeNull();
    expect(parseEvent('menu.command', { command: 'open-recent', arg: '/a.blockprop.json' })).toEqual({ command: 'open-recent', arg: '/a.blockprop.json' });
  });
});
