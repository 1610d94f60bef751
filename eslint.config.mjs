// Lint keeps the layers honest: shared/ is pure, only main/electron imports electron,
// tfjs stays in the engine, the renderer never reaches into main/.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'zlib', 'util', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**', 'bench/**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'react', 'react-dom', '@xyflow/*', '@tensorflow/*', 'chart.js', 'node:*', ...nodeBuiltins], message: 'shared/ is pure TypeScript: no Electron, Node built-ins, DOM, React or tfjs.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing from main/ or renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'node:*', ...nodeBuiltins, '@tensorflow/tfjs-node*'], message: 'The renderer reaches IO only through its api client.' },
          { group: ['**/main/**'], message: 'renderer/ never imports main/.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Only main/electron/ imports electron.' },
          { group: ['**/renderer/**'], message: 'main/ never imports renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/engine/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Only main/electron/ imports electron.' },
          { group: ['@tensorflow/*'], message: 'tfjs is imported only by the engine (main/engine/).' },
          { group: ['**/renderer/**'], message: 'main/ never imports renderer/.' },
        ],
      }],
    },
  },
);
