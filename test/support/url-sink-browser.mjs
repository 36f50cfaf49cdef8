#!/usr/bin/env node
// A "system browser" for `--browser-command "node test/support/url-sink-browser.mjs"` that opens
// nothing: it hands the URL to the test (POST to $URL_SINK), which opens it in its own Chromium page
// like a person would. Plain JS: runs without a build.
const url = process.argv.at(-1);
const sink = process.env.URL_SINK;
if (!sink) {
  process.stderr.write('url-sink-browser: URL_SINK is not set\n');
  process.exit(1);
}
await fetch(sink, { method: 'POST', body: url });
