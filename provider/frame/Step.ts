import { describeSubject, type Subject } from "../base/operationError.js";
import type { PollSchedule } from "../settings/pollScheduleFromEnv.js";
import type { Deadline } from "../wait/Deadline.js";
import type { LineKind } from "./engineLogSink.js";
import { reportProgress } from "./progress.js";

/**
 * What every part of one operation on one object works with: the client, what the operation is called and acts on
 * (for messages and progress lines), the operation's one deadline and the poll schedule; and what the frame needs
 * to record the object should the operation fail after making or changing it: its id and the last sighting.
 */
export class Step<C, T> {
  private seenId: string | undefined;
  private seen: T | undefined;

  constructor(
    readonly client: C,
    readonly verb: string,
    public subject: Subject,
    /** The operation's one deadline (frame/timeouts.ts operationDeadline): every wait and request gets what remains. */
    readonly deadline: Deadline,
    readonly schedule: PollSchedule,
    private readonly identify: { idOf(object: T): string; objectName?(object: T): string | undefined },
    /** Known from the start for an update or a delete. */
    id?: string,
  ) {
    this.seenId = id;
  }

  /**
   * Records a polled object as last seen when it is this operation's object (a wait's every poll: waitForStatus.ts),
   * so a failure records the object as it was when the failure came (stopped, say, before a refused change). An own
   * property, so the option objects a step is spread into carry it to the waits.
   */
  readonly observe = (object: T): void => {
    if (this.seenId !== undefined && this.identify.idOf(object) === this.seenId) this.seen = object;
  };

  /** The object's id, once known. */
  get id(): string | undefined {
    return this.seenId;
  }

  /** The object as last seen, once the operation has acted on it. */
  get lastSeen(): T | undefined {
    return this.seen;
  }

  /**
   * Records `object` as last seen, and with it the object's id and name for messages. From the first sighting on, a
   * failure records the object (a partial failure) instead of losing it. Returns `object`.
   */
  saw(object: T): T {
    this.seen = object;
    if (this.seenId === undefined) this.seenId = this.identify.idOf(object);
    const name = this.identify.objectName?.(object) ?? this.subject.name;
    this.subject = { kind: this.subject.kind, ...(name !== undefined && { name }), id: this.seenId };
    return object;
  }

  /** How messages name `object`, one of this resource's (another than the operation's, say). */
  subjectOf(object: T): Subject {
    const name = this.identify.objectName?.(object);
    return { kind: this.subject.kind, ...(name !== undefined && { name }), id: this.identify.idOf(object) };
  }

  /** A progress line on the resource: `<verb> <subject>: <text>`. */
  progress(text: string, kind?: LineKind): void {
    reportProgress(`${this.verb} ${describeSubject(this.subject)}: ${text}`, kind);
  }
}
