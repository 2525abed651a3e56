/**
 * How every attempt meets the shared rate limiter: it waits for it (polls at background priority), reports each
 * answer (throttled or not), and a throttled attempt waits out its own Retry-After, without jitter, before it goes
 * back to the limiter's queue (with pacing switched off, with jitter as before).
 */
import type { AdaptiveRateLimiter, SendOutcome } from "./AdaptiveRateLimiter.js";
import type { HttpSend } from "./httpTransport.js";
import { TransportError } from "./errors.js";
import { RequestExecutor } from "./RequestExecutor.js";

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
  } as unknown as AdaptiveRateLimiter;
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

test("every attempt waits for the limiter and reports its answer; a throttled one waits out its own Retry-After", async () => {
  const { limiter, acquired, recorded } = fakeLimiter(true);
  const sleeps: number[] = [];
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    send: throttledOnce(),
    limiter,
    sleep: async (ms) => void sleeps.push(ms),
  });
  await executor.execute({
    method: "GET",
    path: "/x",
    retry: "idempotent",
    answer: "ListResponse",
    priority: "background",
  });
  expect(acquired).toEqual(["background", "background"]);
  expect(recorded).toEqual([
    { throttled: true, ticket: 1 },
    { throttled: false, ticket: 2 },
  ]);
  // The limiter is not paused for everyone: only this request waits, the 3 s its answer named.
  expect(sleeps).toEqual([3000]);
});

test("with pacing switched off, a throttled attempt sleeps out its Retry-After as before", async () => {
  const { limiter } = fakeLimiter(false);
  const sleeps: number[] = [];
  const executor = new RequestExecutor({
    baseUrl: "https://modelarts.example.com",
    send: throttledOnce(),
    limiter,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  });
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
