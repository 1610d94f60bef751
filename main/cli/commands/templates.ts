import { templates } from '../../../shared/templates';
import { exitOk, type CliCommand } from '../command';

export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: 'list the model templates (id and description; --names: ids only)',
  args: { positionals: [], options: [{ name: 'names', kind: 'flag', help: 'print only the ids, one per line' }] },
  run({ args, io }) {
    if (args.flags.has('names')) {
      for (const t of templates) io.out(`${t.id}\n`);
      return exitOk;
    }
    const width = Math.max(0, ...templates.map((t) => t.id.length));
    for (const t of templates) io.out(`${t.id.padEnd(width)}  ${t.description}\n`);
    return exitOk;
  },
};
