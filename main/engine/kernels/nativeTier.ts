import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { convFields, type ConvFields, type FusedActivation, type KernelTier, type MatMulGeometry } from './tier';

/**
 * The native kernel tier: the N-API addon built from native/src by scripts/build-native.mjs at
 * `npm install` (build/native/blockprop_kernels.node). It is optional: where it was not built
 * (no compiler, no Node headers) loading reports why and how to get it, and training uses the
 * wasm tier. The addon does the arithmetic in place on the Float32Arrays it is given (views of
 * tfjs-wasm's heap included) and checks every length against the geometry.
 */

/** What `info()` of the addon reports. */
export interface NativeInfo {
  readonly threads: number;
  /** "OpenBLAS 0.3.21 (SkylakeX)", "Accelerate", or null when built without a BLAS. */
  readonly blas: string | null;
  readonly blasThreads: number;
  /** The GEMM in use now. */
  readonly gemm: 'own' | 'blas';
  /** The vector instructions the built-in GEMM was compiled for (AVX-512, AVX2, NEON, generic). */
  readonly isa: string;
}

interface NativeAddon {
  conv2d(...args: [...ConvFields, Float32Array, Float32Array, Float32Array | null, boolean, Float32Array]): void;
  conv2dBackpropInput(...args: [...ConvFields, Float32Array, Float32Array, Float32Array]): void;
  conv2dBackpropFilter(...args: [...ConvFields, Float32Array, Float32Array, Float32Array]): void;
  depthwiseConv2d(...args: [...ConvFields, Float32Array, Float32Array, Float32Array | null, boolean, Float32Array]): void;
  depthwiseConv2dBackpropInput(...args: [...ConvFields, Float32Array, Float32Array, Float32Array]): void;
  depthwiseConv2dBackpropFilter(...args: [...ConvFields, Float32Array, Float32Array, Float32Array]): void;
  matMul(
    batch: number,
    aBatch: number,
    bBatch: number,
    m: number,
    k: number,
    n: number,
    transA: boolean,
    transB: boolean,
    a: Float32Array,
    b: Float32Array,
    bias: Float32Array | null,
    relu: boolean,
    out: Float32Array,
  ): void;
  maxPool(...args: [...ConvFields, Float32Array, Float32Array]): void;
  maxPoolGrad(...args: [...ConvFields, Float32Array, Float32Array, Float32Array]): void;
  avgPool(...args: [...ConvFields, Float32Array, Float32Array]): void;
  avgPoolGrad(...args: [...ConvFields, Float32Array, Float32Array]): void;
  reluGrad(dy: Float32Array, y: Float32Array, out: Float32Array): void;
  sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array): void;
  info(): NativeInfo;
  setGemm(gemm: 'own' | 'blas'): boolean;
}

const addonMethods = [
  'conv2d',
  'conv2dBackpropInput',
  'conv2dBackpropFilter',
  'depthwiseConv2d',
  'depthwiseConv2dBackpropInput',
  'depthwiseConv2dBackpropFilter',
  'matMul',
  'maxPool',
  'maxPoolGrad',
  'avgPool',
  'avgPoolGrad',
  'reluGrad',
  'sumRows',
  'info',
  'setGemm',
] as const;

function isAddon(m: unknown): m is NativeAddon {
  if (typeof m !== 'object' || m === null) return false;
  return addonMethods.every((name) => typeof Reflect.get(m, name) === 'function');
}

const ADDON = path.join('build', 'native', 'blockprop_kernels.node');
const HINT = 'run `npm run build:native` (needs a C++ compiler and Node headers; OpenBLAS optional)';

/** The package root: the nearest folder upwards holding blockprop's package.json. */
function packageRoot(start: string): string | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      const pkg: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && Reflect.get(pkg, 'name') === 'blockprop') return dir;
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Where the addon may be: BLOCKPROP_NATIVE_ADDON, then build/native under the package root found
 * from this module (src/main/engine/kernels under tsx/vitest, dist/ in the bundles) and from the
 * working directory. Inside a packaged Electron app the file lives in app.asar.unpacked.
 */
export function nativeAddonCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const found: string[] = [];
  const explicit = env['BLOCKPROP_NATIVE_ADDON'];
  if (explicit !== undefined && explicit !== '') found.push(path.resolve(explicit));
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.cwd()];
  for (const start of starts) {
    if (start === null) continue;
    const root = packageRoot(start);
    if (root === null) continue;
    const file = path.join(root, ADDON);
    const unpacked = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    for (const f of unpacked === file ? [file] : [unpacked, file]) if (!found.includes(f)) found.push(f);
  }
  return found;
}

/** The CPU's instruction-set flags (Linux /proc/cpuinfo; the same filter as scripts/build-native.mjs). */
export function cpuFeatures(cpuinfo: string, arch: string = process.arch): string[] {
  const isaFlag = /^(avx|sse|ssse|fma|f16c|bmi|amx|vaes|vpclmul|gfni|movbe|popcnt|adx|sha|abm|lzcnt)/;
  const line = cpuinfo.split('\n').find((l) => /^(flags|Features)\s*:/.test(l)) ?? '';
  return line
    .replace(/^[^:]*:/, '')
    .trim()
    .split(/\s+/)
    .filter((f) => f !== '' && (isaFlag.test(f) || arch !== 'x64'));
}

/**
 * Null when this CPU can run the addon, else why not. The build (-march=native) records what it was
 * compiled for beside the addon; a build copied to, or packaged for, another CPU could otherwise
 * die on an illegal instruction.
 */
