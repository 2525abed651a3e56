/**
 * A deterministic model of `pulumi up` / `pulumi destroy` of N notebook instances against a rate-limited gateway, in
 * virtual time: the bench's Scale scenario (bench/scale.ts) without the CLI, so pacing and polling can be compared
 * in milliseconds of real time and the same numbers come out every run.
 *
 * Server: the emulator's own token bucket (emulator/RateLimiter.ts: 429 with `Retry-After` in whole seconds) and
 * lifecycle plans (emulator/demanager/timeline.ts) at the given time scale; each request takes a round trip of a few ms.
 * Client, per instance, as the provider does it: up = POST create, then poll GET until RUNNING; destroy = stop action
 * (straight away, no read first), poll until STOPPED, DELETE, poll until gone. Requests start
 * spread over the first `arrivalSpreadMs`, as the provider host receives the engine's 50 calls (about 300 ms in
 * a run of the bench). A throttled request waits out its own `Retry-After` and is sent again: through the shared
 * limiter (which paces it, in turn), or without one (plus up to 1 s jitter).
 * Answers are handled as they arrive unless `answersHeldUntilMs` says otherwise: in the real provider host the
 * first second of a 50-instance run goes to the engine's calls, so every create has sent its POST before the
 * first refusal is seen, and those refusals (about 30% of an up's requests at 5 req/s) cannot be avoided by a
 * limiter that sends freely until it is refused.
 */
import { NOMINAL_SECONDS, planCreate, planDelete, planStop } from "../emulator/demanager/timeline.js";
import type { Phase } from "../emulator/demanager/types.js";
import { RateLimiter, type RateLimitOptions } from "../emulator/RateLimiter.js";
import { scaledMs, statusAt } from "../emulator/shared/phases.js";
import { AdaptiveRateLimiter, type AdaptiveRateLimiterOptions } from "../provider/api/AdaptiveRateLimiter.js";
import { computeBackoffMs } from "../provider/wait/backoff.js";
import { INSTANCE_STATUS_TIMINGS } from "../provider/notebookInstance/statusClasses.js";
import { DEFAULT_POLL_SCHEDULE, PollPlanner, type PollScheduleOptions } from "../provider/wait/pollSchedule.js";
import { delayAfterLook, SpareLook, type LookResult } from "../provider/wait/SpareLook.js";
import { VirtualTime } from "./VirtualTime.js";

export type Route = "POST create" | "GET instance" | "POST action" | "DELETE instance";

export interface SimulationOptions {
  command: "up" | "destroy";
  instances: number;
  /** Server-side limit; none: never throttled. */
  rateLimit?: RateLimitOptions;
  /** Lifecycle durations x this (the bench runs at 0.25); the poll schedules are scaled the same way. */
  timeScale: number;
  /** `current`: waitFor's backoff with today's 2 s / 2 s / 12 s; `statusAware`: pollSchedule.ts. */
  polling: "current" | "statusAware";
  /** `adaptive`: the shared AdaptiveRateLimiter in front of every request; `none`: today. */
  limiter: "adaptive" | "none";
  limiterOptions?: Partial<AdaptiveRateLimiterOptions>;
  /** Waiters' polls acquire with `priority: "background"`. Default true. */
  priorities?: boolean;
  /** The status-aware schedule polls sparingly while the limiter is pacing. Default true. */
  congestionAware?: boolean;
  /**
   * While pacing, each wait's first sleep offers one early look with spare quota (provider/wait/SpareLook.ts), as
   * the provider does. Default true; false: the provider before it.
   */
  spareLooks?: boolean;
  /**
   * Destroy reads the status before stopping, as deleteNotebookInstance did before it stopped straight away (5
   * requests per instance). Default false: it stops straight away, 4 requests, bench/scale.ts's minimum.
   */
  readBeforeDestroy?: boolean;
  pollOptions?: Partial<PollScheduleOptions>;
  /** The engine's calls reach the provider spread over this long. Default 300 ms. */
  arrivalSpreadMs?: number;
  /** Round trip per request, uniform in [min, max] ms. Default 2-6 ms. */
  roundTripMs?: readonly [number, number];
  /**
   * The service answers each instance's first GET `429 ModelArts.6101` with this `Retry-After` (seconds), behind the
   * gateway (the request took a token first), as the emulator's `firstPerPath` + `behindGateway` fault does: busy
   * answers spread over the run as the instances reach their first poll. Counted apart from the gateway's refusals,
   * and in the floor: no client can avoid them.
   */
  busyFirstGetRetryAfterS?: number;
  /**
   * No answer is processed before this (ms from the start): the provider host's event loop first works through
   * the engine's calls (measured in a real `pulumi up` of 50: the first answer was handled after about 1 s, once
   * every create had sent its POST), so requests are sent without anything learnt from the first refusals.
   * Default 0: answers are handled as they arrive.
   */
  answersHeldUntilMs?: number;
  seed?: number;
}

