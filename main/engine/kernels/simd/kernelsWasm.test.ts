import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needTool, skipWithout } from '../../../../tests/requireTools.test-util';
import { kernelsWasmBase64 } from './kernelsWasm';

/**
 * The committed kernel module is what its C sources build to: the embedded copy equals
 * kernels.wasm, and where clang with the wasm32 target and wasm-ld exist, a fresh
 * `scripts/build-wasm.mjs` build is byte-identical (so the build is reproducible and nobody
 * forgot `npm run build:wasm` after editing native/wasm/).
 */

const root = path.resolve(__dirname, '..', '..', '..', '..');
const committed = readFileSync(path.join(__dirname, 'kernels.wasm'));

function clangProblem(): string | null {
  try {
    const out = execFileSync(process.env['CLANG'] ?? 'clang', ['--print-targets'], { encoding: 'utf8' });
    if (!/wasm32/.test(out)) return 'clang has no wasm32 target';
  } catch {
    return 'clang is not installed';
  }
  try {
    execFileSync('wasm-ld', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'wasm-ld (lld) is not installed';
  }
  return null;
}

const problem = clangProblem();

describe('kernels.wasm', () => {
  it('is embedded unchanged in kernelsWasm.ts', () => {
    expect(Buffer.from(kernelsWasmBase64, 'base64').equals(committed)).toBe(true);
  });

  it('declares shared memory and exports the kernel entry points', () => {
    const m = new WebAssembly.Module(committed);
    expect(WebAssembly.Module.imports(m)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const names = WebAssembly.Module.exports(m).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['run', 'scratch_bytes', '__stack_pointer', '__heap_base']));
  });

  it.skipIf(skipWithout(problem))(`rebuilds byte-identical from native/wasm${skipWithout(problem) ? ` (skipped: ${problem})` : ''}`, () => {
    needTool(problem);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kernels-wasm-'));
    try {
      const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-wasm.mjs'), '--out', dir], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const fresh = readFileSync(path.join(dir, 'kernels.wasm'));
      expect(fresh.equals(committed), 'run `npm run build:wasm` and commit kernels.wasm and kernelsWasm.ts').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
