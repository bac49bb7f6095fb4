// Lint rules: TypeScript everywhere, and the determinism rules of STYLE.md for workflows/ and domain/.
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const ioPackages = ['@prisma/*', 'pg', 'minio', '@opensearch-project/*', 'express', 'fluent-ffmpeg', 'openai', 'axios',
  'node-fetch', 'undici', 'viem', '@temporalio/client', '@temporalio/worker', '@temporalio/activity']

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'generated/**', '.local/**', 'admin/**', 'storefronts/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows and domain code are deterministic: no Node built-ins.' })),
        patterns: [
          { group: ioPackages, message: 'No I/O clients in workflows or domain code.' },
          { group: ['**/activities', '**/activities/**'], allowTypeImports: true,
            message: 'Workflows import activities by type only: import type * as activities.' },
          { group: ['**/workers/**', '**/api/**', '**/prisma/**', '**/ops/**'], message: 'Dependencies point one way.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop.' },
        { name: 'fetch', message: 'No HTTP in workflows; call an activity.' },
        { name: 'process', message: 'No process access in workflows or domain code.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use uuid4() or pass randomness in.' },
        { object: 'Date', property: 'now', message: 'Use workflow time (Date in workflows is replay-safe) or pass time in.' },
      ],
    },
  },
)
