#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ (npm run build:node) so start-up stays lean. Cached
// `credentials --format process` (run by AWS tools before every call) is answered before the
// command framework loads; everything else goes to the full CLI.
const fail = (err) => {
  process.stderr.write(`error[INTERNAL]: could not start cognito-inspector (${err && err.code ? err.code : 'load failed'})\n`);
  process.stderr.write('hint: run `npm run build:node` in the project, or reinstall the package\n');
  process.exitCode = 2;
};
const full = () => import('../dist/main/cli/main.js').then((m) => m.main(process.argv));
if (process.argv[2] === 'credentials' && process.argv.some((a) => a === 'process' || a === '--format=process')) {
  // One bundled file (npm run build:node): module loading is a large share of this path's time.
  import('../dist/main/cli/fast-route.bundle.js')
    .then((m) => m.tryFastCredentials(process.argv, process.env, (s) => process.stdout.write(s)))
    .then((done) => (done ? undefined : full()))
    .catch(fail);
} else {
  full().catch(fail);
}
