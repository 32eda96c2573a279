// SWC strips types without checking them (fast on 2 cores); `npm test` runs tsc --noEmit first.
const swc = (syntax) => [
  '@swc/jest',
  {
    module: { type: 'commonjs' },
    jsc: {
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
// These ship ESM only: Node 20.19 requires them natively, Jest needs them compiled to CommonJS.
const ESM_ONLY = ['jose'];
const transform = {
  '^.+\\.ts$': swc('typescript'),
  [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swc('ecmascript'),
};
const base = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};
// Every response an app under test sends is checked against its own /openapi.json (test/support/openapi-responses.ts).
const checkedResponses = ['<rootDir>/test/support/openapi-validation.setup.ts'];
module.exports = {
  // Top level: jest ignores testTimeout inside projects[], and hooks then time out at 5 s. A guard
  // against a hang, not a speed check: the OpenAPI fuzz and the agency matrix on the EventStoreDB
  // protocol fake take two to three minutes on a busy 2-core machine.
  testTimeout: 600_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/projections/**/*.spec.ts', '<rootDir>/demo/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      setupFilesAfterEnv: checkedResponses,
    },
    // The whole application again, on the EventStoreDB protocol fake with a real node's positions
    // (byte offsets with gaps; $all refused from any other number): every app the e2e harnesses
    // start gets a fresh in-process fake (test/support/test-ledger-store.ts).
    {
      ...base,
      displayName: 'e2e-esdb',
      setupFiles: ['<rootDir>/test/support/e2e-esdb.setup.js'],
      setupFilesAfterEnv: checkedResponses,
      testMatch: [
        '<rootDir>/test/e2e/**/*.e2e.spec.ts',
        '<rootDir>/test/read-models/*.e2e.spec.ts',
        '<rootDir>/test/evidence/**/*.spec.ts',
        '<rootDir>/test/ledger/*e2e*.spec.ts',
        '<rootDir>/test/client/*.e2e.spec.ts',
      ],
      testPathIgnorePatterns: [
        // No app and no ledger engine: they check pack files against a synthetic in-memory ledger,
        // so a second run would test nothing new.
        '/test/evidence/(pack-csv|pack-log-hashes|pack-scope|pack-summary|summary-pdf|version-2-event)\\.spec\\.ts$',
        // Names SQLite itself: it restarts the app on the same ledger file, which the fake cannot keep.
        '/test/read-models/projections-module\\.e2e\\.spec\\.ts$',
      ],
    },
  ],
};
