import { allActions, type ActionGroup, type ActionId } from '../../../shared/actions';
import { templates } from '../../../shared/templates';

/** One line of the command palette: an action, or a template to open. */
export interface CommandItem {
  readonly key: string;
  readonly label: string;
  readonly group: ActionGroup | 'Template';
  readonly hint?: string;
  readonly run: { readonly action: ActionId } | { readonly template: string };
}

/** Every visible action, then every template ("Template: ResNet50"). */
export function commandItems(): CommandItem[] {
  const actions: CommandItem[] = allActions
    .filter((a) => a.hidden !== true)
    .map((a) => ({
      key: a.id,
      label: a.label,
      group: a.group,
      run: { action: a.id },
      ...(a.hint === undefined ? {} : { hint: a.hint }),
    }));
  const models: CommandItem[] = templates.map((t) => ({
    key: `template:${t.id}`,
    label: `Open Template: ${t.title}`,
    group: 'Template',
    run: { template: t.id },
  }));
  return [...actions, ...models];
}

/**
 * How well `query` matches `text`: every query character in order (a subsequence, as VS Code's
 * palette matches), scored higher for matches at word starts and runs of adjacent characters.
 * null when it does not match at all.
 */
export function matchScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let at = -1;
  for (const ch of q) {
    if (ch === ' ') continue;
    const next = t.indexOf(ch, at + 1);
    if (next < 0) return null;
    const wordStart = next === 0 || /[\s:/(–—-]/.test(t[next - 1] ?? ' ');
    score += (wordStart ? 8 : 1) + (next === at + 1 ? 4 : 0);
    at = next;
  }
  // Shorter labels win ties: "Save" before "Save As…" for "save".
  return score - t.length / 100;
}

/** The items matching `query`, best first (all of them, in list order, for an empty query). */
export function filterCommands(items: readonly CommandItem[], query: string): CommandItem[] {
  if (query.trim() === '') return [...items];
  return items
    .map((item, index) => ({ item, index, score: matchScore(query, `${item.label} ${item.hint ?? ''}`.trim()) }))
    .filter((x): x is { item: CommandItem; index: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);
}
