export type H5 = typeof import('h5wasm/node');
let loaded: Promise<H5> | null = null;

/**
 * h5wasm (the HDF5 C library in wasm) loads once, lazily, for both the reader of .h5/.keras weights
 * and the writer of exports: most commands never need it.
 */
export function h5wasm(): Promise<H5> {
  loaded ??= import('h5wasm/node').then(async (mod) => {
    await mod.ready;
    return mod;
  });
  return loaded;
}
