import { isTransient } from "../base/errorClassification.js";
import { DeadlineError, WaitError, type WaitFailureKind } from "../base/errors.js";
import type { Deadline } from "../wait/Deadline.js";
import { DEFAULT_POLL_SCHEDULE, PollPlanner, type StatusSighting } from "../wait/pollSchedule.js";
import type { StatusReading } from "../wait/statusReading.js";
import { delayAfterLook, SpareLook, type LookResult } from "../wait/SpareLook.js";
import { waitFor, type WaitVerdict } from "../wait/waitFor.js";
import { describeSubject, type Subject } from "../base/operationError.js";
import type { PollSchedule } from "../settings/pollScheduleFromEnv.js";
import { createProgressTracker } from "./progress.js";

export interface WaitForStatusOptions<T> {
  reading: StatusReading<T>;
  id: string;
  subject: Subject;
  verb: string;
  /** What is waited for, in the timeout message: "RUNNING", "READY", "GONE", "MOUNTED". */
  targetName: string;
  /** The verdict on an object that exists. */
  classify(object: T): WaitVerdict;
  /** True when waiting for the object to be gone: not found is then success. */
  untilGone?: boolean;
  /** Each object a poll showed (the step's `observe`: a failure then records the object as last seen). */
  observe?(object: T): void;
  /** The operation's one deadline: the wait gets what remains of it, and its polls end there too. */
  deadline: Deadline;
  schedule: PollSchedule;
  /** What the operation's own answer showed (CREATING after a create, STOPPING after a stop), if anything. */
  startedAs?: StatusSighting;
  /**
   * When the operation's answer came (ms since the epoch), if earlier than the wait's start: a create that tags its
   * notebook first, in a queue behind 49 others, starts its wait seconds after the POST, and its schedule must count
   * from the POST. Default: now.
   */
  startedAt?: number;
}

/**
 * Polls until `classify` says done or failed, the object is gone (success only when waiting for that), or the
 * timeout passes. Transient API errors are retried, not fatal: one bad minute of 5xx or throttling should not
 * fail a 20-minute create. Prints a progress line on each status change. Returns the last object seen (undefined
 * when it is gone).
 */
