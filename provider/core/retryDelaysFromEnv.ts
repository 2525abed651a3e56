import type { RetryOptions } from "../api/retryStrategy.js";

/**
 * Retry delays; the environment can shrink them for tests that make every attempt fail on purpose (hostile answers
 * through the real CLI), as it shrinks the poll schedule. Only the delays: the number of attempts and the time
 * budget stay the documented ones. Unset or invalid values keep the defaults (DEFAULT_RETRY_OPTIONS).
 */
export function retryDelaysFromEnv(env: Record<string, string | undefined> = process.env): Partial<RetryOptions> {
  const delays: Partial<RetryOptions> = {};
  const read = (name: string): number | undefined => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== "" && Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  const base = read("MODELARTS_RETRY_BASE_DELAY_MS");
  const max = read("MODELARTS_RETRY_MAX_DELAY_MS");
  if (base !== undefined) delays.baseDelayMs = base;
  if (max !== undefined) delays.maxDelayMs = max;
  return delays;
}
