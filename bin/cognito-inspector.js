#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ (npm run build:node) so start-up stays lean. Cached
// `credentials --format process` (run by AWS tools before every call), `token` and `status` are
// answered before the command framework loads; everything else goes to the full CLI.
const fail = (err) => {
  process.stderr.write(`error[INTERNAL]: could not start cognito-inspector (${err && err.code ? err.code : 'load failed'})\n`);
  process.stderr.write('hint: run `npm run build:node` in the project, or reinstall the package\n');
  process.exitCode = 2;
};
const full = () => import('../dist/main/cli/main.js').then((m) => m.main(process.argv));
const fastCredentials = process.argv[2] === 'credentials' && process.argv.some((a) => a === 'process' || a === '--format=process');
// Cached `token` and `status` too: scripts call them in loops (curl -H "Authorization: Bearer $(...)").
const fastSession = process.argv[2] === 'token' || process.argv[2] === 'status';
if (fastCredentials || fastSession) {
  // One bundled file (npm run build:node): module loading is a large share of this path's time.
  const write = (s) => process.stdout.write(s);
  import('../dist/main/cli/fast-route.bundle.js')
    .then((m) => (fastCredentials ? m.tryFastCredentials(process.argv, process.env, write) : m.tryFastSession(process.argv, process.env, write)))
    .then((done) => (done ? undefined : full()))
    .catch(fail);
} else {
  full().catch(fail);
}
