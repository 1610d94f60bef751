// `npm run fuzz -- --count 2000 [--seed N]`: the big fuzz run (every template, big ones included).
import { fuzz } from './harness';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} needs a whole number\n`);
    process.exit(2);
  }
  return value;
}

const count = option('count', 2000);
const seed = option('seed', 9);
async function main(): Promise<void> {
  const started = Date.now();
  const report = await fuzz({
    count,
    seed,
    big: true,
    onProgress: (done) => {
      if (done % 100 === 0) process.stderr.write(`${done}/${count} files\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${report.files} files, ${report.runs} runs (CLI commands and API calls) in ${seconds} s (slowest ${report.slowestMs.toFixed(0)} ms); exit codes ${JSON.stringify(report.byExit)}; ${report.failures.length} failures\n`,
  );
  const seen = new Set<string>();
  for (const f of report.failures) {
    const key = `${f.command}: ${f.problem}`;
    if (seen.has(key) && seen.size > 40) continue;
    seen.add(key);
    process.stdout.write(`FAIL ${f.mutant} [${f.command}] ${f.problem}\n    ${JSON.stringify(f.output.slice(0, 300))}\n`);
  }
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

void main();
