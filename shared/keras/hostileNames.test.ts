import { describe, expect, it } from 'vitest';
import { inferGraph } from '../inference/infer';
import { parseProject, newProject } from '../project';
import { getTemplate } from '../templates';
import { importModel } from './importModel';

const dense = (config: Record<string, unknown>, className = 'Dense') => ({ class_name: className, config: { name: 'd', units: 2, ...config } });
const sequential = (...layers: unknown[]) => ({
  class_name: 'Sequential',
  config: { name: 'm', layers: [{ class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 4] } }, ...layers] },
});

describe('names that are Object.prototype members are unknown names like any other', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('layer class %s', (name) => {
    const r = importModel(sequential(dense({}, name)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(new RegExp(`has class '${name}', which Blockprop does not support`));
  });

  it.each(['constructor', '__proto__', 'toString'])('initializer, regularizer and constraint class %s', (name) => {
    for (const key of ['kernel_initializer', 'kernel_regularizer', 'kernel_constraint']) {
      const r = importModel(sequential(dense({ [key]: { class_name: name, config: {} } })));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(/Layer 'd' \(Dense\): '\w+' is .*which Blockprop does not support yet/);
    }
  });

  it('a config key __proto__ or constructor is a setting Blockprop does not know, not a prototype', () => {
    const text =
      '{"class_name":"Sequential","config":{"name":"m","layers":[{"class_name":"InputLayer","config":{"name":"in","batch_shape":[null,4]}},{"class_name":"Dense","config":{"name":"d","units":2,"__proto__":{"units":"polluted"},"constructor":1,"kernel_initializer":{"class_name":"GlorotUniform","config":{"constructor":1}}}}]}}';
    const r = importModel(JSON.parse(text));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(
      /^Layer 'd' \(Dense\): 'kernel_initializer' is \{"class_name":"GlorotUniform","config":\{"constructor":1\}\}, which Blockprop does not support yet/,
    );
    const withoutBadInit = JSON.parse(text.replace('{"constructor":1}}', '{}}'));
    const ok = importModel(withoutBadInit);
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value.warnings).toContain("Layer 'd' (Dense): setting '__proto__' is not a Keras setting and was not imported.");
    expect(ok.value.graph.nodes[1]?.params['units']).toBe(2);
    expect(({} as Record<string, unknown>)['units']).toBeUndefined();
  });

  it('a project whose stored initializer is named constructor gets a diagnostic, not an internal error', () => {
    const graph = getTemplate('keras_cnn')?.build();
    if (!graph) throw new Error('no template');
    const project = JSON.parse(JSON.stringify(newProject(graph)));
    project.graph.nodes[1].params.kernel_initializer = { class_name: 'constructor', config: {} };
    const opened = parseProject(project);
    if (!opened.ok) throw new Error(opened.error.message);
    const diagnostics = inferGraph(opened.value.project.graph).diagnostics;
    expect(diagnostics.find((d) => d.severity === 'error')?.message).toMatch(/initializer 'constructor' is not supported/);
  });
});

describe('nesting', () => {
  it('a file nested 100,000 levels deep is refused in one line, not a stack overflow', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    const r = importModel({ class_name: 'Sequential', config: { name: 'm', layers: [dense({ units: deep })] } });
    expect(r).toEqual({
      ok: false,
      error: {
        message:
          'This is not a model Blockprop can read: it nests more than 100 levels deep, which no model or project file does; it is damaged or not a model file.',
      },
    });
    const p = parseProject({ format: 'blockprop-project', version: 1, graph: { nodes: deep } });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error.message).toMatch(/nests more than 100 levels deep/);
  });
});
