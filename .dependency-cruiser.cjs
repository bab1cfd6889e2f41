/**
 * The layering rule of docs/architecture.md, checked in CI (`npm run depcheck`).
 * Allowed: domain -> nothing; contracts -> domain; db -> domain; app -> domain, db, contracts;
 * fhir -> domain; http -> app, contracts, fhir, domain; cli -> anything but web;
 * web -> domain, contracts. No cycles anywhere.
 */
const layer = (name) => `^src/${name}/`;
const notAllowed = (from, forbidden) => ({
  name: `${from}-may-not-import-${forbidden.join('-')}`,
  severity: 'error',
  from: { path: from === 'web' ? '^web/' : layer(from) },
  to: { path: forbidden.map((f) => (f === 'web' ? '^web/' : layer(f))).join('|') },
});

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    notAllowed('domain', ['contracts', 'app', 'db', 'fhir', 'http', 'cli', 'web']),
    {
      name: 'domain-is-pure',
      comment: 'The domain does no I/O: no Node built-ins, no database or HTTP packages.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-only-pure-packages',
      severity: 'error',
      from: { path: layer('domain') },
      to: { dependencyTypes: ['npm', 'npm-dev'], pathNot: 'node_modules/(temporal-polyfill)/' },
    },
    notAllowed('contracts', ['app', 'db', 'fhir', 'http', 'cli', 'web']),
    notAllowed('db', ['contracts', 'app', 'fhir', 'http', 'cli', 'web']),
    // app may read contracts: it stores the programme case in its wire form and re-parses it
    notAllowed('app', ['fhir', 'http', 'cli', 'web']),
    notAllowed('fhir', ['contracts', 'app', 'db', 'http', 'cli', 'web']),
    notAllowed('http', ['db', 'cli', 'web']),
    notAllowed('cli', ['web']),
    notAllowed('web', ['app', 'db', 'fhir', 'http', 'cli']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.(test|int\\.test|spec)\\.tsx?$', '/testing/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
