/** The environment that points the provider (in the Pulumi provider host) at an emulator. */
import type { Emulator } from "../../emulator/index.js";
import { pollScheduleFromEnv, type PollSchedule } from "../../provider/settings/pollScheduleFromEnv.js";
import { emulatorCredentialsEnv } from "../../devkit/emulatorEnv.js";

/** The provider's default poll schedule (no MODELARTS_POLL_* variables set). */
export function defaultPollSchedule(): PollSchedule {
  return pollScheduleFromEnv({});
}

/**
 * The provider's poll schedule for an emulator whose lifecycle runs `timeScale` times as fast: the typical status
 * durations the schedule assumes, and its bounds, scale with it, so polls fall at the same points of the (scaled)
 * lifecycle as at real time and request counts per instance are those of a real-time run.
 */
export function scaledPollSchedule(timeScale: number): PollSchedule {
  return { ...pollScheduleFromEnv({ MODELARTS_POLL_TIME_SCALE: String(timeScale) }), progressEveryMs: 10 * 60_000 };
}

export function pollEnv(schedule: PollSchedule): Record<string, string> {
  return {
    MODELARTS_POLL_TIME_SCALE: String(schedule.timeScale),
    MODELARTS_POLL_MIN_DELAY_MS: String(schedule.minDelayMs),
    MODELARTS_POLL_MAX_DELAY_MS: String(schedule.maxDelayMs),
    MODELARTS_PROGRESS_EVERY_MS: String(schedule.progressEveryMs),
  };
}

/** AK/SK auth against the emulator (plain http is accepted for loopback), with the poll schedule given. */
export function emulatorEnv(emulator: Emulator, schedule: PollSchedule): Record<string, string> {
  return { ...emulatorCredentialsEnv(emulator), ...pollEnv(schedule) };
}
