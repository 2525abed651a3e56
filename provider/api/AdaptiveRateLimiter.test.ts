import { VirtualTime } from "../../devkit/VirtualTime.js";
import { RateLimiter } from "../../emulator/RateLimiter.js";
import {
  AdaptiveRateLimiter,
  QueueDeadlineError,
  rateLimiterOptionsFromEnv,
  setSharedRateLimiter,
  sharedRateLimiter,
  type AdaptiveRateLimiterOptions,
} from "./AdaptiveRateLimiter.js";

function setup(options: AdaptiveRateLimiterOptions = {}) {
  const vt = new VirtualTime();
  const limiter = new AdaptiveRateLimiter({ now: vt.now, sleep: vt.sleep, ...options });
  /** `count` requests answered without throttling, `gapMs` apart, as if sent while pacing was off. */
  const accepted = async (count: number, gapMs = 10) => {
    for (let i = 0; i < count; i++) {
      const ticket = await limiter.acquire();
      limiter.record({ throttled: false, ticket });
      await vt.run(vt.sleep(gapMs));
    }
  };
  /** Acquires `count` permits at once; resolves to when each was granted, as virtual time is driven. */
  const startGrants = (count: number) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        await limiter.acquire();
        return vt.now();
      }),
    );
  const grantTimes = (count: number) => vt.run(startGrants(count));
  return { vt, limiter, accepted, startGrants, grantTimes };
}

