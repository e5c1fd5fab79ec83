// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'dist/**',
      'coverage/**',
      '**/dist/**',
      '**/dist.next-*/**',
      '**/dist.old-*/**',
      'engine/platform/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The candidate page's service worker: a plain script the browser runs as a worker.
    files: ['delivery-client/public/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(['self', 'caches', 'fetch', 'URL'].map((name) => [name, 'readonly'])),
    },
  },
  {
    // Our PCI fixtures are the modules a PCI ships: plain browser scripts loaded by the PCI runtime's define().
    files: ['item-bank/test/pci/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'define',
          'document',
          'navigator',
          'window',
          'Blob',
          'FileReader',
          'MediaRecorder',
          'URL',
          'atob',
          'btoa',
          'setTimeout',
          'clearTimeout',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The architecture's import direction: folders other than entry points import only public faces.
    files: ['item-bank/**/*.{ts,tsx}', 'proctor/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '**/grading/**', '**/delivery-client/**'],
              message: 'item-bank and proctor import no other top-level folder.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['grading/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '**/proctor/**', '**/delivery-client/**'],
              message: 'grading imports only item-bank (model).',
            },
            {
              group: ['**/item-bank/*/**', '!**/item-bank/index.ts'],
              message: 'Import item-bank through its public face.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser apps speak to the engine through its protocol face only, and use the item bank's and
    // proctoring's browser faces; cross-folder tests live in system-tests/.
    files: ['delivery-client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '!**/engine/client.ts'],
              message: 'delivery-client imports only engine/client.ts (the realtime protocol).',
            },
            {
              group: ['**/grading/**', '**/scripts/**', '**/load-tests/**'],
              message: 'Not from the browser apps.',
            },
            {
              group: ['**/item-bank/**', '!**/item-bank/client.ts', '**/proctor/**', '!**/proctor/client.ts'],
              message: 'Import item-bank and proctor through their client.ts faces.',
            },
          ],
        },
      ],
    },
  },
  ...engineCapabilityRules(),
);

/**
 * Inside engine/, capabilities depend downward only (ARCHITECTURE.md): platform and protocol <- people <-
 * bank <- sittings <- delivery <- proctoring, results <- records. The composition root (engine.ts, app.ts,
 * client-pages.ts, index.ts, demo/, tests/) may import any of them; no capability imports it back. A
 * capability's own tests follow the same map; tests that boot the whole engine live in engine/tests/. Other
 * top-level folders are reached through their index.ts only, and never delivery-client.
 */
function engineCapabilityRules() {
  const order = [
    ['platform', 'protocol'],
    ['people'],
    ['bank'],
    ['sittings'],
    ['delivery'],
    ['proctoring', 'results'],
    ['records'],
    ['centres'],
  ];
  const root = ['**/engine.ts', '**/app.ts', '**/client-pages.ts', '**/engine/index.ts', '**/demo/**'];
  const faces = {
    group: [
      '**/item-bank/**',
      '!**/item-bank/index.ts',
      '**/grading/**',
      '!**/grading/index.ts',
      '**/proctor/**',
      '!**/proctor/index.ts',
      '**/delivery-client/**',
      '**/scripts/**',
      '**/load-tests/**',
      '**/system-tests/**',
    ],
    message: 'engine/ reaches item-bank, grading and proctor through their index.ts only (ARCHITECTURE.md).',
  };
  const configs = [
    {
      files: ['engine/*.ts', 'engine/demo/**/*.ts', 'engine/tests/**/*.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [faces] }] },
    },
  ];
  order.forEach((level, index) => {
    // Same level (but itself) and every level above are out of reach.
    const above = order.slice(index + 1).flat();
    for (const capability of level) {
      const forbidden = [...above, ...level.filter((c) => c !== capability)].map((c) => `**/${c}/**`);
      const rule = () => [
        'error',
        {
          patterns: [
            faces,
            {
              group: [...forbidden, ...root, '**/tests/**'],
              message: `engine/${capability} may import only capabilities below it (${
                order.slice(0, index).flat().join(', ') || 'none'
              }) and never the composition root (ARCHITECTURE.md, "Inside engine/").`,
            },
          ],
        },
      ];
      configs.push({ files: [`engine/${capability}/**/*.ts`], rules: { 'no-restricted-imports': rule() } });
    }
  });
  return configs;
}
