import { app, net, powerMonitor, type BrowserWindow } from 'electron';
import { createDesktopCore, type DesktopCore } from '../core/desktop/desktop-core.js';
import { INVOKE_CHANNELS } from '../core/ipc/contract.js';
import { systemClock } from '../core/ports.js';
import { inspectorHome } from '../core/profiles/home.js';
import { join } from 'node:path';
import { electronBrowser } from './browser-opener.js';
import { registerHandler, sendEvent, type Handler } from './ipc.js';
import { hardenSession, isTrustedSender } from './security.js';
import { electronShellPorts } from './shell-ports.js';
import { claimSingleInstance } from './single-instance.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { createMainWindow, RENDERER_DIR } from './window.js';
import { rememberWindowState } from './window-state.js';

/** The Electron shell: wires Electron's events to the core and nothing else. */
let win: BrowserWindow | undefined;
let core: DesktopCore | undefined;

const log = (line: string) => process.stdout.write(`[cognito-inspector] ${line}\n`);

/** The embedded local pool, kept in the home (its keys in the keychain) so a demo session survives a restart. */
const startLocalPool = (home: string) => async () => {
  const [{ startEmbeddedPool, localPoolStateDir }, { createSystemSecretStore }] = await Promise.all([
    import('../../emulator/embedded.js'),
    import('../core/secrets/system-store.js'),
  ]);
  return startEmbeddedPool({ state: { dir: localPoolStateDir(home), keys: createSystemSecretStore() }, log });
};

async function start(): Promise<void> {
  hardenSession();
  serveRenderer(RENDERER_DIR);
  const home = inspectorHome();
  core = await createDesktopCore({
    home,
    startLocalPool: startLocalPool(home),
    shell: electronShellPorts(() => win),
    browser: electronBrowser,
    clock: systemClock,
    log,
    onKeychainProblem: (err) => log(`keychain: ${err.code}: ${err.message} (sessions will not survive a restart)`),
  });
  const trusted = isTrustedSender(() => win?.webContents);
  for (const channel of INVOKE_CHANNELS) {
    registerHandler(channel, trusted, core.handlers[channel] as Handler<typeof channel>);
  }
  core.onSessionChanged((view) => win && sendEvent(win.webContents, 'session:changed', view));
  core.onCredentialsChanged((view) => win && sendEvent(win.webContents, 'credentials:changed', view));
  core.onSignInWaiting((w) => win && sendEvent(win.webContents, 'auth:waiting', w));
  core.onProfilesChanged((list) => win && sendEvent(win.webContents, 'profiles:changed', list));
  core.subscribe('tester:waiting', (w) => win && sendEvent(win.webContents, 'tester:waiting', w));

  // Sleep and network loss: timers may not have fired, so refresh what is due now.
  powerMonitor.on('resume', () => void core?.wake());
  powerMonitor.on('unlock-screen', () => void core?.wake());
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) void core?.wake();
    online = now;
  }, 5000).unref();

  win = openWindow(home);
}

function openWindow(home: string): BrowserWindow {
  const w = createMainWindow();
  rememberWindowState(w, join(home, 'window-state.json'));
  w.on('closed', () => (win = undefined));
  return w;
}

// The app:// scheme must be registered before the app is ready.
registerAppScheme();
if (!claimSingleInstance(app, () => win)) {
  app.quit();
} else {
  app.whenReady().then(start, (err: unknown) => {
    log(`failed to start: ${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
  });
  app.on('activate', () => {
    if (!win && core) win = openWindow(inspectorHome());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void core?.dispose());
}
