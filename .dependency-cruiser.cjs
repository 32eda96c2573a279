/**
 * The architecture's import rules, checked by `npm run lint:deps` (dependency-cruiser, in the style
 * of Sairyss/domain-driven-hexagon). Layers, lowest first:
 *   shared/  ->  ledger/ (event store, command runner, integrity, digests)  ->  the bounded contexts
 *   (src/<context>/)  ->  the edge and read side (http/, auth/, health/, src/read-models/, src/*.ts).
 * projections/ (repo root) holds pure read-model definitions. Every rule is an error.
 *
 * Exceptions, each narrow and for a reason:
 * - the composition root src/contexts.ts imports each context's Nest module file (nobody else in src/);
 * - the ledger's own HTTP adapters (its controllers, DTOs and command slices) use the edge's decorators and problem
 *   helpers like every other controller; the rest of the ledger may not;
 * - tests: test/<context>/ may reach the internals of the context it tests (test/evidence: the pack
 *   builder and verifier piece by piece); a test may import a context's Nest module to compose an app;
 *   test/e2e/personal-data.e2e.spec.ts reads the ledger with a fresh privacy key store.
 *   Unit specs next to the code follow the rules of the folder they are in.
 */
const CONTEXTS =
  'actions|assurance|case-reviews|decisions|escalations|evidence|forward-plan|funding|inspections|meetings|partners|privacy|risks|signoffs';
const CONTEXT = `^src/(${CONTEXTS})/`;
/**
 * A context's public surfaces: index.ts (pure: domain and types), http-surface.ts (pipes the read
 * side shares), services.ts (stateful services other layers run: privacy's key store and scheduler)
 * and testing.ts (sample events its own specs and the read models' specs share; specs only).
 */
const CONTEXT_INDEX = `^src/(${CONTEXTS})/(index|http-surface|services|testing)\\.ts$`;
const CONTEXT_MODULE = `^src/(${CONTEXTS})/[^/]+\\.module\\.ts$`;
/** Frameworks, drivers and node's I/O modules: what a pure decider or read model must never touch. */
const IO_AND_FRAMEWORK = [
  // npm packages as resolved (node_modules may be a symlink, so not anchored), or unresolved by name
  '(^|/)node_modules/(@nestjs|@eventstore|@grpc|@fastify|fastify|better-sqlite3|pdfkit|yazl|yauzl|jose)/',
  '^(@nestjs|@eventstore|@grpc|@fastify|fastify|better-sqlite3|pdfkit|yazl|yauzl|jose)(/|$)',
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|cluster|worker_threads|readline|os|process)$',
];
/** The one form of a rule: modules matching `from` may not import modules matching `to`; always an error. */
const rule = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });
/**
 * The form of the boundary rules: modules `from` reach a bounded context only through `allowed`
 * (its public surfaces, their own context's folder, a Nest module to compose an app).
 */
const contextsOnlyThrough = (name, comment, from, allowed) =>
  rule(name, comment, from, { path: CONTEXT, pathNot: allowed });

