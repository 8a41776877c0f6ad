import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'timers', 'tls', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', '.tools', 'db/migrations', 'tests/.tmp', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code and the domain modules workflows import must stay deterministic and I/O-free.
    files: ['workflows/**/*.ts', 'domain/**/*.ts', 'domain/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)].map((name) => ({ name, message: 'No Node built-ins in workflow or domain code.' })),
          patterns: [
            { group: ['**/db/**', '**/api/**', '**/runtime/**', 'pg', '@electric-sql/*', 'nodemailer', 'drizzle-orm*'], message: 'No I/O in workflow or domain code.' },
          ],
        },
      ],
    },
  },
  {
    // Layers: the API is the outermost; activities and the runtime serve it and never reach into it
    // (what both need, like the read model, lives in db/ or domain/). Import cycles: `npm run lint`'s dpdm.
    files: ['activities/**/*.ts', 'runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/api', '**/api/**'], message: 'Activities and the runtime do not import the API: move what both need to db/ or domain/.' }] }],
    },
  },
  {
    // Domain code is pure: bytes arrive as Uint8Array (callers in api/ and activities/ convert), no Node globals.
    files: ['domain/**/*.ts', 'domain/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Domain code takes Uint8Array; convert Buffers in api/ or activities/.' },
        { name: 'process', message: 'Domain code reads no environment; pass values in.' },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
