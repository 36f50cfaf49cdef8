import type { CredentialsView, SessionView, SignInWaiting } from '../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../main/core/errors/app-error.js';
import { bridge } from './api.js';
import { renderReport } from './render-token.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const profileSelect = $<HTMLSelectElement>('profile');
const stateBadge = $('state');
const errorBox = $('error');
const noticeBox = $('notice');

function showError(error: ErrorInfo | undefined): void {
  errorBox.hidden = !error;
  errorBox.replaceChildren();
  if (!error) return;
  const head = document.createElement('strong');
  head.textContent = `${error.code}: ${error.message}`;
  const hint = document.createElement('p');
  hint.textContent = error.hint;
  errorBox.append(head, hint);
}

/** A session's own tokens are verified against its profile's issuer; a pasted token is only decoded. */
async function inspectInto(target: HTMLElement, token: string | undefined, placeholder: string, profile?: string): Promise<void> {
  if (!token) {
    target.textContent = placeholder;
    return;
  }
  const res = await bridge().invoke('inspect:token', { token, ...(profile ? { verify: { profile } } : {}) });
  if (res.ok) renderReport(target, res.value);
  else showError(res.error);
}

let waitingTimer: ReturnType<typeof setInterval> | undefined;
function showWaiting(w: SignInWaiting | undefined): void {
  clearInterval(waitingTimer);
  $('waiting').hidden = !w;
  if (!w) return;
  $('waiting-url').textContent = w.startUrl;
  const tick = () => {
    const left = Math.max(0, Math.round((w.deadline - Date.now()) / 1000));
    const what = w.browserError ? `The browser could not be started (${w.browserError.message}).` : 'Waiting for you to sign in in your browser…';
    $('waiting-text').textContent = `${what} ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left.`;
  };
  tick();
  waitingTimer = setInterval(tick, 1000);
}

async function render(view: SessionView): Promise<void> {
  if (view.profile !== profileSelect.value) return;
  if (view.state !== 'signing-in') showWaiting(undefined);
  stateBadge.textContent = view.state.replace('-', ' ');
  stateBadge.dataset.state = view.state;
  showError(view.error);
  noticeBox.hidden = view.persisted || view.state !== 'signed-in';
  noticeBox.textContent = 'The keychain is unavailable: this session lives in memory and will not survive a restart.';
  await inspectInto($('id-token'), view.idToken, 'Sign in to see the ID token.', view.profile);
  await inspectInto($('access-token'), view.accessToken, 'Sign in to see the access token.', view.profile);
}

function renderCredentials(v: CredentialsView): void {
  if (v.profile !== profileSelect.value) return;
  const box = $('credentials');
  box.replaceChildren();
  if (v.error) return showError(v.error);
  const rows: [string, string | undefined][] = [
    ['access key id', v.accessKeyId],
    ['role', v.roleArn],
    ['identity id', v.identityId],
    ['expires', v.expiration ? new Date(v.expiration).toLocaleString() : undefined],
    ['renews', v.renewsAt ? new Date(v.renewsAt).toLocaleTimeString() : undefined],
    ['source', v.cached ? 'keychain cache (no request)' : 'identity pool'],
  ];
  const table = document.createElement('table');
  for (const [k, val] of rows) {
    if (!val) continue;
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = k;
    const td = document.createElement('td');
    td.textContent = val;
    tr.append(th, td);
    table.append(tr);
  }
  box.append(table);
}

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }>): Promise<T | undefined> {
  const res = await p;
  if (!res.ok) {
    showError(res.error);
    return undefined;
  }
  return res.value;
}

async function loadProfiles(): Promise<void> {
  const list = (await call(bridge().invoke('profiles:list', {}))) ?? [];
  profileSelect.replaceChildren(
    ...list.map((p) => {
      const o = document.createElement('option');
      o.value = p.name;
      o.textContent = p.local ? `${p.name} — Local pool (demo)` : p.name;
      return o;
    }),
  );
  await refreshView();
}

async function refreshView(): Promise<void> {
  if (!profileSelect.value) return;
  const view = await call(bridge().invoke('session:get', { profile: profileSelect.value }));
  if (view) await render(view);
}

$('sign-in').addEventListener('click', () => void call(bridge().invoke('auth:sign-in', { profile: profileSelect.value })).then((v) => v && render(v)));
$('switch').addEventListener('click', () => void call(bridge().invoke('auth:sign-in', { profile: profileSelect.value, prompt: 'login' })).then((v) => v && render(v)));
$('sign-out').addEventListener('click', () => void call(bridge().invoke('auth:sign-out', { profile: profileSelect.value })).then((v) => v && render(v)));
$('get-credentials').addEventListener('click', () => void call(bridge().invoke('credentials:get', { profile: profileSelect.value })).then((v) => v && renderCredentials(v)));
profileSelect.addEventListener('change', () => void refreshView());
$<HTMLTextAreaElement>('paste').addEventListener('input', (e) => {
  const value = (e.target as HTMLTextAreaElement).value.trim();
  void inspectInto($('paste-view'), value || undefined, '');
});
bridge().on('session:changed', (view) => void render(view));
bridge().on('credentials:changed', (view) => renderCredentials(view));
bridge().on('auth:waiting', (w) => w.profile === profileSelect.value && showWaiting(w));
$('cancel').addEventListener('click', () => void call(bridge().invoke('auth:cancel', { profile: profileSelect.value })));
void loadProfiles();