describe("AdaptiveRateLimiter", () => {
  describe("before any throttled answer", () => {
    it("hands out one cached, already resolved promise and never sleeps", async () => {
      const sleep = jest.fn(async () => {});
      const now = jest.fn(() => 0);
      const limiter = new AdaptiveRateLimiter({ now, sleep });
      const first = limiter.acquire();
      expect(limiter.acquire()).toBe(first);
      await expect(first).resolves.toBe(0);
      for (let i = 0; i < 100; i++) {
        await limiter.acquire();
        limiter.record({ throttled: false, ticket: 0 });
      }
      expect(sleep).not.toHaveBeenCalled();
      expect(limiter.snapshot()).toMatchObject({ active: false, queued: 0, cuts: 0 });
    });

    it("rejects an already aborted acquire with the signal's reason", async () => {
      const limiter = new AdaptiveRateLimiter();
      const controller = new AbortController();
      controller.abort(new Error("stop"));
      await expect(limiter.acquire({ signal: controller.signal })).rejects.toThrow("stop");
    });
  });

  describe("the cold-start guard", () => {
    /** `count` acquires at once; which have resolved so far (after the microtasks ran). */
    async function acquireMany(limiter: AdaptiveRateLimiter, count: number, priority?: "background") {
      const granted: number[] = [];
      const all = Array.from({ length: count }, (_, i) =>
        limiter.acquire(priority ? { priority } : {}).then((ticket) => {
          granted.push(i);
          return ticket;
        }),
      );
      await new Promise((resolve) => setImmediate(resolve));
      return { granted, all };
    }

    it("lets at most `coldStartWindow` requests out before answers come back, one more per answer", async () => {
      const { limiter } = setup({ coldStartWindow: 4, coldStartAnswers: 10 });
      const { granted } = await acquireMany(limiter, 12);
      expect(granted).toEqual([0, 1, 2, 3]);
      limiter.record({ throttled: false, ticket: 0 });
      limiter.record({ throttled: false, ticket: 0 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
      expect(limiter.snapshot()).toMatchObject({ active: false, queued: 6 });
    });

    it("ends after `coldStartAnswers` answers without a refusal: the queue leaves at once, then no limit", async () => {
      const { limiter } = setup({ coldStartWindow: 2, coldStartAnswers: 3 });
      const { granted, all } = await acquireMany(limiter, 10);
      for (let i = 0; i < 3; i++) limiter.record({ throttled: false, ticket: 0 });
      await Promise.all(all);
      expect(granted).toHaveLength(10);
      // Off again: the one cached promise, as for a limiter that never met a refusal.
      expect(limiter.acquire()).toBe(limiter.acquire());
    });

    it("a refusal within the window turns pacing on, and what the guard held is paced, not let out at once", async () => {
      const { vt, limiter } = setup({ coldStartWindow: 4, coldStartAnswers: 20, startRate: 2 });
      const started = vt.now();
      const times: number[] = [];
      const all = Array.from({ length: 8 }, () => limiter.acquire().then(() => times.push(vt.now() - started)));
      await new Promise((resolve) => setImmediate(resolve));
      limiter.record({ throttled: false, ticket: 0 });
      limiter.record({ throttled: true, ticket: 0 });
      await vt.run(Promise.all(all));
      // 4 at once, 1 on the accepted answer, then the refusal: 2 req/s from then (nobody is paused for it).
      expect(times).toEqual([0, 0, 0, 0, 0, 500, 1000, 1500]);
      expect(limiter.snapshot()).toMatchObject({ active: true, cuts: 1 });
    });

    it("a request that got no answer (network error) gives its place back", async () => {
      const { limiter } = setup({ coldStartWindow: 1, coldStartAnswers: 5 });
      const { granted } = await acquireMany(limiter, 3);
      expect(granted).toEqual([0]);
      limiter.record({ throttled: false, unanswered: true, ticket: 0 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(granted).toEqual([0, 1]);
    });

    it("serves requests that start work before polls", async () => {
      const { limiter } = setup({ coldStartWindow: 1, coldStartAnswers: 5 });
      const order: string[] = [];
      await limiter.acquire();
      const poll = limiter.acquire({ priority: "background" }).then(() => order.push("poll"));
      const work = limiter.acquire().then(() => order.push("work"));
      limiter.record({ throttled: false, ticket: 0 });
      limiter.record({ throttled: false, ticket: 0 });
      await Promise.all([poll, work]);
      expect(order).toEqual(["work", "poll"]);
    });

    it("is off with coldStartWindow 0, and when pacing is switched off", async () => {
      for (const options of [{ coldStartWindow: 0 }, { enabled: false }]) {
        const { limiter } = setup(options);
        const { granted } = await acquireMany(limiter, 50);
        expect(granted).toHaveLength(50);
      }
    });
  });

  describe("the first throttled answer", () => {
    it("turns pacing on at 0.9 x what the service accepted in the last second", async () => {
      const { limiter, accepted } = setup();
      await accepted(10);
      limiter.record({ throttled: true, ticket: 0 });
      expect(limiter.snapshot()).toMatchObject({ active: true, ratePerSecond: 9, lastMaxRatePerSecond: 10, cuts: 1 });
    });

    it("starts at startRate when one is configured, and never below minRate", async () => {
      const a = setup({ startRate: 3 });
      await a.accepted(10);
      a.limiter.record({ throttled: true, ticket: 0 });
      expect(a.limiter.snapshot().ratePerSecond).toBe(3);

      const b = setup({ minRate: 2 });
      b.limiter.record({ throttled: true, ticket: 0 });
      expect(b.limiter.snapshot().ratePerSecond).toBe(2);
    });

    it("counts accepted answers to earlier sends that arrive just after the refusal (a longer round trip)", async () => {
      const { vt, limiter, accepted } = setup();
      await accepted(4);
      limiter.record({ throttled: true, ticket: 0 });
      expect(limiter.snapshot().ratePerSecond).toBeCloseTo(3.6);
      for (let i = 0; i < 6; i++) limiter.record({ throttled: false, ticket: 0 });
      expect(limiter.snapshot().ratePerSecond).toBeCloseTo(9);
      // Later than a second after the refusal they belong to another second of quota.
      await vt.run(vt.sleep(1500));
      limiter.record({ throttled: false, ticket: 0 });
      expect(limiter.snapshot().lastMaxRatePerSecond).toBe(10);
    });
  });

  describe("a refusal", () => {
    it("holds nobody: the others go on at once at the paced rate (the refused request waits out its own Retry-After)", async () => {
      const { vt, limiter, accepted, grantTimes } = setup({ slowStartDoublingMs: 0 });
      await accepted(10);
      const refusedAt = vt.now();
      limiter.record({ throttled: true, ticket: 0 });
      const times = await grantTimes(4);
      // One every 1/9 s from the refusal: no pause for a Retry-After, and no saved-up burst.
      expect(times.map((t) => Math.round(t - refusedAt))).toEqual([111, 222, 333, 444]);
    });
  });

  describe("adapting", () => {
    it("cuts once per congestion event: refusals of requests sent before the cut do not cut again", async () => {
      const { limiter, accepted } = setup();
      await accepted(10);
      for (let i = 0; i < 40; i++) limiter.record({ throttled: true, ticket: 0 });
      expect(limiter.snapshot()).toMatchObject({ cuts: 1, ratePerSecond: 9 });
    });

    it("cuts to 0.7 x the rate being sent on a refusal of a request sent since, and aims lower when refused below the last peak", async () => {
      const { vt, limiter, accepted, startGrants } = setup({ slowStartDoublingMs: 0 });
      await accepted(10);
      limiter.record({ throttled: true, ticket: 0 });
      const busy = startGrants(30);
      await vt.run(vt.sleep(1_000));
      limiter.record({ throttled: true, ticket: 1 });
      // A queue: the pacing rate is what was being sent (9), and 9 < the last peak (10): plateau (1 + 0.7) / 2 x 9.
      expect(limiter.snapshot()).toMatchObject({ cuts: 2 });
      expect(limiter.snapshot().ratePerSecond).toBeCloseTo(6.3);
      expect(limiter.snapshot().lastMaxRatePerSecond).toBeCloseTo(7.65);
      await vt.run(busy);
    });

    it("cuts from the rate measured when less was being sent than the pacing rate allowed", async () => {
      const { vt, limiter, accepted } = setup({ slowStartDoublingMs: 0, minRate: 0.1 });
      await accepted(10);
      limiter.record({ throttled: true, ticket: 0 });
      // One request a second for 3 s, well below the 9 allowed.
      for (let i = 0; i < 3; i++) {
        await vt.run(vt.sleep(1_000));
        await vt.run(limiter.acquire());
      }
      limiter.record({ throttled: true, ticket: 1 });
      // 2 sends in the last 2 s: 1 req/s; twice that could have been sent, and was too much: 0.7 x 2 req/s.
      expect(limiter.snapshot().ratePerSecond).toBeCloseTo(1.4);
    });

    it("grows back along the cubic curve: at the refused rate after recoveryMs, and no further while idle", async () => {
      const { vt, limiter, accepted, startGrants } = setup({ slowStartDoublingMs: 0, recoveryMs: 12_000 });
      await accepted(10);
      limiter.record({ throttled: true, ticket: 0 });
      const busy = startGrants(400);
      await vt.run(vt.sleep(1_000));
      limiter.record({ throttled: true, ticket: 1 });
      const cutTo = limiter.snapshot().ratePerSecond;
      const peak = limiter.snapshot().lastMaxRatePerSecond;
      const rateAfter = async (ms: number) => {
        await vt.run(vt.sleep(ms));
        limiter.record({ throttled: false, ticket: 2 });
        return limiter.snapshot().ratePerSecond;
      };
      const at3 = await rateAfter(3_000);
      expect(at3).toBeGreaterThan(cutTo);
      expect(at3).toBeLessThan(peak * 0.98);
      // A cut to 0.7 x the peak would take exactly 12 s; this one (to 6.3, peak 7.65) a little less.
      expect(await rateAfter(8_000)).toBeCloseTo(peak, 1);
      await vt.run(busy);
      // Past the peak the curve climbs, but only as far as twice what is being sent: nothing, so the peak.
      expect(await rateAfter(30_000)).toBeCloseTo(peak, 1);
    });

    it("doubles the cold start's rate every slowStartDoublingMs while work is queued", async () => {
      const { vt, limiter, accepted, startGrants } = setup({ slowStartDoublingMs: 1_000 });
      await accepted(2);
      limiter.record({ throttled: true, ticket: 0 });
      const start = limiter.snapshot().ratePerSecond;
      const busy = startGrants(60);
      await vt.run(vt.sleep(2_000));
      limiter.record({ throttled: false, ticket: 1 });
      expect(limiter.snapshot().ratePerSecond).toBeCloseTo(start * 4, 5);
      await vt.run(busy);
    });

    /** 50 callers sending back to back through `gateway` until slow start has ended; the rate just before. */
    const untilSlowStartEnds = async (gateway: RateLimiter) => {
      const { vt, limiter } = setup();
      let rateBefore = 0;
      let rateAfter = 0;
      const worker = async () => {
        while (limiter.snapshot().cuts < 2) {
          const ticket = await limiter.acquire();
          const refused = gateway.take(vt.now());
          if (refused === undefined) {
            limiter.record({ throttled: false, ticket });
            continue;
          }
          const before = limiter.snapshot();
          limiter.record({ throttled: true, ticket });
          if (before.cuts === 1 && limiter.snapshot().cuts === 2) {
            rateBefore = before.ratePerSecond;
            rateAfter = limiter.snapshot().ratePerSecond;
          }
        }
      };
      await vt.run(Promise.all(Array.from({ length: 50 }, worker)));
      return { rateBefore, rateAfter };
    };

    it("ends slow start near the quota when the cold start overestimated it (a gateway that saves up more than a second)", async () => {
      // A bucket at 5 req/s with 8 saved up: the cold start gets 8 through and starts at 0.9 x 8; nobody is paused
      // for the refusal, so the bucket never refills and the next refusal comes at once.
      const { rateBefore, rateAfter } = await untilSlowStartEnds(
        new RateLimiter({ requestsPerSecond: 5, burst: 8 }, 0),
      );
      expect(rateBefore).toBeGreaterThan(7);
      expect(rateAfter).toBeGreaterThan(4.5);
      expect(rateAfter).toBeLessThan(5.5);
    });

    it("ends slow start with a plain cut when pacing began far below what it measured (a gateway without burst)", async () => {
      const { rateBefore, rateAfter } = await untilSlowStartEnds(
        new RateLimiter({ requestsPerSecond: 10, burst: 1 }, 0),
      );
      expect(rateBefore).toBeGreaterThan(8);
      expect(rateAfter).toBeCloseTo(0.7 * rateBefore, 5);
    });

    it("never cuts below minRate", async () => {
      const { vt, limiter } = setup({ minRate: 1 });
      limiter.record({ throttled: true, ticket: 0 });
      for (let i = 0; i < 10; i++) {
        const ticket = await vt.run(limiter.acquire());
        limiter.record({ throttled: true, ticket });
      }
      expect(limiter.snapshot().ratePerSecond).toBe(1);
    });
  });

  describe("sporadic refusals (a service that answers some requests busy, whatever the rate)", () => {
    /**
     * Ten callers sending back to back (the limiter is the bottleneck), each answer given at once; `refuse` says
     * which answers are refusals. Resolves at `untilMs` (virtual).
     */
    const traffic = (
      vt: VirtualTime,
      limiter: AdaptiveRateLimiter,
      untilMs: number,
      refuse: (at: number) => boolean = () => false,
    ) =>
      vt.run(
        Promise.all(
          Array.from({ length: 10 }, async () => {
            while (vt.now() < untilMs) {
              const ticket = await limiter.acquire();
              limiter.record({ throttled: refuse(vt.now()), ticket });
            }
          }),
        ),
      );

    /** Pacing settled at about 5 req/s after a first congestion event, calm for seconds. */
    async function settled() {
      const { vt, limiter } = setup({ startRate: 5, slowStartDoublingMs: 0 });
      limiter.record({ throttled: true, ticket: 0 });
      // One refusal 3 s in ends slow start (the classic cut), then 20 s without one: the curve is back near 5.
      let refusedOnce = false;
      await traffic(vt, limiter, 23_000, (at) => {
        if (refusedOnce || at < 3_000) return false;
        return (refusedOnce = true);
      });
      const reference = limiter.snapshot().ratePerSecond;
      expect(reference).toBeGreaterThan(4.5);
      return { vt, limiter, reference };
    }

    it("slows the rate in proportion to the share refused: one refusal among ten answers costs a tenth, not 0.7", async () => {
      const { vt, limiter, reference } = await settled();
      const cuts = limiter.snapshot().cuts;
      const ticket = await vt.run(limiter.acquire());
      limiter.record({ throttled: true, ticket });
      const after = limiter.snapshot();
      expect(after.cuts).toBe(cuts + 1);
      // About ten answers in the last 2 s, this one refused.
      expect(after.ratePerSecond / reference).toBeGreaterThan(0.85);
      expect(after.ratePerSecond / reference).toBeLessThan(0.95);
    });

    it("does not compound: refusals that go on at the same share keep the rate where the first one put it", async () => {
      const { vt, limiter, reference } = await settled();
      // One answer in ten refused, for 6 s.
      let n = 0;
      await traffic(vt, limiter, vt.now() + 6_000, () => ++n % 10 === 0);
      // 0.7 per refusal, as a gateway's refusal is met, would be at the floor (0.5) after a few of them.
      expect(limiter.snapshot().ratePerSecond / reference).toBeGreaterThan(0.8);
    });

    it("comes back to the rate it had within seconds of clean answers", async () => {
      const { vt, limiter, reference } = await settled();
      let n = 0;
      await traffic(vt, limiter, vt.now() + 4_000, () => ++n % 4 === 0);
      const slowed = limiter.snapshot().ratePerSecond;
      expect(slowed / reference).toBeLessThan(0.85);
      await traffic(vt, limiter, vt.now() + 5_000);
      expect(limiter.snapshot().ratePerSecond / reference).toBeGreaterThan(0.97);
    });

    it("slows from the pacing rate, not from the demand, when the refusals begin after a quiet spell", async () => {
      const { vt, limiter, reference } = await settled();
      // Nothing sent for 3 s (the creates are done, the waits have not polled yet); the first poll is refused, then
      // polls come, a quarter of them refused.
      await vt.run(vt.sleep(3_000));
      limiter.record({ throttled: true, ticket: await vt.run(limiter.acquire()) });
      let n = 0;
      await traffic(vt, limiter, vt.now() + 3_000, () => ++n % 4 === 0);
      // From the demand of the quiet spell (nothing) the rate would fall to the floor, 0.5 req/s.
      expect(limiter.snapshot().ratePerSecond / reference).toBeGreaterThan(0.65);
    });

    it("is not slowed by refused spare requests (early looks that took a busy answer nobody else would meet)", async () => {
      const { vt, limiter, reference } = await settled();
      const cuts = limiter.snapshot().cuts;
      for (let i = 0; i < 5; i++) {
        const ticket = await vt.run(limiter.acquire({ priority: "spare" }));
        limiter.record({ throttled: true, ticket, spare: true });
      }
      expect(limiter.snapshot().cuts).toBe(cuts);
      expect(limiter.snapshot().ratePerSecond).toBeCloseTo(reference, 5);
      // The same refusals to normal requests do slow it.
      for (let i = 0; i < 5; i++) limiter.record({ throttled: true, ticket: await vt.run(limiter.acquire()) });
      expect(limiter.snapshot().ratePerSecond / reference).toBeLessThan(0.9);
    });

    /**
     * Ten callers sending back to back; each request goes again at once when refused (marked as a retry), until
     * accepted. `refuse(at, retry)` says which answers are refusals.
     */
    const trafficWithRetries = (
      vt: VirtualTime,
      limiter: AdaptiveRateLimiter,
      untilMs: number,
      refuse: (at: number, retry: boolean) => boolean,
    ) =>
      vt.run(
        Promise.all(
          Array.from({ length: 10 }, async () => {
            let retry = false;
            while (vt.now() < untilMs) {
              const ticket = await limiter.acquire();
              const throttled = refuse(vt.now(), retry);
              limiter.record({ throttled, ticket, ...(retry && { retry: true }) });
              retry = throttled;
            }
          }),
        ),
      );

    it("is not held down by refusals that their retries do not meet again (a service busy for those requests)", async () => {
      const { vt, limiter, reference } = await settled();
      // Every other new request answered busy, each retry accepted: half the answers refused, for 6 s.
      let n = 0;
      await trafficWithRetries(vt, limiter, vt.now() + 6_000, (_at, retry) => !retry && ++n % 2 === 0);
      // In proportion to the share refused alone it would stay at 0.7x.
      expect(limiter.snapshot().ratePerSecond / reference).toBeGreaterThan(0.9);
    });

    it("follows a gateway down that refuses retries as often as anything", async () => {
      const { vt, limiter } = await settled();
      const gateway = new RateLimiter({ requestsPerSecond: 2, burst: 1 }, vt.now());
      await trafficWithRetries(vt, limiter, vt.now() + 30_000, (at) => gateway.take(at) !== undefined);
      expect(limiter.snapshot().ratePerSecond).toBeLessThan(2.4);
    });

    it("follows a gateway down when refusals grow as the rate does", async () => {
      const { vt, limiter } = await settled();
      // A gateway whose quota fell to 2 req/s: everything above it is refused.
      const gateway = new RateLimiter({ requestsPerSecond: 2, burst: 1 }, vt.now());
      await traffic(vt, limiter, vt.now() + 30_000, (at) => gateway.take(at) !== undefined);
      expect(limiter.snapshot().ratePerSecond).toBeLessThan(2.4);
    });
  });

  describe("queueing", () => {
    it("serves waiters in the order they came", async () => {
      const { vt, limiter } = setup();
      limiter.record({ throttled: true, ticket: 0 });
      const order: number[] = [];
      await vt.run(Promise.all([0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i)))));
      expect(order).toEqual([0, 1, 2, 3, 4]);
    });

    it("serves normal requests before queued background ones, and a background one that waited too long in turn", async () => {
      const { vt, limiter } = setup({ startRate: 1, maxBackgroundWaitMs: 2_500, slowStartDoublingMs: 0 });
      limiter.record({ throttled: true, ticket: 0 });
      const order: string[] = [];
      const take = (name: string, priority: "normal" | "background") =>
        limiter.acquire({ priority }).then(() => order.push(`${name}@${vt.now()}`));
      const all = [take("poll1", "background"), take("poll2", "background")];
      all.push(take("create1", "normal"), take("create2", "normal"), take("create3", "normal"));
      all.push(take("create4", "normal"), take("create5", "normal"));
      await vt.run(Promise.all(all));
      // One a second from 1000; poll1 has waited 2500 ms by 3000 and goes in its turn, before later creates.
      expect(order).toEqual([
        "create1@1000",
        "create2@2000",
        "poll1@3000",
        "poll2@4000",
        "create3@5000",
        "create4@6000",
        "create5@7000",
      ]);
    });

    it("lets a normal request overtake background ones waiting for a token", async () => {
      const { vt, limiter } = setup({ startRate: 1 });
      limiter.record({ throttled: true, ticket: 0 });
      const order: string[] = [];
      const polls = [limiter.acquire({ priority: "background" }).then(() => order.push("poll"))];
      const create = limiter.acquire().then(() => order.push("create"));
      await vt.run(Promise.all([...polls, create]));
      expect(order).toEqual(["create", "poll"]);
    });

    it("serves a spare request only with a token no normal or background request is queued for", async () => {
      const { vt, limiter } = setup({ startRate: 1, slowStartDoublingMs: 0, spareShare: 1 });
      limiter.record({ throttled: true, ticket: 0 });
      const order: string[] = [];
      const take = (name: string, priority: "normal" | "background" | "spare") =>
        limiter.acquire({ priority }).then(() => order.push(`${name}@${vt.now()}`));
      const all = [take("look", "spare"), take("poll", "background"), take("create", "normal")];
      await vt.run(Promise.all(all));
      expect(order).toEqual(["create@1000", "poll@2000", "look@3000"]);
      // A spare request is no demand the rate must meet: it never shows as queued.
      void limiter.acquire({ priority: "spare" });
      expect(limiter.snapshot().queued).toBe(0);
    });

    it("lets spare requests out at most at their share of the rate", async () => {
      const { vt, limiter } = setup({ startRate: 2, slowStartDoublingMs: 0 });
      limiter.record({ throttled: true, ticket: 0 });
      const times: number[] = [];
      const looks = [0, 1, 2].map(() => limiter.acquire({ priority: "spare" }).then(() => times.push(vt.now())));
      await vt.run(Promise.all(looks));
      // 2 req/s, half of it for spare requests: the first with the first token, then one a second, although a
      // token is there every 500 ms.
      expect(times).toEqual([500, 1500, 2500]);
    });

    it("lets refused spare requests earn up to the whole rate, and answered ones keep to their share", async () => {
      const { vt, limiter } = setup({ startRate: 2, slowStartDoublingMs: 0 });
      limiter.record({ throttled: true, ticket: 0 });
      const looks = async (count: number, refused: boolean) => {
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          const ticket = await vt.run(limiter.acquire({ priority: "spare" }));
          times.push(vt.now());
          limiter.record({ throttled: refused, ticket, spare: true });
        }
        return times.slice(1).map((t, i) => t - times[i]!);
      };
      // Each look refused ("system busy"): the gaps shrink from the half share's 1 s to the rate's 500 ms.
      expect(await looks(4, true)).toEqual([500, 500, 500]);
      // Ten seconds later that evidence is gone; looks that are answered keep to half the rate.
      await vt.run(vt.sleep(11_000));
      expect(await looks(4, false)).toEqual([1000, 1000, 1000]);
    });

    it("does not send a spare request still queued at its deadline (the regular poll is due then)", async () => {
      const { vt, limiter } = setup({ startRate: 1, slowStartDoublingMs: 0 });
      limiter.record({ throttled: true, ticket: 0 });
      const creates = [0, 1, 2].map(() => limiter.acquire());
      const look = limiter.acquire({ priority: "spare", deadline: 2_500 });
      const settled = look.then(
        () => `sent@${vt.now()}`,
        (err: unknown) => `${(err as Error).name}@${vt.now()}`,
      );
      await vt.run(Promise.all([...creates, settled]));
      expect(await settled).toBe("QueueDeadlineError@2500");
    });

    it("grants a spare request at once while it does not pace", async () => {
      const limiter = new AdaptiveRateLimiter({ coldStartWindow: 0 });
      await expect(limiter.acquire({ priority: "spare" })).resolves.toBe(0);
    });

    it("drops an aborted waiter at once and serves the others", async () => {
      const { vt, limiter } = setup({ startRate: 1 });
      limiter.record({ throttled: true, ticket: 0 });
      const controller = new AbortController();
      const aborted = limiter.acquire({ signal: controller.signal });
      const other = limiter.acquire();
      controller.abort(new Error("cancelled"));
      await expect(aborted).rejects.toThrow("cancelled");
      expect(limiter.snapshot().queued).toBe(1);
      await vt.run(other);
      expect(vt.now()).toBe(1000);
    });

    it("rejects a waiter still queued at its deadline (on the limiter's clock) and serves the others", async () => {
      // One request a minute: the third in line would go at 180 s.
      const { vt, limiter } = setup({ startRate: 1 / 60, minRate: 1 / 60 });
      limiter.record({ throttled: true, ticket: 0 });
      const settled: string[] = [];
      const take = (name: string, deadline?: number) =>
        limiter.acquire(deadline === undefined ? {} : { deadline }).then(
          () => settled.push(`${name} sent@${vt.now()}`),
          (err: unknown) => settled.push(`${name} ${(err as Error).name}@${vt.now()}`),
        );
      await vt.run(Promise.all([take("a"), take("b", 100_000), take("c", 200_000), take("d")]));
      // b would have gone at 120 s: it leaves at its deadline, and c and d move up.
      expect(settled).toEqual(["a sent@60000", "b QueueDeadlineError@100000", "c sent@120000", "d sent@180000"]);
      expect(limiter.snapshot().queued).toBe(0);
    });

    it("rejects at once a request that would have to queue past its deadline already", async () => {
      const { vt, limiter } = setup({ startRate: 1 });
      limiter.record({ throttled: true, ticket: 0 });
      await expect(limiter.acquire({ deadline: vt.now() })).rejects.toThrow(QueueDeadlineError);
    });

    it("ends its own sleep when the last waiter aborts, holding no timer for the rest of a long wait", async () => {
      const sleeps: AbortSignal[] = [];
      const limiter = new AdaptiveRateLimiter({
        // One request a minute: the second waits 60 s for its token.
        startRate: 1 / 60,
        minRate: 1 / 60,
        now: () => 0,
        sleep: (_ms, signal) =>
          new Promise<void>((resolve) => {
            sleeps.push(signal!);
            signal!.addEventListener("abort", () => resolve());
          }),
      });
      limiter.record({ throttled: true, ticket: 0 });
      const controller = new AbortController();
      const waiting = limiter.acquire({ signal: controller.signal });
      await Promise.resolve();
      expect(sleeps).toHaveLength(1);
      controller.abort();
      await expect(waiting).rejects.toThrow();
      expect(sleeps[0]!.aborted).toBe(true);
    });

    it("lets up to `burst` requests leave at once after a quiet spell", async () => {
      const { vt, limiter, grantTimes } = setup({ startRate: 2, burst: 3 });
      limiter.record({ throttled: true, ticket: 0 });
      await vt.run(vt.sleep(10_000));
      expect(await grantTimes(4)).toEqual([10_000, 10_000, 10_000, 10_500]);
    });
  });

  it("does nothing when disabled", async () => {
    const { limiter } = setup({ enabled: false });
    limiter.record({ throttled: true, ticket: 0 });
    expect(limiter.snapshot()).toMatchObject({ active: false, cuts: 0 });
    await expect(limiter.acquire()).resolves.toBe(0);
  });

  it("rejects nonsense options", () => {
    expect(() => new AdaptiveRateLimiter({ beta: 1 })).toThrow(RangeError);
    expect(() => new AdaptiveRateLimiter({ minRate: 0 })).toThrow(RangeError);
    expect(() => new AdaptiveRateLimiter({ startRate: Number.NaN })).toThrow(RangeError);
    expect(() => new AdaptiveRateLimiter({ recoveryMs: -1 })).toThrow(RangeError);
    expect(() => new AdaptiveRateLimiter({ shareWindowMs: 0 })).toThrow(RangeError);
    expect(() => new AdaptiveRateLimiter({ episodeMaxMs: -1 })).toThrow(RangeError);
    expect(() => new AdaptiveRateLimiter({ coldStartWindow: 1.5 })).toThrow(RangeError);
  });
});

describe("rateLimiterOptionsFromEnv", () => {
  it.each([
    [{}, {}],
    [
      { MODELARTS_RATE_LIMIT_START: "5", MODELARTS_RATE_LIMIT_MIN: "0.2" },
      { startRate: 5, minRate: 0.2 },
    ],
    [{ MODELARTS_RATE_LIMIT: "off" }, { enabled: false }],
    [{ MODELARTS_RATE_LIMIT: "OFF" }, { enabled: false }],
    [{ MODELARTS_RATE_LIMIT: "on" }, {}],
    // Unreadable values fall back to the defaults rather than fail a deployment.
    [{ MODELARTS_RATE_LIMIT_START: "fast", MODELARTS_RATE_LIMIT_MIN: "-1" }, {}],
    [{ MODELARTS_RATE_LIMIT_START: "0", MODELARTS_RATE_LIMIT_MIN: " " }, {}],
    [{ MODELARTS_RATE_LIMIT_COLD_START: "0" }, { coldStartWindow: 0 }],
    [{ MODELARTS_RATE_LIMIT_COLD_START: "16" }, { coldStartWindow: 16 }],
    [{ MODELARTS_RATE_LIMIT_COLD_START: "many" }, {}],
  ])("%j gives %j", (env, expected) => {
    expect(rateLimiterOptionsFromEnv(env)).toEqual(expected);
  });
});

describe("sharedRateLimiter", () => {
  afterEach(() => setSharedRateLimiter());

  it("is one limiter per process, made from the environment on first use", () => {
    const first = sharedRateLimiter({ MODELARTS_RATE_LIMIT: "off" });
    expect(sharedRateLimiter()).toBe(first);
    first.record({ throttled: true, ticket: 0 });
    expect(first.snapshot().active).toBe(false);
  });

  it("can be replaced for tests", () => {
    const mine = new AdaptiveRateLimiter();
    setSharedRateLimiter(mine);
    expect(sharedRateLimiter()).toBe(mine);
  });
});
