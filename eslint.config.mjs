// typescript-eslint's recommended type-checked rules on the whole tree.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Port implementations are async by contract: an async body that throws rejects the promise, where a
      // plain function returning Promise.resolve() would throw synchronously into callers that only .catch().
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // SQLite re-prepares a statement with a bare `LIMIT ?` on every run (src/shared/bound-limit.ts).
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/LIMIT\\s+\\?/i]', 'TemplateElement[value.raw=/LIMIT\\s+\\?/i]'].map((selector) => ({
          selector,
          message:
            'A bare LIMIT ? makes SQLite re-prepare the statement on every run: use BOUND_LIMIT (src/shared/bound-limit.ts).',
        })),
      ],
    },
  },
  {
    // Every write carries CommandResponseInterceptor through src/http/write-routes.ts (no global interceptor).
    files: ['**/*.ts'],
    ignores: ['src/http/write-routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: ['Post', 'Put', 'Patch', 'Delete'],
              message:
                "Write routes come from src/http/write-routes.ts: they carry the command response's ETag and idempotency.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read HTTP and JSON bodies, which are untyped by nature: asserting on them is the point.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