export function cpuMismatch(built: unknown, here: { platform: string; arch: string; model: string; flags: readonly string[] }): string | null {
  if (typeof built !== 'object' || built === null) return null;
  const field = (k: string): unknown => Reflect.get(built, k);
  const platform = field('platform'),
    arch = field('arch'),
    model = field('model'),
    flags = field('flags');
  if (platform !== here.platform || arch !== here.arch) return `built for ${String(platform)}/${String(arch)}, this is ${here.platform}/${here.arch}`;
  if (Array.isArray(flags) && flags.length > 0 && here.flags.length > 0) {
    const missing = flags.filter((f): f is string => typeof f === 'string' && !here.flags.includes(f));
    if (missing.length > 0) return `built for a CPU with ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''}, which this one lacks`;
    return null;
  }
  // No flags to compare (macOS): the same CPU model is the safe case.
  return typeof model === 'string' && model !== here.model ? `built on ${model}, this CPU is ${here.model}` : null;
}

function thisCpu(): { platform: string; arch: string; model: string; flags: string[] } {
  let flags: string[] = [];
  if (process.platform === 'linux') {
    try {
      flags = cpuFeatures(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    } catch {
      // no /proc: the model name still guards
    }
  }
  return { platform: process.platform, arch: process.arch, model: os.cpus()[0]?.model ?? '', flags };
}

function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
}

/** The addon and the file it was loaded from. */
export interface LoadedAddon {
  readonly file: string;
  readonly addon: NativeAddon;
}

let loaded: LoadedAddon | null = null;

/** The raw addon (tests and the kernel benchmark switch its GEMM); null when it is not built. */
export function nativeAddon(): Outcome<LoadedAddon> {
  if (loaded !== null) return success(loaded);
  const candidates = nativeAddonCandidates();
  const file = candidates.find((f) => fs.existsSync(f));
  if (file === undefined) return failure(`native kernels not built (${path.join('build', 'native', 'blockprop_kernels.node')} is missing): ${HINT}`);
  try {
    const sidecar = file.replace(/\.node$/, '.json');
    const built: unknown = fs.existsSync(sidecar) ? JSON.parse(fs.readFileSync(sidecar, 'utf8')) : null;
    const mismatch = cpuMismatch(built, thisCpu());
    if (mismatch !== null) return failure(`native kernels were compiled for another CPU (${mismatch}): ${HINT}`);
    const mod: unknown = nodeRequire()(file);
    if (!isAddon(mod)) return failure(`native kernels at ${file} are from another version: ${HINT}`);
    loaded = { file, addon: mod };
    return success(loaded);
  } catch (e) {
    const text = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    return failure(`native kernels did not load (${text}): ${HINT}`);
  }
}

/** Switches the addon's GEMM (BLOCKPROP_GEMM=own|blas sets the default); false when not possible. */
export function setNativeGemm(gemm: 'own' | 'blas'): boolean {
  const a = nativeAddon();
  return a.ok && a.value.addon.setGemm(gemm);
}

export function nativeDetail(info: NativeInfo): string {
  const threads = `${info.threads} thread${info.threads === 1 ? '' : 's'}`;
  if (info.gemm !== 'blas' || info.blas === null) return `native kernels (built-in ${info.isa} GEMM), ${threads}`;
  // OPENBLAS_NUM_THREADS may give the BLAS a different count than our own loops.
  const blasThreads = info.blasThreads > 0 && info.blasThreads !== info.threads ? ` (BLAS: ${info.blasThreads})` : '';
  return `native kernels on ${info.blas}, ${threads}${blasThreads}`;
}

const relu = (act: FusedActivation): boolean => act === 'relu';

function wrap(addon: NativeAddon): KernelTier {
  return {
    name: 'native',
    get detail() {
      return nativeDetail(addon.info());
    },
    threads: addon.info().threads,
    conv2d: (g, x, w, bias, act, out) => addon.conv2d(...convFields(g), x, w, bias, relu(act), out),
    conv2dBackpropInput: (g, dy, w, dx) => addon.conv2dBackpropInput(...convFields(g), dy, w, dx),
    conv2dBackpropFilter: (g, x, dy, dw) => addon.conv2dBackpropFilter(...convFields(g), x, dy, dw),
    depthwiseConv2d: (g, x, w, bias, act, out) => addon.depthwiseConv2d(...convFields(g), x, w, bias, relu(act), out),
    depthwiseConv2dBackpropInput: (g, dy, w, dx) => addon.depthwiseConv2dBackpropInput(...convFields(g), dy, w, dx),
    depthwiseConv2dBackpropFilter: (g, x, dy, dw) => addon.depthwiseConv2dBackpropFilter(...convFields(g), x, dy, dw),
    matMul: (g: MatMulGeometry, a, b, bias, act, out) =>
      addon.matMul(g.batch, g.aBatch, g.bBatch, g.m, g.k, g.n, g.transA, g.transB, a, b, bias, relu(act), out),
    maxPool: (g, x, out) => addon.maxPool(...convFields(g), x, out),
    maxPoolGrad: (g, x, dy, dx) => addon.maxPoolGrad(...convFields(g), x, dy, dx),
    avgPool: (g, x, out) => addon.avgPool(...convFields(g), x, out),
    avgPoolGrad: (g, dy, dx) => addon.avgPoolGrad(...convFields(g), dy, dx),
    reluGrad: (dy, y, out) => addon.reluGrad(dy, y, out),
    sumRows: (x, rows, cols, out) => addon.sumRows(x, rows, cols, out),
  };
}

let tier: KernelTier | null = null;

/** The native tier, or why it is not available (one line, with how to get it). */
export function loadNativeTier(): Outcome<KernelTier> {
  if (tier !== null) return success(tier);
  const a = nativeAddon();
  if (!a.ok) return a;
  tier = wrap(a.value.addon);
  return success(tier);
}
