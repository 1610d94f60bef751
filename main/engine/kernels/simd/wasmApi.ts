/**
 * The slice of the WebAssembly JS API the SIMD tier uses. The Node tsconfig has no DOM lib (where
 * TypeScript declares WebAssembly), so the global is reached through a checked accessor instead of
 * pulling DOM types into all of main/.
 */

export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
export type WasmModule = object;
export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}
export interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<WasmInstance>;
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}

function isWasmApi(v: unknown): v is WasmApi {
  if (typeof v !== 'object' || v === null) return false;
  return (
    typeof Reflect.get(v, 'compile') === 'function' && typeof Reflect.get(v, 'instantiate') === 'function' && typeof Reflect.get(v, 'Memory') === 'function'
  );
}

/** The runtime's WebAssembly, or null where there is none. */
export function wasmApi(): WasmApi | null {
  const w: unknown = Reflect.get(globalThis, 'WebAssembly');
  return isWasmApi(w) ? w : null;
}

/** A mutable exported global (value get/set), as the module's __stack_pointer is. */
export interface WasmGlobal {
  value: unknown;
}

export function isWasmGlobal(v: unknown): v is WasmGlobal {
  return typeof v === 'object' && v !== null && 'value' in v;
}
