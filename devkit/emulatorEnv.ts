/** Shared by the tests and the bench: the emulator's settings as environment variables. */
import type { Emulator } from "../emulator/index.js";

/** The settings that point the provider at an emulator: AK/SK auth, plain http on loopback. */
export function emulatorCredentialsEnv(emulator: Emulator): Record<string, string> {
  const key = emulator.credentials.accessKeys[0]!;
  return {
    HW_MODELARTS_ENDPOINT: emulator.url,
    HW_REGION_NAME: emulator.region,
    HW_PROJECT_ID: emulator.projectId,
    HW_ACCESS_KEY: key.accessKey,
    HW_SECRET_KEY: key.secretKey,
  };
}

/** Those settings, with the poll schedule shrunk to match the emulator's time scale (tests). */
export function emulatorEnv(emulator: Emulator, pollMs = 5): Record<string, string> {
  return { ...emulatorCredentialsEnv(emulator), ...emulatorPollEnv(pollMs) };
}

/**
 * The poll schedule alone, shrunk to match the emulator's time scale: for a stack whose endpoint and credentials are
 * stack config, as a user sets them, so that the environment cannot stand in for a config the test means to check.
 */
export function emulatorPollEnv(pollMs = 5): Record<string, string> {
  return {
    MODELARTS_POLL_MIN_DELAY_MS: String(pollMs),
    MODELARTS_POLL_MAX_DELAY_MS: String(pollMs * 4),
    MODELARTS_PROGRESS_EVERY_MS: "60000",
  };
}
