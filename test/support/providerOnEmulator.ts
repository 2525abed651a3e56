/**
 * The in-process provider pointed at an emulator, as the provider tests use it: the emulator's endpoint,
 * credentials and poll scale (devkit/emulatorEnv.ts), and retries of 5-20 ms instead of the real 1-30 s.
 */
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import type { Emulator } from "../../emulator/index.js";
import { setProviderOverrides } from "../../provider/core/providerContext.js";

/** Retry delays short enough for tests; the retry rules themselves are the real ones. */
export const QUICK_RETRIES = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

export function pointProviderAt(emulator: Emulator): void {
  setProviderOverrides({ env: emulatorEnv(emulator), clientOptions: QUICK_RETRIES });
}