export interface SimulationResult {
  wallMs: number;
  requests: number;
  /** Refused by the gateway (the busy answers are not counted here). */
  throttled: number;
  /** The service's busy answers (`busyFirstGetRetryAfterS`). */
  busy: number;
  /** Early looks sent with spare quota, and how many of them were refused (gateway or busy). */
  spareLooks: { sent: number; refused: number };
  byRoute: Record<Route, { accepted: number; throttled: number }>;
  /** Accepted (not throttled) requests per instance. */
  acceptedPerInstance: number;
  /** The minimum a correct client needs per instance, for the sequence modelled (the provider's own). */
  minimumPerInstance: number;
  /** No client can finish sooner: max of lifecycle, throughput and pipelining bounds (see `floorsFor`). */
  floorMs: number;
  /** bench/scale.ts's floor for the same run (its minimum: 2 requests per up, 4 per destroy), for the report. */
  benchFloorMs: number;
  rateCuts: number;
}

/** The emulator instance's status timeline; GONE answers "does not exist". */
interface SimInstance {
  timeline: Phase[];
}

const NO_AUTO_STOP = { enable: false, prompt: false } as const;

export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const vt = new VirtualTime();
  const random = seededRandom(options.seed ?? 1);
  const [rttMin, rttMax] = options.roundTripMs ?? [2, 6];
  const spread = options.arrivalSpreadMs ?? 300;
  const heldUntil = options.answersHeldUntilMs ?? 0;
  const scale = options.timeScale;
  const server = options.rateLimit ? new RateLimiter(options.rateLimit, 0) : undefined;
  const priorities = options.priorities ?? true;
  const spareLooks = { sent: 0, refused: 0 };
  const congestion = options.congestionAware ?? true;
  const limiter =
    options.limiter === "adaptive"
      ? new AdaptiveRateLimiter({ ...options.limiterOptions, now: vt.now, sleep: vt.sleep })
      : undefined;
  const pollOptions: PollScheduleOptions = {
    ...DEFAULT_POLL_SCHEDULE,
    timings: INSTANCE_STATUS_TIMINGS,
    ...options.pollOptions,
    timeScale: scale,
  };
  const instances = new Map<number, SimInstance>();
  const polled = new Set<number>();
  let busy = 0;
  const byRoute: SimulationResult["byRoute"] = {
    "POST create": { accepted: 0, throttled: 0 },
    "GET instance": { accepted: 0, throttled: 0 },
    "POST action": { accepted: 0, throttled: 0 },
    "DELETE instance": { accepted: 0, throttled: 0 },
  };

  type Answer = { throttled: true; retryAfterS: number } | { throttled: false; status?: string; gone: boolean };

  /** What the server does with a request arriving at `now`. */
  const serve = (route: Route, id: number, now: number): Answer => {
    const retryAfterS = server?.take(now);
    if (retryAfterS !== undefined) {
      byRoute[route].throttled++;
      return { throttled: true, retryAfterS };
    }
    if (route === "GET instance" && options.busyFirstGetRetryAfterS !== undefined && !polled.has(id)) {
      polled.add(id);
      busy++;
      byRoute[route].throttled++;
      return { throttled: true, retryAfterS: options.busyFirstGetRetryAfterS };
    }
    byRoute[route].accepted++;
    const instance = instances.get(id);
    if (route === "POST create") {
      const timeline = planCreate(now, { free: false, fail: false, autoStop: NO_AUTO_STOP, timeScale: scale });
      instances.set(id, { timeline });
      return { throttled: false, status: "CREATING", gone: false };
    }
    if (!instance) return { throttled: false, gone: true };
    const status = statusAt(instance.timeline, now);
    if (status === "GONE") return { throttled: false, gone: true };
    if (route === "POST action") instance.timeline = planStop(now, scale);
    if (route === "DELETE instance") instance.timeline = planDelete(now, scale);
    return { throttled: false, status: statusAt(instance.timeline, now), gone: false };
  };

  /** One logical call, as RequestExecutor makes it: throttled answers are retried until accepted. */
  const call = async (route: Route, id: number, poll = false): Promise<Exclude<Answer, { throttled: true }>> => {
    for (let attempt = 1; ; attempt++) {
      const ticket = limiter ? await limiter.acquire(poll && priorities ? { priority: "background" } : {}) : 0;
      const rtt = rttMin + random() * (rttMax - rttMin);
      await vt.sleep(rtt / 2);
      const answer = serve(route, id, vt.now());
      await vt.sleep(Math.max(rtt / 2, heldUntil - vt.now()));
      limiter?.record({ throttled: answer.throttled, ticket, ...(attempt > 1 && { retry: true }) });
      if (!answer.throttled) return answer;
      // The refused request waits out its Retry-After (retryStrategy.ts); with the limiter it then goes back to the
      // queue, which paces it, without the jitter that alone keeps unpaced callers from coming back in lockstep.
      await vt.sleep(answer.retryAfterS * 1000 + (limiter ? 0 : random() * 1000));
    }
  };

  /** One early look with spare quota (SpareLook's `look`): sent once or never; rejects when refused or not sent. */
  const look = async (id: number, untilMs: number): Promise<Exclude<Answer, { throttled: true }>> => {
    const ticket = await limiter!.acquire({ priority: "spare", deadline: untilMs });
    spareLooks.sent++;
    const rtt = rttMin + random() * (rttMax - rttMin);
    await vt.sleep(rtt / 2);
    const answer = serve("GET instance", id, vt.now());
    await vt.sleep(Math.max(rtt / 2, heldUntil - vt.now()));
    limiter!.record({ throttled: answer.throttled, ticket, spare: true });
    if (answer.throttled) {
      spareLooks.refused++;
      throw new Error("refused");
    }
    return answer;
  };

  /** Polls GET until `done`; the delay before each poll follows the chosen schedule. */
  const wait = async (id: number, initialStatus: string, done: (a: { status?: string; gone: boolean }) => boolean) => {
    const planner = new PollPlanner(pollOptions, vt.now(), { status: initialStatus });
    const pacing = () => congestion && (limiter?.snapshot().active ?? false);
    const spare =
      limiter && options.polling === "statusAware" && (options.spareLooks ?? true)
        ? new SpareLook((untilMs) => look(id, untilMs), pacing, vt.now, vt.sleep)
        : undefined;
    let looked: LookResult<Exclude<Answer, { throttled: true }>> | undefined;
    for (let attempt = 1; ; attempt++) {
      const planned = planner.nextDelayMs(vt.now(), congestion && (limiter?.snapshot().active ?? false));
      const delay =
        options.polling === "statusAware"
          ? looked
            ? delayAfterLook(planned, vt.now(), looked, planner.lastSightingChangedPhase)
            : planned
          : attempt === 1
            ? 2_000 * scale
            : Math.max(
                2_000 * scale,
                computeBackoffMs({ attempt: attempt - 1, baseMs: 2_000 * scale, capMs: 12_000 * scale, random }),
              );
      await (spare ? spare.sleep(delay) : vt.sleep(delay));
      looked = spare?.take();
      const answer = looked?.value ?? (await call("GET instance", id, true));
      if (done(answer)) return;
      planner.observe(vt.now(), answer.status === undefined ? undefined : { status: answer.status });
    }
  };

  const up = async (id: number) => {
    await call("POST create", id);
    await wait(id, "CREATING", (a) => a.status === "RUNNING");
  };

  const readFirst = options.readBeforeDestroy ?? false;
  const destroy = async (id: number) => {
    const read = readFirst ? await call("GET instance", id) : { status: "RUNNING", gone: false };
    if (read.gone) return;
    if (read.status === "RUNNING") {
      await call("POST action", id);
      await wait(id, "STOPPING", (a) => a.status === "STOPPED");
    }
    await call("DELETE instance", id);
    await wait(id, "DELETING", (a) => a.gone);
  };

  if (options.command === "destroy") {
    // Every instance RUNNING since long ago, as after the up.
    for (let id = 0; id < options.instances; id++) instances.set(id, { timeline: [{ status: "RUNNING", at: -1 }] });
  }
  const arrivals = Array.from({ length: options.instances }, () => random() * spread).sort((a, b) => a - b);
  let finishedAt = 0;
  const work = Promise.all(
    arrivals.map(async (at, id) => {
      await vt.sleep(at);
      await (options.command === "up" ? up(id) : destroy(id));
      finishedAt = Math.max(finishedAt, vt.now());
    }),
  );
  await vt.run(work);

  const requests = Object.values(byRoute).reduce((n, r) => n + r.accepted + r.throttled, 0);
  const throttled = Object.values(byRoute).reduce((n, r) => n + r.throttled, 0) - busy;
  const accepted = requests - throttled - busy;
  const floors = floorsFor(options, readFirst, busy);
  return {
    wallMs: finishedAt,
    requests,
    throttled,
    busy,
    spareLooks,
    byRoute,
    acceptedPerInstance: accepted / options.instances,
    minimumPerInstance: floors.minimumPerInstance,
    floorMs: floors.floorMs,
    benchFloorMs: floors.benchFloorMs,
    rateCuts: limiter?.snapshot().cuts ?? 0,
  };
}

