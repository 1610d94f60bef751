// Builds the optional native kernel tier (native/src → build/native/blockprop_kernels.node) with
// the system C++ compiler directly: no node-gyp. Runs on `npm install` (after the bundles) and as
// `npm run build:native`. It never fails the install: without a compiler, without Node's headers or
// on a compile error it prints one line and exits 0, and training uses the wasm tier.
//
// -O3 -march=native is deliberate: the addon is built on the machine that runs it (it is not
// shipped prebuilt), so it uses that CPU's widest vectors (AVX-512 / AVX2 / NEON).
//
// BLAS: Accelerate on macOS; elsewhere OpenBLAS when pkg-config or the usual library folders know
// it; otherwise our own GEMM alone. BLOCKPROP_BLAS=none builds without BLAS; BLOCKPROP_NATIVE=0
// skips the build.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const srcDir = path.join(root, 'native', 'src');
const outDir = path.join(root, 'build', 'native');
const outFile = path.join(outDir, 'blockprop_kernels.node');
// What the addon was compiled for (-march=native): main/engine/kernels/nativeTier.ts refuses to load
// it on a CPU lacking any of these instruction sets (a copied or packaged build), instead of crashing.
const cpuFile = path.join(outDir, 'blockprop_kernels.json');
// The same filter as nativeTier.ts's cpuFeatures(): the /proc/cpuinfo flags that name instruction sets.
const isaFlag = /^(avx|sse|ssse|fma|f16c|bmi|amx|vaes|vpclmul|gfni|movbe|popcnt|adx|sha|abm|lzcnt)/;

function buildCpu() {
  let flags = [];
  if (process.platform === 'linux') {
    try {
      const line =
        readFileSync('/proc/cpuinfo', 'utf8')
          .split('\n')
          .find((l) => /^(flags|Features)\s*:/.test(l)) ?? '';
      flags = line
        .replace(/^[^:]*:/, '')
        .trim()
        .split(/\s+/)
        .filter((f) => isaFlag.test(f) || process.arch !== 'x64');
    } catch {
      // no /proc: the model name below still guards
    }
  }
  return { platform: process.platform, arch: process.arch, model: os.cpus()[0]?.model ?? '', flags };
}

const skip = (reason) => {
  console.log(`blockprop: native kernels skipped (${reason}); training uses the wasm tier`);
  process.exit(0);
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600_000 });
  return { ok: r.status === 0 && !r.error, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, missing: r.error?.code === 'ENOENT' };
}

function findCompiler() {
  const candidates = [process.env.CXX, 'c++', 'g++', 'clang++'].filter(Boolean);
  for (const cxx of candidates) if (run(cxx, ['--version']).ok) return cxx;
  return undefined;
}

function findHeaders() {
  const candidates = [path.join(process.execPath, '..', '..', 'include', 'node'), '/usr/include/node', '/usr/local/include/node', '/opt/homebrew/include/node'];
  return candidates.find((dir) => existsSync(path.join(dir, 'node_api.h')));
}

/** Compiler flags and a name for the BLAS to link, or undefined for our own GEMM only. */
function findBlas() {
  if (process.env.BLOCKPROP_BLAS === 'none') return undefined;
  if (process.platform === 'darwin') return { name: 'Accelerate', flags: ['-DBP_ACCELERATE', '-framework', 'Accelerate'] };
  const pc = run('pkg-config', ['--cflags', '--libs', 'openblas']);
  if (pc.ok && /-lopenblas/.test(pc.out)) {
    const flags = pc.out.trim().split(/\s+/);
    const libDir = flags.find((f) => f.startsWith('-L'));
    return { name: 'OpenBLAS', flags: ['-DBP_OPENBLAS', ...flags, ...(libDir ? [`-Wl,-rpath,${libDir.slice(2)}`] : [])] };
  }
  const dirs = ['/usr/lib', '/usr/local/lib', '/usr/lib64', '/opt/OpenBLAS/lib'];
  for (const base of ['/usr/lib', '/usr/lib64']) {
    try {
      for (const d of readdirSync(base)) if (/-linux-gnu/.test(d)) dirs.push(path.join(base, d));
    } catch {
      // no such folder
    }
  }
  for (const dir of dirs) {
    if (existsSync(path.join(dir, 'libopenblas.so')) || existsSync(path.join(dir, 'libopenblas.dylib'))) {
      return { name: 'OpenBLAS', flags: ['-DBP_OPENBLAS', `-L${dir}`, '-lopenblas', `-Wl,-rpath,${dir}`] };
    }
  }
  return undefined;
}

