import { open } from 'node:fs/promises';

/** The header of an IDX file (MNIST's format): unsigned bytes, big-endian dimension sizes. */
export interface IdxHeader {
  readonly dims: readonly number[];
  /** Bytes before the data. */
  readonly headerBytes: number;
}

export type IdxHeaderResult = { readonly ok: true; readonly header: IdxHeader } | { readonly ok: false; readonly message: string };

/** Parses the magic number and dimensions; only type 0x08 (unsigned byte) is supported, as in MNIST. */
export function parseIdxHeader(bytes: Uint8Array): IdxHeaderResult {
  if (bytes.length < 4) return { ok: false, message: 'file is shorter than an IDX header' };
  if (bytes[0] !== 0 || bytes[1] !== 0) return { ok: false, message: 'not an IDX file (bad magic number)' };
  if (bytes[2] !== 0x08) return { ok: false, message: `IDX data type 0x${(bytes[2] ?? 0).toString(16)} is not unsigned bytes` };
  const rank = bytes[3] ?? 0;
  const headerBytes = 4 + 4 * rank;
  if (rank < 1 || bytes.length < headerBytes) return { ok: false, message: 'IDX header is truncated' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  return { ok: true, header: { dims, headerBytes } };
}

export type IdxReadResult =
  | { readonly ok: true; readonly dims: readonly number[]; readonly data: Uint8Array }
  | { readonly ok: false; readonly message: string };

/**
 * Reads an IDX file's header and its first `limit` items (all when omitted) without reading the rest:
 * tests and `--limit` runs stay fast on the 47 MB training images.
 */
export async function readIdx(path: string, limit = Infinity): Promise<IdxReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    return { ok: false, message: `cannot open ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const head = new Uint8Array(4 + 4 * 4);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const parsed = parseIdxHeader(head.subarray(0, bytesRead));
    if (!parsed.ok) return { ok: false, message: `${path}: ${parsed.message}` };
    const { dims, headerBytes } = parsed.header;
    const count = Math.min(dims[0] ?? 0, limit);
    const itemBytes = dims.slice(1).reduce((a, b) => a * b, 1);
    const data = new Uint8Array(count * itemBytes);
    const got = (await handle.read(data, 0, data.length, headerBytes)).bytesRead;
    if (got < data.length) return { ok: false, message: `${path}: file is truncated (${got} of ${data.length} bytes)` };
    return { ok: true, dims: [count, ...dims.slice(1)], data };
  } finally {
    await handle.close();
  }
}