export async function waitForStatus<T>(options: WaitForStatusOptions<T>): Promise<T | undefined> {
  const { reading, id, schedule } = options;
  const what = `${options.verb} ${describeSubject(options.subject)}`;
  const tracker = createProgressTracker({ label: what, everyMs: schedule.progressEveryMs });
  let lastSeen: T | undefined;
  // The schedule decides each delay from what the last poll showed (slow far from the end, quick near it).
  const planner = new PollPlanner(
    {
      ...DEFAULT_POLL_SCHEDULE,
      timings: reading.timings,
      timeScale: schedule.timeScale,
      floorMs: schedule.minDelayMs / schedule.timeScale,
      capMs: schedule.maxDelayMs / schedule.timeScale,
    },
    Math.min(Date.now(), options.startedAt ?? Number.POSITIVE_INFINITY),
    options.startedAs,
  );
  // While pacing, one early look with spare quota; the poll after it uses what it saw instead of sending a GET.
  const spare = new SpareLook<T | undefined>(
    (spareUntil) => reading.find(id, { spareUntil }),
    () => reading.congested(),
  );
  let looked: LookResult<T | undefined> | undefined;
  const result = await waitFor<T | undefined>({
    poll: async () => {
      looked = spare.take();
      return looked ? looked.value : reading.find(id);
    },
    sleep: (ms, signal) => spare.sleep(ms, signal),
    classify: (object) => {
      if (object === undefined) {
        return options.untilGone ? { state: "SUCCESS" } : { state: "FAILURE", reason: "it no longer exists" };
      }
      lastSeen = object;
      options.observe?.(object);
      planner.observe(Date.now(), reading.sighting(object));
      tracker.observe(reading.status(object), reading.detail?.(object));
      return options.classify(object);
    },
    initialDelayMs: planner.nextDelayMs(Date.now(), reading.congested()),
    planDelayMs: () => {
      const planned = planner.nextDelayMs(Date.now(), reading.congested());
      return looked ? delayAfterLook(planned, Date.now(), looked, planner.lastSightingChangedPhase) : planned;
    },
    minDelayMs: schedule.minDelayMs,
    maxDelayMs: schedule.maxDelayMs,
    maxWaitMs: options.deadline.remainingMs(),
    signal: options.deadline.signal,
    // A poll cut by the deadline ends the wait as a timeout, with the last status seen.
    isRetryableError: (err) => isTransient(err) || err instanceof DeadlineError,
  });
  switch (result.state) {
    case "SUCCESS":
      return result.value;
    case "FAILURE": {
      const reasons = lastSeen !== undefined ? reading.reasons(lastSeen) : [];
      const why = [result.reason ?? "the wait failed", ...reasons].join("; ");
      const kind: WaitFailureKind = result.value === undefined && !options.untilGone ? "gone" : "failed";
      throw new WaitError<T>(`${what}: ${why}`, kind, lastSeen, reasons);
    }
    case "TIMEOUT":
      return timedOut();
    default:
      // Aborted by the deadline's own signal: the same timeout.
      if (options.deadline.passed) return timedOut();
      throw new WaitError<T>(`${what}: the wait was aborted`, "aborted", lastSeen, []);
  }

  function timedOut(): never {
    const status = lastSeen !== undefined ? `; last status ${reading.status(lastSeen)}` : "";
    const lastError =
      result.lastError instanceof Error && !(result.lastError instanceof DeadlineError)
        ? `; last error: ${result.lastError.message}`
        : "";
    const passed = options.deadline.error();
    const [limit, advice] = passed instanceof DeadlineError ? [passed.limit, passed.advice] : [passed.message];
    throw new WaitError<T>(
      `${what}: ${limit} waiting for ${options.targetName}${status}${lastError}${advice ? `. ${advice}` : ""}`,
      "timeout",
      lastSeen,
      [],
    );
  }
}

/**
 * A wait on one object of an operation: what the frame's step carries (spread it in: `{ ...step, id, target }`),
 * the object's id, and, when known, what the operation's own answer showed and when.
 */
export interface ObjectWait<C, T> {
  client: C;
  id: string;
  subject: Subject;
  verb: string;
  /** The operation's one deadline (frame/timeouts.ts operationDeadline). */
  deadline: Deadline;
  schedule: PollSchedule;
  /** Each object a poll showed (the frame step's `observe`). */
  observe?(object: T): void;
  /** What the operation's own answer showed (CREATING after a create, STOPPING after a stop): the schedule starts there. */
  startedAs?: StatusSighting;
  /** When the operation's answer came, if the wait starts later (see waitForStatus). */
  startedAt?: number;
}

/**
 * Polls one object until `classify` says it reached `target`, or until it is gone (target `GONE`: the API's
 * not-found answer, or a status `classify` calls done). Returns the object, or undefined for `GONE`.
 */
export async function waitForObject<T, W extends string>(
  wait: ObjectWait<unknown, T> & { target: W },
  reading: StatusReading<T>,
  classify: (object: T, target: W) => WaitVerdict,
): Promise<T | undefined> {
  const { target } = wait;
  const found = await waitForStatus<T>({
    reading,
    id: wait.id,
    subject: wait.subject,
    verb: wait.verb,
    targetName: target,
    untilGone: target === "GONE",
    deadline: wait.deadline,
    schedule: wait.schedule,
    ...(wait.observe && { observe: wait.observe }),
    ...(wait.startedAs && { startedAs: wait.startedAs }),
    ...(wait.startedAt !== undefined && { startedAt: wait.startedAt }),
    classify: (object) => classify(object, target),
  });
  return target === "GONE" ? undefined : found;
}
