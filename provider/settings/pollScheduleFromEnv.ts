/**
 * The poll settings of every wait. The schedule itself is status-aware (provider/wait/pollSchedule.ts); these bound
 * it, and let tests and benchmarks shrink it for a time-scaled emulator.
 */
export interface PollSchedule {
  /** No poll sooner than this after the last one (absolute ms). */
  minDelayMs: number;
  /** No poll later than this after the last one (absolute ms). */
  maxDelayMs: number;
  progressEveryMs: number;
  /** Multiplies the typical status durations the schedule assumes: 0.25 against an emulator at time scale 0.25. */
  timeScale: number;
}

/**
 * `MODELARTS_POLL_MIN_DELAY_MS` (default 1 s), `MODELARTS_POLL_MAX_DELAY_MS` (default 60 s),
 * `MODELARTS_PROGRESS_EVERY_MS` (default 30 s), `MODELARTS_POLL_TIME_SCALE` (default 1). The bounds scale with the
 * time scale unless given.
 */
export function pollScheduleFromEnv(env: Record<string, string | undefined> = process.env): PollSchedule {
  const num = (name: string): number | undefined => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name]!.trim() !== "" && Number.isFinite(value) && value >= 0
      ? value
      : undefined;
  };
  const timeScale = num("MODELARTS_POLL_TIME_SCALE") || 1;
  return {
    minDelayMs: num("MODELARTS_POLL_MIN_DELAY_MS") ?? 1_000 * timeScale,
    maxDelayMs: num("MODELARTS_POLL_MAX_DELAY_MS") ?? 60_000 * timeScale,
    progressEveryMs: num("MODELARTS_PROGRESS_EVERY_MS") ?? 30_000,
    timeScale,
  };
}