module.exports = {
  forbidden: [
    rule(
      'no-circular',
      'A cycle makes load order decide what is defined (Nest then injects undefined). Break it with a port.',
      {},
      { circular: true },
    ),
    rule(
      'pure-domain-and-read-models',
      'Deciders (src/<context>/domain/) and read-model definitions (projections/) are pure functions of ' +
        'their input: no Nest, no store driver, no file, network or process I/O.',
      { path: ['^src/[^/]+/domain/', '^projections/'] },
      { path: IO_AND_FRAMEWORK },
    ),
    contextsOnlyThrough(
      'no-reaching-into-another-context',
      'Another context (or layer) is reached through its public surface, src/<context>/index.ts, only.',
      { path: '^src/([^/]+)/' },
      ['^src/$1/', CONTEXT_INDEX],
    ),
    contextsOnlyThrough(
      'outside-src-only-through-context-index',
      "projections/, demo/, bench/, scripts/ and src/'s root files see a context through its index only.",
      {
        path: ['^projections/', '^demo/', '^bench/', '^scripts/', '^src/[^/]+\\.ts$'],
        pathNot: '^src/contexts\\.ts$',
      },
      CONTEXT_INDEX,
    ),
    contextsOnlyThrough(
      'composition-root-imports-index-or-module',
      "src/contexts.ts registers each context's Nest module; anything else comes from the index.",
      { path: '^src/contexts\\.ts$' },
      [CONTEXT_INDEX, CONTEXT_MODULE],
    ),
    contextsOnlyThrough(
      'tests-reach-only-what-they-test',
      'A test may reach the internals of the context it tests (test/<context>/); others use the index ' +
        '(or a Nest module, to compose an app).',
      {
        path: '^test/([^/]+)/',
        // personal-data: see below; version-2-event replaces the action codec in the module that defines it.
        pathNot: ['^test/e2e/personal-data\\.e2e\\.spec\\.ts$', '^test/evidence/version-2-event\\.spec\\.ts$'],
      },
      ['^src/$1/', CONTEXT_INDEX, CONTEXT_MODULE],
    ),
    contextsOnlyThrough(
      'privacy-suite-reaches-only-privacy',
      "The personal-data suite reads the ledger with a fresh key store (privacy's internals), nothing else.",
      { path: '^test/e2e/personal-data\\.e2e\\.spec\\.ts$' },
      ['^src/privacy/', CONTEXT_INDEX],
    ),
    rule(
      'ledger-imports-no-context',
      'The ledger sits below every context: where it needs one, it declares a port the context provides ' +
        '(PersonalDataSealer). It does not import the read side or the composition root either.',
      { path: '^src/ledger/' },
      { path: [CONTEXT, '^src/(read-models|startup)/', '^demo/', '^src/[^/]+\\.ts$'] },
    ),
    rule(
      'ledger-core-imports-no-edge',
      'The ledger does not import http/ or auth/; only its own HTTP adapters (controllers, DTOs, command slices) sit at the edge.',
      { path: '^src/ledger/', pathNot: ['/http/', '/commands/', '\\.controller\\.ts$', '\\.dto\\.ts$'] },
      { path: '^src/(http|auth)/' },
    ),
    rule(
      'client-stands-alone',
      "clients/ ship to front ends: they import each other and npm packages (openapi-fetch), never the service's code.",
      { path: '^clients/' },
      { path: '^(src|projections|demo|bench|scripts|test)/' },
    ),
    rule(
      'client-runs-in-browsers',
      "clients/ run in browsers: no node module (fs, http...); fetch and streams are the platform's.",
      { path: '^clients/' },
      { dependencyTypes: ['core'] },
    ),
    rule(
      'v8-flags-set-only-by-main',
      "heap-settings sets the service's V8 flags on import, safe only first thing in a fresh process: set in one " +
        'that has run a while (a jest worker), --memory-reducer-single-gc can kill it. Read the flags from ' +
        'service-v8-flags.ts instead.',
      { pathNot: '^src/main\\.ts$' },
      { path: '^src/startup/heap-settings\\.ts$' },
    ),
    rule(
      'testing-surface-only-in-specs',
      "A context's testing.ts holds sample events for specs: the service, demo and bench never load it.",
      { pathNot: ['\\.spec\\.ts$', '^test/', '/testing/'] },
      { path: `^src/(${CONTEXTS})/testing\\.ts$` },
    ),
    rule(
      'shared-imports-only-shared',
      'shared/ is the bottom layer: it imports nothing else of ours (no ledger, no context, no edge).',
      { path: '^src/shared/' },
      { path: ['^src/', '^projections/'], pathNot: '^src/shared/' },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // npm packages stay in the graph as leaves (not excluded): the purity rule matches them.
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
