import { backend_util, getKernel, type NamedAttrMap, type NamedTensorInfoMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Helpers for kernels written against the wasm backend's heap: typed views on tensors in wasm
 * memory (no copies) and calls into the backend's own (XNNPACK-backed) kernels.
 */

export function asWasm(backend: unknown): BackendWasm {
  if (!(backend instanceof BackendWasm)) throw new Error('wasm kernel patch called with a backend that is not the wasm backend');
  return backend;
}

export function input(inputs: NamedTensorInfoMap, name: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new Error(`kernel input '${name}' missing`);
  return t;
}

/** A Float32Array view on a float32 tensor's heap memory (re-take it after any allocation: the heap may grow). */
export function f32(backend: BackendWasm, t: TensorInfo): Float32Array {
  const view = backend.typedArrayFromHeap(t);
  if (!(view instanceof Float32Array)) throw new Error(`wasm kernel patch expects float32, got ${t.dtype}`);
  return view;
}

/** A zero-filled float32 output on the heap. */
export function zeros(backend: BackendWasm, shape: number[]): TensorInfo {
  const out = backend.makeOutput(shape, 'float32');
  f32(backend, out).fill(0);
  return out;
}

/** Runs a kernel registered for wasm (its own C++/XNNPACK implementation or one of ours). */
export function run(backend: BackendWasm, name: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
  const kernel = getKernel(name, 'wasm');
  if (kernel === undefined) throw new Error(`wasm kernel '${name}' missing`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`wasm kernel '${name}' returned several outputs`);
  return out;
}

/** The same heap data seen with another shape (what the Reshape kernel does, without a refcount change). */
export function viewAs(t: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}

export function free(backend: BackendWasm, t: TensorInfo): void {
  backend.disposeData(t.dataId);
}

/** a [m, k] × b [k, n] -> [m, n], with the backend's fast (untransposed) matmul. */
export function matmul(backend: BackendWasm, a: TensorInfo, b: TensorInfo, m: number, k: number, n: number): TensorInfo {
  const out = run(backend, 'BatchMatMul', { a: viewAs(a, [1, m, k]), b: viewAs(b, [1, k, n]) }, { transposeA: false, transposeB: false });
  return viewAs(out, [m, n]);
}

export function transpose2d(backend: BackendWasm, t: TensorInfo, rows: number, cols: number): TensorInfo {
  return viewAs(run(backend, 'Transpose', { x: viewAs(t, [rows, cols]) }, { perm: [1, 0] }), [cols, rows]);
}

type Attrs = NamedAttrMap | undefined;

export function attrNumbers(attrs: Attrs, name: string): number[] {
  const v = attrs?.[name];
  if (Array.isArray(v) && v.every((n): n is number => typeof n === 'number')) return v;
  throw new Error(`kernel attribute '${name}' should be a list of numbers`);
}

export function attrPair(attrs: Attrs, name: string): number | [number, number] {
  const v = attrs?.[name];
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  throw new Error(`kernel attribute '${name}' should be a number or a pair`);
}

export function attrDilations(attrs: Attrs): number | [number, number] {
  return attrs?.['dilations'] === undefined ? 1 : attrPair(attrs, 'dilations');
}

type Explicit = backend_util.ExplicitPadding;

function isExplicit(v: unknown): v is Explicit {
  return Array.isArray(v) && v.length === 4 && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number'));
}

export function attrPad(attrs: Attrs): 'valid' | 'same' | number | Explicit {
  const v = attrs?.['pad'];
  if (v === 'valid' || v === 'same') return v === 'valid' ? 'valid' : 'same';
  if (typeof v === 'number') return v;
  if (isExplicit(v)) return v;
  throw new Error("kernel attribute 'pad' should be 'valid', 'same', a number or explicit padding");
}

export function attrRounding(attrs: Attrs): 'floor' | 'round' | 'ceil' | undefined {
  const v = attrs?.['dimRoundingMode'];
  if (v === 'floor') return 'floor';
  if (v === 'round') return 'round';
  return v === 'ceil' ? 'ceil' : undefined;
}

/** Conv2DInfo from a conv kernel's own attributes (tfjs's backprop kernels carry no `dilations`: then 1). */
export function attrConvInfo(attrs: Attrs, xShape: Shape4, filterShape: Shape4, depthwise: boolean): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(xShape, filterShape, attrPair(attrs, 'strides'), attrDilations(attrs), attrPad(attrs), attrRounding(attrs), depthwise);
}

type Shape4 = [number, number, number, number];

export function shape4(t: TensorInfo): [number, number, number, number] {
  const [a, b, c, d] = t.shape;
  if (t.shape.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined)
    throw new Error(`expected a 4-D tensor, got shape [${t.shape.join(', ')}]`);
  return [a, b, c, d];
}

export function tuple4(v: number[]): [number, number, number, number] {
  const [a, b, c, d] = v;
  if (v.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined) throw new Error(`expected 4 numbers, got [${v.join(', ')}]`);
  return [a, b, c, d];
}
