/**
 * Registering a resource makes Pulumi wrap every property in four promises (transferProperties), and each one
 * records `new Error().stack` for Pulumi's promise-leak report (runtime/debuggable.ts). Our classes register every
 * output up front (dynamicResourceProps.ts), about 35 properties, so one registration formats about 140 stacks; under
 * the source-map hook Pulumi's program runner installs (its vendored ts-node) that took ~28 ms per resource: the
 * bench's 20 NotebookInstances spent 0.6 s before the first registration could reach the engine, and the provider
 * host only starts then (the busy section's "first request at").
 *
 * While a class registers, stacks are therefore captured with no frames. Nothing reads those stacks but the leak
 * report; Pulumi's source position of the resource (Resource.callsites) sets its own limit and keeps its frames.
 */
export interface PausedStacks {
  /** Restores the program's stack limit; again is harmless. */
  resume(): void;
  /**
   * Resumes, then throws `err` with the frames of the class's caller when it was made without any (thrown while
   * registering), so that the user still sees which line failed.
   */
  rethrow(err: unknown): never;
}

/** Call right before `super(...)` in a resource class's constructor; `resume` in a `finally` after it. */
export function pauseRegistrationStacks(): PausedStacks {
  const limit = Error.stackTraceLimit;
  // Captured now (cheap), formatted only if registering fails.
  const caller: { stack?: string } = {};
  Error.captureStackTrace(caller, pauseRegistrationStacks);
  Error.stackTraceLimit = 0;
  let paused = true;
  const resume = () => {
    if (!paused) return;
    Error.stackTraceLimit = limit;
    paused = false;
  };
  return {
    resume,
    rethrow(err) {
      resume();
      if (err instanceof Error && !/\n\s+at /.test(err.stack ?? "")) {
        // The first line of a captured stack is its header; the frames follow.
        const frames = (caller.stack ?? "").replace(/^[^\n]*/, "");
        err.stack = `${err.stack ?? `${err.name}: ${err.message}`}${frames}`;
      }
      throw err;
    },
  };
}
