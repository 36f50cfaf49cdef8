import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { launchChromium } from '../../../support/browser.js';
import { emulatorConfig, freePort } from '../../../support/session-fixtures.js';

export interface EmulatorWithChromium {
  emulator: Emulator;
  chromium: Browser;
  /** The demo client's callback (`/callback`) and logout (`/signed-out`) port. */
  port: number;
}

/**
 * The calling test file's emulator, its demo client's callback and logout URLs on a port free right
 * now (parallel runs do not collide on 53682), and a Chromium: started before its tests, stopped
 * after. The fields are set once `beforeAll` has run.
 */
export function emulatorWithChromium(): EmulatorWithChromium {
  const world = {} as EmulatorWithChromium;
  beforeAll(async () => {
    world.port = await freePort();
    world.emulator = await startEmulator({ config: emulatorConfig(world.port) });
    world.chromium = await launchChromium();
  });
  afterAll(async () => {
    await world.chromium?.close();
    await world.emulator?.stop();
  });
  return world;
}
