/** The environment that points the provider (in the Pulumi provider host) at an emulator. */
import type { Emulator } from "../../emulator/index.js";
import { pollScheduleFromEnv, type PollSchedule } from "../../provider/core/pollScheduleFromEnv.js";
import { emulatorCredentialsEnv } from "../../devkit/emulatorEnv.js";

/** The provider's default poll schedule (no MODELARTS_POLL_* variables set). */
export function defaultPollSchedule(): PollSchedule {
  return pollScheduleFromEnv({});
}

/**
 * The default poll schedule multiplied by `timeScale`, the factor the emulator applies to its lifecycle: polls then
 * fall at the same points of the (scaled) lifecycle as the defaults do at real time, so request counts per
 * instance are those of a real-time run.
 */
export function scaledPollSchedule(timeScale: number): PollSchedule {
  const d = defaultPollSchedule();
  return {
    initialDelayMs: Math.round(d.initialDelayMs * timeScale),
    minDelayMs: Math.max(1, Math.round(d.minDelayMs * timeScale)),
    maxDelayMs: Math.max(1, Math.round(d.maxDelayMs * timeScale)),
    progressEveryMs: 10 * 60_000,
  };
}

export function pollEnv(schedule: PollSchedule): Record<string, string> {
  return {
    MODELARTS_POLL_INITIAL_DELAY_MS: String(schedule.initialDelayMs),
    MODELARTS_POLL_MIN_DELAY_MS: String(schedule.minDelayMs),
    MODELARTS_POLL_MAX_DELAY_MS: String(schedule.maxDelayMs),
    MODELARTS_PROGRESS_EVERY_MS: String(schedule.progressEveryMs),
  };
}

/** AK/SK auth against the emulator (plain http is accepted for loopback), with the poll schedule given. */
export function emulatorEnv(emulator: Emulator, schedule: PollSchedule): Record<string, string> {
  return { ...emulatorCredentialsEnv(emulator), ...pollEnv(schedule) };
}
