import type { StatusSighting, StatusTimings } from "./pollSchedule.js";

/**
 * How an API's objects read to a status waiter (frame/waitForStatus.ts): one per kind of object, beside its statuses
 * and their timings; the wait loop is shared.
 */
export interface StatusReading<T> {
  /**
   * GET; `undefined` only for the API's own "does not exist" answer. `spareUntil`: an early look, sent only with
   * spare quota before then and never repeated (SpareLook.ts); it rejects when refused or not sent.
   */
  find(id: string, look?: { spareUntil: number }): Promise<T | undefined>;
  status(object: T): string;
  /** Where in its status the object is, for the progress line (queue position, init step); optional. */
  detail?(object: T): string | undefined;
  /** The service's own failure reasons (failed_reasons, fail_reason), formatted. */
  reasons(object: T): string[];
  /** What a poll showed, in the schedule's words (status, queue, init step). */
  sighting(object: T): StatusSighting;
  /** How long each status typically lasts, and which follows: what the poll schedule rests on. */
  timings: StatusTimings;
  /** The shared rate limiter is pacing: poll less. */
  congested(): boolean;
}