/**
 * Lower bounds on the wall time of the modelled run:
 * - lifecycle: one instance's create (CREATING + STARTING) or destroy (STOPPING + DELETING), all at once;
 * - throughput: the minimum requests, less the gateway's burst, at its rate;
 * - pipelining (up): the last POST cannot be accepted before (N - burst) / rate, and its instance then takes a
 *   full create.
 * bench/scale.ts's `floorsFor` takes the same three bounds (the 0.1 report's floor left out the pipelining bound,
 * which binds a throttled up: at 10 req/s the 50th create is accepted at 4 s at the earliest and RUNNING 10 s later).
 */
export function floorsFor(
  options: Pick<SimulationOptions, "command" | "instances" | "rateLimit" | "timeScale">,
  readBeforeDestroy = false,
  /** Requests the gateway must carry besides the minimum (busy answers it passed on to the service). */
  extraRequests = 0,
): {
  floorMs: number;
  benchFloorMs: number;
  minimumPerInstance: number;
} {
  const s = options.timeScale;
  const n = options.instances;
  const up = options.command === "up";
  const lifecycleMs = up
    ? scaledMs(NOMINAL_SECONDS.creating, s) + scaledMs(NOMINAL_SECONDS.starting, s)
    : scaledMs(NOMINAL_SECONDS.stopping, s) + scaledMs(NOMINAL_SECONDS.deleting, s);
  const minimumPerInstance = up ? 2 : readBeforeDestroy ? 5 : 4;
  const benchMinimum = up ? 2 : 4;
  if (!options.rateLimit) return { floorMs: lifecycleMs, benchFloorMs: lifecycleMs, minimumPerInstance };
  const rate = options.rateLimit.requestsPerSecond;
  const burst = options.rateLimit.burst ?? Math.max(1, rate);
  const throughput = (perInstance: number) => (Math.max(0, perInstance * n + extraRequests - burst) / rate) * 1000;
  const pipelinedMs = up ? (Math.max(0, n - burst) / rate) * 1000 + lifecycleMs : 0;
  return {
    floorMs: Math.max(lifecycleMs, throughput(minimumPerInstance), pipelinedMs),
    benchFloorMs: Math.max(lifecycleMs, throughput(benchMinimum), pipelinedMs),
    minimumPerInstance,
  };
}

/** mulberry32: small, seeded, good enough to spread arrivals and jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
