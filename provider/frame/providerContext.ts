import { createHash } from "node:crypto";
import { sharedRateLimiter } from "../api/AdaptiveRateLimiter.js";
import { connect, type ApiConnection, type ClientOptions } from "../api/createClient.js";
import type { PollSchedule } from "../settings/pollScheduleFromEnv.js";
import type { SettingsInput } from "../settings/resolveSettings.js";
import {
  connectionSettings,
  pollSettings,
  rateLimiterSettings,
  retryDelaySettings,
  setSettingsOverrides,
} from "../settings/stackConfig.js";

export interface ProviderContext {
  /** The authenticated executor and project every API client of every resource is built from. */
  connection: ApiConnection;
  schedule: PollSchedule;
}

/**
 * One authenticated connection per provider process, shared by every resource type and operation, made from the
 * settings (settings/stackConfig.ts) and remade when they change.
 */
const state: {
  clientOptions?: ClientOptions;
  cached?: { fingerprint: string; connection: Promise<ApiConnection> };
} = {};

/** For in-process use and tests: explicit settings, client options (retry, sleep), and an environment. */
export function setProviderOverrides(overrides: {
  settings?: SettingsInput;
  clientOptions?: ClientOptions;
  env?: Record<string, string | undefined>;
}): void {
  setSettingsOverrides({ settings: overrides.settings, env: overrides.env });
  state.clientOptions = overrides.clientOptions;
  state.cached = undefined;
}

export async function getProviderContext(): Promise<ProviderContext> {
  const settings = connectionSettings();
  // The fingerprint is a hash: the cache key must not be a readable copy of the credentials.
  const fingerprint = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
  if (state.cached?.fingerprint !== fingerprint) {
    // One limiter for the whole provider process: every resource and operation shares the tenant's quota. In-process
    // tests pass their own client options and get no pacing unless they ask for it.
    const limiter =
      state.clientOptions === undefined ? sharedRateLimiter(rateLimiterSettings()) : state.clientOptions.limiter;
    // Retry delays from the environment (tests), unless set in-process.
    const retry = { ...retryDelaySettings(), ...state.clientOptions?.retry };
    const connection = connect(settings, { ...state.clientOptions, retry, ...(limiter && { limiter }) });
    // A failed set-up (wrong password, unknown project) is not cached: the next call tries again.
    connection.catch(() => {
      if (state.cached?.connection === connection) state.cached = undefined;
    });
    state.cached = { fingerprint, connection };
  }
  return { connection: await state.cached.connection, schedule: pollSettings() };
}
