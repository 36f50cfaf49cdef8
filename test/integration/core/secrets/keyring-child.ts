/**
 * Run by keyring-store.test.ts in a separate node process (bundled with esbuild as ESM), so the D-Bus
 * environment the keychain sees is the child's own: `node keyring-child.mjs <get|set|delete> <account>`.
 * Prints one JSON line: {"ok":true,"value":...} or {"ok":false,"error":ErrorInfo}.
 */
import { isAppError } from '../../../../main/core/errors/app-error.js';
import { createKeyringStore } from '../../../../main/core/secrets/keyring-store.js';

async function main(): Promise<void> {
  const [op, account = 'child'] = process.argv.slice(2);
  const store = createKeyringStore({ service: 'cognito-inspector-test' });
  try {
    const value = op === 'set' ? await store.set(account, 'child-value') : op === 'delete' ? await store.delete(account) : await store.get(account);
    process.stdout.write(`${JSON.stringify({ ok: true, value: value ?? null })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: isAppError(err) ? err.toInfo() : { message: String(err) } })}\n`);
  }
}

void main();
