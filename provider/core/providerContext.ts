import { createHash } from "node:crypto";
import { sharedRateLimiter } from "../api/AdaptiveRateLimiter.js";
import { connect, type ApiConnection, type ClientOptions } from "../api/createClient.js";
import { inspectSettings, resolveSettings, type SettingsInput } from "../auth/resolveSettings.js";
import { pollScheduleFromEnv, type PollSchedule } from "./pollScheduleFromEnv.js";
import { retryDelaysFromEnv } from "./retryDelaysFromEnv.js";

/** Stack config namespace read by `configure`: `modelarts:region`, `modelarts:accessKey`, ... */
export const CONFIG_NAMESPACE = "modelarts";

export interface ProviderContext {
  /** The authenticated executor and project every API client of every resource is built from. */
  connection: ApiConnection;
  schedule: PollSchedule;
}

/**
 * Configuration lives on this module-level object, shared by every resource type the provider host runs: the
 * host loads this module once (the SDK's shim imports the installed package), `configure` stores the stack
 * config reader here, and every operation builds on one authenticated connection. Credentials are read here at
 * run time and never captured into `__provider`.
 */
const state: {
  config?: (key: string) => string | undefined;
  explicit?: SettingsInput;
  clientOptions?: ClientOptions;
  env?: Record<string, string | undefined>;
  cached?: { fingerprint: string; connection: Promise<ApiConnection> };
} = {};

/** Called by the provider's `configure` with the stack config reader. */
export function setStackConfig(get: ((fullKey: string) => string | undefined) | undefined): void {
  state.config = get;
}

/** For in-process use and tests: explicit settings, client options (retry, sleep), and an environment. */
export function setProviderOverrides(overrides: {
  settings?: SettingsInput;
  clientOptions?: ClientOptions;
  env?: Record<string, string | undefined>;
}): void {
  state.explicit = overrides.settings;
  state.clientOptions = overrides.clientOptions;
  state.env = overrides.env;
  state.cached = undefined;
}

function sources() {
  return {
    explicit: state.explicit,
    config: state.config ? (key: string) => state.config!(`${CONFIG_NAMESPACE}:${key}`) : undefined,
    env: state.env ?? process.env,
  };
}

/**
 * The settings problems a user can fix, one line each (for `check`, so `pulumi preview` reports them). `config`:
 * another stack config reader than the configured one (the native provider's CheckConfig, before Configure).
 */
export function settingsProblems(config?: (fullKey: string) => string | undefined): string[] {
  const checked = sources();
  if (config) checked.config = (key: string) => config(`${CONFIG_NAMESPACE}:${key}`);
  return inspectSettings(checked).problems;
}

/** The pacing settings: stack config key (`modelarts:<key>`) and the environment variable read when it is not set. */
export const RATE_LIMIT_SETTINGS = {
  rateLimit: "MODELARTS_RATE_LIMIT",
  rateLimitStart: "MODELARTS_RATE_LIMIT_START",
  rateLimitMin: "MODELARTS_RATE_LIMIT_MIN",
} as const;

/**
 * Rate-limiter settings, stack config first (`modelarts:rateLimit`, `modelarts:rateLimitStart`,
 * `modelarts:rateLimitMin`), then the environment (`MODELARTS_RATE_LIMIT`, `..._START`, `..._MIN`).
 */
function rateLimiterEnv(): Record<string, string | undefined> {
  const { config, env } = sources();
  const pick = (key: keyof typeof RATE_LIMIT_SETTINGS) => config?.(key) ?? env[RATE_LIMIT_SETTINGS[key]];
  return {
    MODELARTS_RATE_LIMIT: pick("rateLimit"),
    MODELARTS_RATE_LIMIT_START: pick("rateLimitStart"),
    MODELARTS_RATE_LIMIT_MIN: pick("rateLimitMin"),
    // Environment only: a knob for benchmarks and the odd gateway, not a stack setting.
    MODELARTS_RATE_LIMIT_COLD_START: env.MODELARTS_RATE_LIMIT_COLD_START,
  };
}

export async function getProviderContext(): Promise<ProviderContext> {
  const settings = resolveSettings(sources());
  // The fingerprint is a hash: the cache key must not be a readable copy of the credentials.
  const fingerprint = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
  if (state.cached?.fingerprint !== fingerprint) {
    // One limiter for the whole provider process: every resource and operation shares the tenant's quota. In-process
    // tests pass their own client options and get no pacing unless they ask for it.
    const limiter =
      state.clientOptions === undefined ? sharedRateLimiter(rateLimiterEnv()) : state.clientOptions.limiter;
    // Retry delays from the environment (tests), unless set in-process.
    const retry = { ...retryDelaysFromEnv(sources().env), ...state.clientOptions?.retry };
    const connection = connect(settings, { ...state.clientOptions, retry, ...(limiter && { limiter }) });
    // A failed set-up (wrong password, unknown project) is not cached: the next call tries again.
    connection.catch(() => {
      if (state.cached?.connection === connection) state.cached = undefined;
    });
    state.cached = { fingerprint, connection };
  }
  return { connection: await state.cached.connection, schedule: pollScheduleFromEnv(sources().env) };
}