/** Compiles into a temporary file, checks that it loads in a fresh Node, then moves it in place. */
function build(cxx, headers, blas) {
  const sources = readdirSync(srcDir)
    .filter((f) => f.endsWith('.cc'))
    .map((f) => path.join(srcDir, f));
  // A .node name: require() loads addons by extension.
  const tmp = path.join(outDir, `blockprop_kernels.tmp-${process.pid}.node`);
  const arch = process.arch === 'arm64' ? ['-mcpu=native'] : ['-march=native'];
  const args = [
    '-std=c++17',
    '-O3',
    ...arch,
    '-ffp-contract=fast',
    '-fPIC',
    '-shared',
    '-fvisibility=hidden',
    '-pthread',
    '-Wall',
    '-Wno-unknown-pragmas',
    `-I${headers}`,
    ...sources,
    '-o',
    tmp,
    ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : []),
    ...(blas ? blas.flags : []),
  ];
  const compiled = run(cxx, args);
  if (!compiled.ok) {
    rmSync(tmp, { force: true });
    return { ok: false, reason: `compile error: ${compiled.out.split('\n').find((l) => /error/.test(l)) ?? compiled.out.split('\n')[0]}`.slice(0, 200) };
  }
  const probe = run(process.execPath, ['-e', `const m = require(${JSON.stringify(tmp)}); if (typeof m.conv2d !== 'function') process.exit(3);`]);
  if (!probe.ok) {
    rmSync(tmp, { force: true });
    return { ok: false, reason: `the built addon does not load: ${probe.out.split('\n').find((l) => /Error/.test(l)) ?? 'unknown error'}`.slice(0, 200) };
  }
  renameSync(tmp, outFile);
  writeFileSync(cpuFile, `${JSON.stringify(buildCpu(), null, 1)}\n`);
  return { ok: true };
}

function main() {
  if (process.env.BLOCKPROP_NATIVE === '0') skip('BLOCKPROP_NATIVE=0');
  if (process.platform === 'win32') skip('building them on Windows is not supported yet');
  if (!existsSync(srcDir)) skip('native/src is missing');
  const cxx = findCompiler();
  if (!cxx) skip('no C++ compiler found: install g++ or clang++ and run `npm run build:native`');
  const headers = findHeaders();
  if (!headers) skip("Node's headers (node_api.h) were not found: install Node's development headers and run `npm run build:native`");
  mkdirSync(outDir, { recursive: true });

  const blas = findBlas();
  let result = build(cxx, headers, blas);
  let used = blas?.name;
  if (!result.ok && blas) {
    // A BLAS that is found but does not link or load: our own GEMM still gives the fast tier.
    const first = result.reason;
    result = build(cxx, headers, undefined);
    used = undefined;
    if (result.ok) console.log(`blockprop: ${blas.name} unusable (${first}); building with the built-in GEMM`);
  }
  if (!result.ok) {
    // An addon left from an older build would no longer match these sources.
    rmSync(outFile, { force: true });
    rmSync(cpuFile, { force: true });
    skip(result.reason);
  }
  let detail = '';
  try {
    detail = execFileSync(
      process.execPath,
      ['-e', `const i = require(${JSON.stringify(outFile)}).info(); console.log(i.isa + ', ' + i.threads + ' threads')`],
      { encoding: 'utf8' },
    ).trim();
  } catch {
    detail = 'unknown CPU';
  }
  console.log(`blockprop: native kernels built (${used ?? 'built-in GEMM'}, ${detail}) → ${path.relative(root, outFile)}`);
}

try {
  main();
} catch (e) {
  // Whatever went wrong (a folder that cannot be written, a tool that crashed), never fail the install.
  skip(
    String(e instanceof Error ? e.message : e)
      .split('\n')[0]
      .slice(0, 200),
  );
}
