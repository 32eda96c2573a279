// typescript-eslint's recommended type-checked rules on the whole tree.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One no-restricted-imports rule per file (a later config's options replace an earlier one's), built
 * from entries each naming the files that may import what it restricts.
 */
function restrictedImports(entries) {
  const paths = (file) => entries.filter((e) => !e.allowedIn.includes(file)).map(({ allowedIn: _, ...path }) => path);
  const rule = (file) => ({ 'no-restricted-imports': ['error', { paths: paths(file) }] });
  const exempt = [...new Set(entries.flatMap((e) => e.allowedIn))];
  return [
    { files: ['**/*.ts'], ignores: exempt, rules: rule(undefined) },
    ...exempt.map((file) => ({ files: [file], rules: rule(file) })),
  ];
}

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
  ...restrictedImports([
    {
      // Every write carries CommandResponseInterceptor through src/http/write-routes.ts (no global interceptor).
      allowedIn: ['src/http/write-routes.ts'],
      name: '@nestjs/common',
      importNames: ['Post', 'Put', 'Patch', 'Delete'],
      message:
        "Write routes come from src/http/write-routes.ts: they carry the command response's ETag and idempotency.",
    },
    {
      // Applied at load, a decorator would cost every start and reorder the document against the deferred ones.
      allowedIn: ['src/shared/openapi/deferred-swagger.ts', 'src/shared/openapi/deferred-swagger.spec.ts'],
      name: '@nestjs/swagger',
      message:
        'OpenAPI decorators come from src/shared/openapi/deferred-swagger.ts: they are applied when the document is first built.',
    },
  ]),
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
