/**
 * The runtime import graph (type-only imports erased, as the compiler erases them): what a module
 * actually loads. Checked by `npm run lint:deps` after the rules in .dependency-cruiser.cjs.
 */
const base = require('./.dependency-cruiser.cjs');
/** The same frameworks, drivers and I/O modules the purity rule names. */
const IO_AND_FRAMEWORK = base.forbidden.find((rule) => rule.name === 'pure-domain-and-read-models').to.path;

module.exports = {
  forbidden: [
    {
      name: 'read-models-reach-no-framework',
      severity: 'error',
      comment:
        "projections/ decode events through the aggregates' codecs, so they import contexts' public surfaces; " +
        'nothing they reach, however indirectly, may load Nest, a store driver or I/O.',
      from: { path: '^projections/', pathNot: '\\.spec\\.ts$' },
      to: { path: IO_AND_FRAMEWORK, reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
