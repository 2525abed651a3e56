/** Poll schedule; the environment can shrink it for tests and benchmarks against a time-scaled emulator. */
export interface PollSchedule {
  initialDelayMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  progressEveryMs: number;
}

export function pollScheduleFromEnv(env: Record<string, string | undefined> = process.env): PollSchedule {
  const num = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  // Defaults tuned by the waiting benchmark (bench/results/report.md): a 12 s cap polls every 9 s on average once
  // backed off, which keeps the mean lag of any create under Terraform's fixed 10 s polling (15 s did not).
  return {
    initialDelayMs: num("MODELARTS_POLL_INITIAL_DELAY_MS", 2_000),
    minDelayMs: num("MODELARTS_POLL_MIN_DELAY_MS", 2_000),
    maxDelayMs: num("MODELARTS_POLL_MAX_DELAY_MS", 12_000),
    progressEveryMs: num("MODELARTS_PROGRESS_EVERY_MS", 30_000),
  };
}
