import { createHash } from "node:crypto";
import { createModelArtsClient, type ClientOptions } from "../api/createClient.js";
import type { ModelArtsClient } from "../api/ModelArtsClient.js";
import { resolveSettings, type SettingsInput } from "../auth/resolveSettings.js";
import { pollScheduleFromEnv, type PollSchedule } from "./waitForInstance.js";

/** Stack config namespace read by `configure`: `modelarts:region`, `modelarts:accessKey`, ... */
export const CONFIG_NAMESPACE = "modelarts";

export interface ProviderContext {
  client: ModelArtsClient;
  schedule: PollSchedule;
}

/**
 * Configuration lives on this module-level object, not in module `let`s or in the provider object: the
 * provider host may load this module once for several serialized providers, and Pulumi's closure
 * serializer would copy a captured `let` per method (pulumi-dynamic-providers.md). Credentials are read
 * here at run time and never captured into `__provider`.
 */
const state: {
  config?: (key: string) => string | undefined;
  explicit?: SettingsInput;
  clientOptions?: ClientOptions;
  env?: Record<string, string | undefined>;
  cached?: { fingerprint: string; client: Promise<ModelArtsClient> };
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

export async function getProviderContext(): Promise<ProviderContext> {
  const env = state.env ?? process.env;
  const settings = resolveSettings({
    explicit: state.explicit,
    config: state.config ? (key) => state.config!(`${CONFIG_NAMESPACE}:${key}`) : undefined,
    env,
  });
  // The fingerprint is a hash: the cache key must not be a readable copy of the credentials.
  const fingerprint = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
  if (state.cached?.fingerprint !== fingerprint) {
    const client = createModelArtsClient(settings, state.clientOptions);
    // A failed set-up (wrong password, unknown project) is not cached: the next call tries again.
    client.catch(() => {
      if (state.cached?.client === client) state.cached = undefined;
    });
    state.cached = { fingerprint, client };
  }
  return { client: await state.cached.client, schedule: pollScheduleFromEnv(env) };
}
