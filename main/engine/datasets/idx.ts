import { open } from 'node:fs/promises';
import { failure, success, type Outcome } from '../../../shared/api/outcome';

/** The header of an IDX file (MNIST's format): unsigned bytes, big-endian dimension sizes. */
export interface IdxHeader {
  readonly dims: readonly number[];
  /** Bytes before the data. */
  readonly headerBytes: number;
}

/** Parses the magic number and dimensions; only type 0x08 (unsigned byte) is supported, as in MNIST. */
export function parseIdxHeader(bytes: Uint8Array): Outcome<IdxHeader> {
  if (bytes.length < 4) return failure('file is shorter than an IDX header');
  if (bytes[0] !== 0 || bytes[1] !== 0) return failure('not an IDX file (bad magic number)');
  if (bytes[2] !== 0x08) return failure(`IDX data type 0x${(bytes[2] ?? 0).toString(16)} is not unsigned bytes`);
  const rank = bytes[3] ?? 0;
  const headerBytes = 4 + 4 * rank;
  if (rank < 1 || bytes.length < headerBytes) return failure('IDX header is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  return success({ dims, headerBytes });
}

/** The items read: their dimensions (the first is how many were read) and their bytes. */
export interface IdxItems {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/**
 * Reads an IDX file's header and its first `limit` items (all when omitted) without reading the rest:
 * tests and `--limit` runs stay fast on the 47 MB training images.
 */
export async function readIdx(path: string, limit = Infinity): Promise<Outcome<IdxItems>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    return failure(`cannot open ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const head = new Uint8Array(4 + 4 * 4);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const parsed = parseIdxHeader(head.subarray(0, bytesRead));
    if (!parsed.ok) return failure(`${path}: ${parsed.error.message}`);
    const { dims, headerBytes } = parsed.value;
    const count = Math.min(dims[0] ?? 0, limit);
    const itemBytes = dims.slice(1).reduce((a, b) => a * b, 1);
    const data = new Uint8Array(count * itemBytes);
    const got = (await handle.read(data, 0, data.length, headerBytes)).bytesRead;
    if (got < data.length) return failure(`${path}: file is truncated (${got} of ${data.length} bytes)`);
    return success({ dims: [count, ...dims.slice(1)], data });
  } finally {
    await handle.close();
  }
}
