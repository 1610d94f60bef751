import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import { isJsonObject } from '../../shared/json';
import { parseProject } from '../../shared/project';
import { writeFileAtomic } from './atomicWrite';
import { describeFsError, errnoCode } from './fsErrors';

const envelopeSchema = z.object({ format: z.literal('blockprop-recovery'), savedAt: z.string(), path: z.string().nullable(), project: z.unknown() });

/**
 * Autosave goes to one recovery file in the config folder, never to the project file. It is
 * removed when the work is saved or deliberately discarded, so finding it at start-up means the
 * last session ended with unsaved work (a crash or a kill): the renderer offers to restore it.
 */
export function createRecoveryService(deps: { configDir: string; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const file = path.join(deps.configDir, 'recovery.blockprop.json');

  async function read(): Promise<z.infer<typeof envelopeSchema> | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = envelopeSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  return {
    file,
    async autosave(request: ParsedRequestOf<'project.autosave'>): Promise<ResultOf<'project.autosave'>> {
      const savedAt = now().toISOString();
      try {
        await writeFileAtomic(file, JSON.stringify({ format: 'blockprop-recovery', savedAt, path: request.path, project: request.project }));
        return ok({ savedAt });
      } catch (error) {
        return fail('io-error', describeFsError(error, 'autosave to', file));
      }
    },
    async check(): Promise<ResultOf<'recovery.check'>> {
      const envelope = await read();
      if (envelope === null) return ok({ available: false });
      const graph = isJsonObject(envelope.project) && isJsonObject(envelope.project['graph']) ? envelope.project['graph'] : null;
      const graphName = graph !== null && typeof graph['name'] === 'string' ? graph['name'] : 'untitled';
      const name = envelope.path !== null ? path.basename(envelope.path) : graphName;
      return ok({ available: true, savedAt: envelope.savedAt, path: envelope.path, name });
    },
    async restore(): Promise<ResultOf<'recovery.restore'>> {
      const envelope = await read();
      if (envelope === null) return fail('not-found', 'There is no unsaved work to restore.');
      const parsed = parseProject(envelope.project);
      if (!parsed.ok) return fail('bad-file', `The unsaved work could not be restored: ${parsed.error.message}`);
      const { project, warnings } = parsed.value;
      return ok({ project, path: envelope.path, savedAt: envelope.savedAt, warnings: [...warnings] });
    },
    async discard(): Promise<ResultOf<'recovery.discard'>> {
      try {
        await unlink(file);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') return fail('io-error', describeFsError(error, 'remove', file));
      }
      return ok({});
    },
  };
}
export type RecoveryService = ReturnType<typeof createRecoveryService>;
