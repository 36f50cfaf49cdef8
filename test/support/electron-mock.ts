import { vi } from 'vitest';

/**
 * The one mocked module: no Electron binary can be downloaded on these machines, so the shell's
 * unit tests run against this stand-in of the few Electron APIs it touches. It records what the
 * shell asked for; the assertions are about those requests (window options, handlers, headers).
 */
export const electronMock = {
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as { options: Record<string, unknown>; webContents: FakeWebContents; loaded?: string }[],
  headerHook: undefined as undefined | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  permissionHandler: undefined as undefined | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  opened: [] as string[],
  /** Text the shell wrote to the clipboard. */
  clipboard: [] as string[],
  /** What the next open-file dialog answers, and the options it was shown with. */
  dialogResult: { canceled: true, filePaths: [] as string[] },
  dialogCalls: [] as { parent: unknown; options: Record<string, unknown> }[],
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  /** protocol.registerSchemesAsPrivileged calls, and the protocol.handle handlers by scheme. */
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
};

export class FakeWebContents {
  listeners = new Map<string, (...args: unknown[]) => void>();
  windowOpenHandler?: (details: { url: string }) => { action: string };
  sent: [string, unknown][] = [];
  on(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  isDestroyed() {
    return false;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = new FakeWebContents();
    constructor(public options: Record<string, unknown>) {
      electronMock.windows.push(this as never);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      (this as unknown as { loaded: string }).loaded = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => electronMock.handlers.set(channel, fn) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: typeof electronMock.headerHook) => (electronMock.headerHook = fn) },
        setPermissionRequestHandler: (fn: typeof electronMock.permissionHandler) => (electronMock.permissionHandler = fn),
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: { openExternal: async (url: string) => void electronMock.opened.push(url) },
    clipboard: { writeText: (text: string) => void electronMock.clipboard.push(text) },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => {
        const [parent, options] = args.length === 2 ? args : [undefined, args[0]];
        electronMock.dialogCalls.push({ parent, options: options as Record<string, unknown> });
        return electronMock.dialogResult;
      },
    },
    screen: { getAllDisplays: () => electronMock.displays },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void electronMock.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response> | Response) => void electronMock.protocolHandlers.set(scheme, fn),
    },
  };
});
