import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

const MAX_RECENT = 12;
const storedSchema = z.object({ files: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })) });
type Stored = z.infer<typeof storedSchema>['files'][number];

export interface RecentFile extends Stored {
  readonly exists: boolean;
}

/** The recent-files list, kept as JSON in the config folder; most recent first, no duplicates. */
export function createRecentFiles(configDir: string, now: () => Date = () => new Date()) {
  const file = path.join(configDir, 'recent.json');

  async function load(): Promise<Stored[]> {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data.files : [];
    } catch {
      return []; // missing or broken: start a fresh list rather than fail the app
    }
  }

  return {
    async list(): Promise<RecentFile[]> {
      const files = await load();
      return Promise.all(
        files.map(async (f) => ({
          ...f,
          exists: await stat(f.path).then(
            (s) => s.isFile(),
            () => false,
          ),
        })),
      );
    },
    async add(filePath: string): Promise<void> {
      const files = (await load()).filter((f) => f.path !== filePath);
      files.unshift({ path: filePath, name: path.basename(filePath), openedAt: now().toISOString() });
      await writeFileAtomic(file, JSON.stringify({ files: files.slice(0, MAX_RECENT) }, null, 2));
    },
  };
}
export type RecentFiles = ReturnType<typeof createRecentFiles>;
