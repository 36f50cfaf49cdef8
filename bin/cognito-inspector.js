#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ (npm run build:node) so start-up stays lean.
import('../dist/main/cli/main.js')
  .then((m) => m.main(process.argv))
  .catch((err) => {
    process.stderr.write(`error[INTERNAL]: could not start cognito-inspector (${err && err.code ? err.code : 'load failed'})\n`);
    process.stderr.write('hint: run `npm run build:node` in the project, or reinstall the package\n');
    process.exitCode = 2;
  });
