import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { isProjectJson, parseProjectText, type Project } from '../../../shared/project';

/** A dropped file as model.import takes it. */
export interface DroppedFile {
  readonly name: string;
  readonly base64: string;
}

/**
 * The largest drop sent to the app's server: its requests stop at 256 MiB and base64 adds a third,
 * so 180 MiB of files still fit. A bigger model is opened with File → Open, which reads it in place.
 */
export const MAX_DROP_BYTES = 180 * 1024 * 1024;

/**
 * Which dropped file is the model: a project, a .keras, an .h5 model, a model.json, then other
 * JSON; weights files (.weights.h5) and TF.js shards (.bin) are what sits beside it. Null when
 * nothing dropped can be a model, so the refusal can say so before any bytes travel.
 */
export function rankForOpening(name: string): number | null {
  const n = name.toLowerCase();
  if (n.endsWith('.blockprop.json')) return 0;
  if (n.endsWith('.keras')) return 1;
  if (n.endsWith('.weights.h5') || n.endsWith('.bin')) return null;
  if (n.endsWith('.h5') || n.endsWith('.hdf5')) return 2;
  if (n === 'model.json') return 3;
  if (n.endsWith('.json')) return 4;
  return null;
}

/** The files in the order model.import wants them (the model first), or why none can be opened. */
export function orderDropped<T extends { readonly name: string; readonly size: number }>(files: readonly T[]): Outcome<T[]> {
  if (files.length === 0) return failure('Nothing to open: drop a model or project file (not a folder or text).');
  const ranked = files.map((f) => ({ f, rank: rankForOpening(f.name) })).filter((r): r is { f: T; rank: number } => r.rank !== null);
  const primary = ranked.sort((a, b) => a.rank - b.rank)[0]?.f;
  if (primary === undefined) {
    const names = files
      .slice(0, 3)
      .map((f) => `'${f.name}'`)
      .join(', ');
    return failure(
      `${names}${files.length > 3 ? ', …' : ''} ${files.length === 1 ? 'is not a file Blockprop opens' : 'are not files Blockprop opens'}. Drop a Keras model (.keras, .h5), Keras JSON, a TF.js model.json (with its .bin files) or a .blockprop.json project.`,
    );
  }
  const total = files.reduce((a, f) => a + f.size, 0);
  if (total > MAX_DROP_BYTES) {
    return failure(
      `'${primary.name}' and the files with it are ${Math.round(total / (1024 * 1024))} MiB; a drop can carry at most ${MAX_DROP_BYTES / (1024 * 1024)} MiB. Open it with File → Open instead.`,
    );
  }
  return success([primary, ...files.filter((f) => f !== primary)]);
}

/** Bytes as base64, in slices (String.fromCharCode on a whole 100 MB array overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A dropped project's settings (training, dataset, runs), read here: model.import brings back only its graph and weights. */
export function projectOf(bytes: Uint8Array): Project | null {
  const text = new TextDecoder().decode(bytes);
  try {
    if (!isProjectJson(JSON.parse(text))) return null;
  } catch {
    return null;
  }
  const parsed = parseProjectText(text);
  return parsed.ok ? parsed.value.project : null;
}
