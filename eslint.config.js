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
      'engine/platform/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The architecture's import direction: folders other than entry points import only public faces.
    files: ['item-bank/**/*.ts', 'proctor/**/*.ts'],
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
    files: ['grading/**/*.ts'],
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
);
