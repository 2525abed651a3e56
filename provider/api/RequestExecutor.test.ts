/**
 * How every attempt meets the shared rate limiter: it waits for it (polls at background priority), reports each
 * answer (throttled or not), and a throttled attempt waits out its own Retry-After, without jitter, before it goes
 * back to the limiter's queue (with pacing switched off, with jitter as before).
 */
import { VirtualTime } from "../../devkit/VirtualTime.js";
import { AdaptiveRateLimiter, type SendOutcome } from "./AdaptiveRateLimiter.js";
import type { HttpSend } from "./httpTransport.js";
import { ApiError, DeadlineError, TransportError } from "../base/errors.js";
import { RequestExecutor, type ExecutorOptions, type RequestPacer } from "./RequestExecutor.js";
import { Deadline } from "../wait/Deadline.js";

function fakeLimiter(paces: boolean) {
  const acquired: (string | undefined)[] = [];
  const recorded: SendOutcome[] = [];
  let ticket = 0;
  const limiter = {
    paces,
    congested: false,
    acquire: async (options: { priority?: string } = {}) => {
      acquired.push(options.priority);
      return ++ticket;
    },
    record: (outcome: SendOutcome) => void recorded.push(outcome),
  } satisfies RequestPacer;
  return { limiter, acquired, recorded };
}

/** Answers 429 with Retry-After 3 once, then 200 with an instance list. */
function throttledOnce(): HttpSend {
  let calls = 0;
  return async () =>
    ++calls === 1
      ? { status: 429, headers: { "retry-after": "3" }, body: '{"error_code":"ModelArts.6101","error_msg":"busy"}' }
      : { status: 200, headers: {}, body: '{"instances":[],"total_count":0}' };
}

/** An executor on `throttledOnce` behind `limiter`, whose sleeps are recorded in `sleeps` instead of slept. */
function throttledExecutor(limiter: RequestPacer, options: Partial<ExecutorOptions> = {}) {
  const sleeps: number[] = [];
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    send: throttledOnce(),
    limiter,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { executor, sleeps };
}

test("every attempt waits for the limiter and reports its answer; a throttled one waits out its own Retry-After", async () => {
  const { limiter, acquired, recorded } = fakeLimiter(true);
  const { executor, sleeps } = throttledExecutor(limiter);
  await executor.execute({
    method: "GET",
    path: "/x",
    retry: "idempotent",
    answer: "ListResponse",
    priority: "background",
  });
  expect(acquired).toEqual(["background", "background"]);
  // The second attempt repeats a refused request: the limiter learns whether the refusal met it again.
  expect(recorded).toEqual([
    { throttled: true, ticket: 1 },
    { throttled: false, ticket: 2, retry: true },
  ]);
  // The limiter is not paused for everyone: only this request waits, the 3 s its answer named.
  expect(sleeps).toEqual([3000]);
});

test("with pacing switched off, a throttled attempt sleeps out its Retry-After as before", async () => {
  const { limiter } = fakeLimiter(false);
  const { executor, sleeps } = throttledExecutor(limiter, { random: () => 0.5 });
  await executor.execute({ method: "GET", path: "/x", retry: "idempotent", answer: "ListResponse" });
  // Retry-After plus jitter (up to 1 s), so unpaced callers do not come back in lockstep.
  expect(sleeps).toEqual([3500]);
});

test("a request that got no answer (a network error) is reported as unanswered: it is no longer out", async () => {
  const { limiter, recorded } = fakeLimiter(true);
  let calls = 0;
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    send: async () => {
      if (++calls === 1) throw new TransportError("GET", "/x", "ECONNRESET", "socket hang up");
      return { status: 200, headers: {}, body: '{"instances":[],"total_count":0}' };
    },
    limiter,
    sleep: async () => {},
  });
  await executor.execute({ method: "GET", path: "/x", retry: "idempotent", answer: "ListResponse" });
  expect(recorded).toEqual([
    { throttled: false, unanswered: true, ticket: 1 },
    { throttled: false, ticket: 2 },
  ]);
});

test("a request queued behind the rate limiter gives up at its budget: eight reads behind Retry-After 60 all end by 300 s", async () => {
  // Virtual time on the limiter's and the executor's clock. The service refuses everything with Retry-After 60; the
  // limiter paces one request a minute, so the eighth in line would be sent at 480 s.
  const vt = new VirtualTime();
  const limiter = new AdaptiveRateLimiter({
    now: vt.now,
    sleep: vt.sleep,
    coldStartWindow: 0,
    startRate: 1 / 60,
    minRate: 1 / 60,
  });
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    limiter,
    now: vt.now,
    sleep: vt.sleep,
    random: () => 0,
    retry: { maxElapsedMs: 300_000 },
    send: async () => ({
      status: 429,
      headers: { "retry-after": "60" },
      body: '{"error_code":"ModelArts.6101","error_msg":"The system is busy now"}',
    }),
  });
  const ended: number[] = [];
  const reads = Array.from({ length: 8 }, () =>
    executor.execute({ method: "GET", path: "/x", retry: "idempotent", answer: "ListResponse" }).then(
      () => undefined,
      (err: unknown) => {
        ended.push(vt.now());
        return err;
      },
    ),
  );
  const errors = await vt.run(Promise.all(reads));
  expect(ended).toHaveLength(8);
  expect(Math.max(...ended)).toBeLessThanOrEqual(300_000);
  // Each ends with the service's last refusal, or says the limiter held it all along.
  for (const err of errors) expect(err instanceof ApiError || err instanceof DeadlineError).toBe(true);
  expect(limiter.snapshot().queued).toBe(0);
});

test("an idempotent request in flight is cut at what remains of its operation's deadline; a create's POST is not", async () => {
  const timeouts: number[] = [];
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    requestTimeoutMs: 30_000,
    send: async (_request, timeoutMs) => {
      timeouts.push(timeoutMs);
      return { status: 200, headers: {}, body: '{"instances":[],"total_count":0}' };
    },
  });
  const deadline = new Deadline(5_000, () => new DeadlineError("timed out"));
  try {
    await executor.execute({ method: "GET", path: "/x", retry: "idempotent", answer: "ListResponse", deadline });
    await executor.execute({ method: "POST", path: "/x", retry: "recoverable", answer: "ListResponse", deadline });
  } finally {
    deadline.dispose();
  }
  expect(timeouts[0]).toBeLessThanOrEqual(5_000);
  expect(timeouts[0]).toBeGreaterThan(4_000);
  expect(timeouts[1]).toBe(30_000);
});

test("a request whose operation's deadline has passed is not sent, and fails with the deadline's error", async () => {
  let sent = 0;
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    send: async () => {
      sent++;
      return { status: 200, headers: {}, body: '{"instances":[],"total_count":0}' };
    },
  });
  const deadline = new Deadline(0, () => new DeadlineError("update notebook: timed out after 10s (timeouts.update)"));
  try {
    await expect(
      executor.execute({ method: "GET", path: "/x", retry: "idempotent", answer: "ListResponse", deadline }),
    ).rejects.toThrow("timed out after 10s (timeouts.update)");
  } finally {
    deadline.dispose();
  }
  expect(sent).toBe(0);
});
