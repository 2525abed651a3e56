import { pollScheduleFromEnv, type PollSchedule } from "./pollScheduleFromEnv.js";
import { inspectSettings, resolveSettings, type ResolvedSettings, type SettingsInput } from "./resolveSettings.js";
import { retryDelaysFromEnv, type RetryDelays } from "./retryDelaysFromEnv.js";

/** Stack config namespace read by `configure`: `modelarts:region`, `modelarts:accessKey`, ... */
export const CONFIG_NAMESPACE = "modelarts";

/**
 * Where every setting is read from, one module-level room shared by every resource type the provider process runs:
 * the host loads this module once, `configure` stores the stack config reader here, and in-process callers and
 * tests set explicit settings and an environment. Credentials are read at run time and never captured into
 * `__provider`.
 */
const room: {
  config?: (key: string) => string | undefined;
  explicit?: SettingsInput;
  env?: Record<string, string | undefined>;
} = {};

/** Called by the provider's `configure` (or the native host's Configure) with the stack config reader. */
export function setStackConfig(get: ((fullKey: string) => string | undefined) | undefined): void {
  room.config = get;
}

/** For in-process use and tests: explicit settings, and an environment read instead of `process.env`. */
export function setSettingsOverrides(overrides: {
  settings?: SettingsInput;
  env?: Record<string, string | undefined>;
}): void {
  room.explicit = overrides.settings;
  room.env = overrides.env;
}

function sources() {
  return {
    explicit: room.explicit,
    config: room.config ? (key: string) => room.config!(`${CONFIG_NAMESPACE}:${key}`) : undefined,
    env: room.env ?? process.env,
  };
}

/** The connection settings: explicit, then stack config, then the environment (resolveSettings.ts). */
export function connectionSettings(): ResolvedSettings {
  return resolveSettings(sources());
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
export function rateLimiterSettings(): Record<string, string | undefined> {
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

/** The poll settings of every wait (environment only: tests and benchmarks shrink them). */
export function pollSettings(): PollSchedule {
  return pollScheduleFromEnv(sources().env);
}

/** Retry delays from the environment (tests that make every attempt fail on purpose shrink them). */
export function retryDelaySettings(): RetryDelays {
  return retryDelaysFromEnv(sources().env);
}
