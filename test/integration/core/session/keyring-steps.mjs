#!/usr/bin/env node
// Run by keychain-problems.test.ts inside its own `dbus-run-session -- scripts/with-keyring.sh`, so
// locking and unlocking the login collection touches only this private keyring. Runs the steps in
// $STEPS (JSON) in order and prints one JSON line with a result per step:
//   {"cli": [args]}      the built CLI (bin/cognito-inspector.js): {code, stdout, stderr}
//   {"do": "lock"}       locks the login collection (as a screen lock does)
//   {"do": "unlock"}     unlocks it with its password (gnome-keyring-daemon --replace --unlock),
//                        then waits until the Secret Service reports it unlocked
//   {"do": "store", "op": "set"|"get", "account", "value"?}  the app's keychain store (retrying,
//                        as the desktop core wires it), kept across steps: {ok, value?, persistent, recovered}
//   {"do": "keychain-get", "account"}  a fresh store's read, straight from the keychain: {value}
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.env.ROOT;
const steps = JSON.parse(process.env.STEPS ?? '[]');
const { createSystemSecretStore } = await import(join(root, 'dist/main/core/secrets/system-store.js'));
let recovered = 0;
const store = createSystemSecretStore({ service: 'cognito-inspector-test', retry: true, onRecovered: () => recovered++ });

const bus = (args) => execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets', ...args], { encoding: 'utf8' });
const locked = () => /boolean true/.test(bus(['/org/freedesktop/secrets/collection/login', 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked']));

const results = [];
for (const step of steps) {
  if (step.cli) {
    const r = spawnSync(process.execPath, [join(root, 'bin/cognito-inspector.js'), ...step.cli], { encoding: 'utf8', timeout: 60_000 });
    results.push({ code: r.status, stdout: r.stdout, stderr: r.stderr });
  } else if (step.do === 'lock') {
    bus(['/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login']);
    results.push({ locked: locked() });
  } else if (step.do === 'unlock') {
    execFileSync('gnome-keyring-daemon', ['--replace', '--unlock', '--components=secrets', '--daemonize'], { input: 'test-keyring-password', stdio: ['pipe', 'ignore', 'ignore'] });
    // The new daemon takes the bus name and unlocks the collection: wait for that, not a fixed time.
    const deadline = Date.now() + 10_000;
    let state;
    while (Date.now() < deadline) {
      try {
        state = locked();
        if (state === false) break;
      } catch {
        // the name is changing owner
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    results.push({ locked: state });
  } else if (step.do === 'keychain-get') {
    results.push({ value: await createSystemSecretStore({ service: 'cognito-inspector-test' }).get(step.account) });
  } else if (step.do === 'store') {
    try {
      const value = step.op === 'set' ? await store.set(step.account, step.value) : await store.get(step.account);
      results.push({ ok: true, ...(value !== undefined ? { value } : {}), persistent: store.persistent, recovered });
    } catch (err) {
      results.push({ ok: false, error: String(err), persistent: store.persistent, recovered });
    }
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
