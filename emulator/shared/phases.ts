/**
 * Scheduled status transitions, for every kind of record (demanager instances, notebooks, storage mounts). A record
 * stores the phases it will go through with their start times; the current status is the last phase that has
 * started. Nothing runs on a timer, so the answer is the same in every process that reads the state file, and a
 * restarted emulator carries on where the old one stopped.
 */

/** Nominal seconds to real milliseconds; at least 1 ms so phases stay strictly ordered. */
export function scaledMs(seconds: number, timeScale: number): number {
  return Math.max(1, Math.round(seconds * 1000 * timeScale));
}

/** Anything scheduled: one phase of a record's timeline. */
export interface Scheduled {
  at: number;
}

export interface PhaseView<P extends Scheduled> {
  current: P;
  next?: P;
}

export function phaseAt<P extends Scheduled>(timeline: readonly P[], now: number): PhaseView<P> {
  let index = 0;
  for (let i = 0; i < timeline.length; i++) if (timeline[i]!.at <= now) index = i;
  return { current: timeline[index]!, next: timeline[index + 1] };
}

export function statusAt<P extends Scheduled & { status: string }>(timeline: readonly P[], now: number): P["status"] {
  return phaseAt(timeline, now).current.status;
}

/** Replaces everything from `now` on with `plan` (an action cancels whatever was still scheduled). */
export function replan<P extends Scheduled>(timeline: readonly P[], now: number, plan: P[]): P[] {
  return [phaseAt(timeline, now).current, ...plan];
}
