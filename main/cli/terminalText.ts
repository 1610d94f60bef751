import type { CliIo } from './command';

/**
 * Text from files reaches the terminal in names and messages. A terminal obeys control
 * sequences (ESC [2J clears the screen, ESC ] 0; sets the window title), and Unicode bidi
 * overrides reorder what is shown, so every such character is printed as a visible escape.
 * Newline and tab stay: they are the output's own layout. The escape is `\uXXXX`, which is
 * also valid inside JSON and Python strings, so escaped stdout stays valid JSON or Python.
 */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Echoed strings longer than this are cut with an ellipsis. */
export const MAX_ECHO = 200;
/** And no message line grows past this, however many names it quotes. */
export const MAX_MESSAGE_LINE = 2000;

/** `text` cut to `max` characters with an ellipsis (never in the middle of a surrogate pair). */
export function clip(text: string, max = MAX_ECHO): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A message line: long unbroken runs (echoed names, values) and the line itself clipped. */
export function clipMessageLine(line: string): string {
  if (line.length <= MAX_ECHO) return line;
  // A plain scan: a regex over a 10 MB run overflows V8's regex stack.
  const isBreak = (c: string) => c === ' ' || c === '\t' || c === "'" || c === '"';
  let out = '';
  let start = 0;
  for (let i = 0; i <= line.length && out.length <= MAX_MESSAGE_LINE; i++) {
    if (i < line.length && !isBreak(line[i] ?? '')) continue;
    out += clip(line.slice(start, i)) + (line[i] ?? '');
    start = i + 1;
  }
  return clip(out, MAX_MESSAGE_LINE);
}

/**
 * The io every command gets: stdout only escaped (it may be JSON or a script that must stay
 * whole), stderr — messages, which echo names from the file — escaped and clipped line by line.
 */
export function terminalIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(escapeControls(text)),
    err: (text) =>
      io.err(
        text
          .split('\n')
          .map((line) => clipMessageLine(escapeControls(line)))
          .join('\n'),
      ),
  };
}
