/** The retry loop's delays (api/retryStrategy.ts RetryOptions), as far as the environment sets them. */
export interface RetryDelays {
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Retry delays; the environment can shrink them for tests that make every attempt fail on purpose (hostile answers
 * through the real CLI), as it shrinks the poll schedule. Only the delays: the number of attempts and the time
 * budget stay the documented ones. Unset or invalid values keep the defaults (DEFAULT_RETRY_OPTIONS).
 */
export function retryDelaysFromEnv(env: Record<string, string | undefined> = process.env): RetryDelays {
  const delays: RetryDelays = {};
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
