import { VirtualTime } from "../../devkit/VirtualTime.js";
import { delayAfterLook, SpareLook } from "./SpareLook.js";

/** A look answered (or refused) `answerAfterMs` after it is asked; records when it was asked and its end. */
function setup(
  options: { pacing?: boolean | (() => boolean); answerAfterMs?: number; refuse?: boolean; value?: string } = {},
) {
  const vt = new VirtualTime();
  const asked: { at: number; untilMs: number }[] = [];
  const look = async (untilMs: number) => {
    asked.push({ at: vt.now(), untilMs });
    await vt.sleep(options.answerAfterMs ?? 100);
    if (options.refuse) throw new Error("429 ModelArts.6101");
    return options.value ?? "CREATE_FAILED";
  };
  const given = options.pacing ?? true;
  const pacing = typeof given === "function" ? given : () => given;
  const spare = new SpareLook(look, () => pacing(), vt.now, vt.sleep);
  /** Sleeps `ms` through the look; resolves to how long the sleep took. */
  const sleep = async (ms: number, signal?: AbortSignal) => {
    const from = vt.now();
    await vt.run(spare.sleep(ms, signal));
    return vt.now() - from;
  };
  return { vt, spare, asked, sleep };
}

describe("SpareLook", () => {
  it("while pacing, ends the first sleep when its look answers, and gives what it saw to the poll after it, once", async () => {
    const { spare, asked, sleep } = setup({ answerAfterMs: 300 });
    expect(await sleep(5_000)).toBe(300);
    // The look may wait in the limiter's queue until the regular poll is due, no longer.
    expect(asked).toEqual([{ at: 0, untilMs: 5_000 }]);
    expect(spare.take()).toEqual({ value: "CREATE_FAILED", dueAt: 5_000 });
    expect(spare.take()).toBeUndefined();
  });

  it("a refused or unsent look changes nothing: the sleep runs its full length and nothing is seen", async () => {
    const { spare, asked, sleep } = setup({ refuse: true });
    expect(await sleep(5_000)).toBe(5_000);
    expect(asked).toHaveLength(1);
    expect(spare.take()).toBeUndefined();
  });

  it("looks once per wait: later sleeps are plain sleeps", async () => {
    const { spare, asked, sleep } = setup({ refuse: true });
    await sleep(5_000);
    expect(await sleep(5_000)).toBe(5_000);
    expect(await sleep(2_000)).toBe(2_000);
    expect(asked).toHaveLength(1);
    expect(spare.take()).toBeUndefined();
  });

  it("returns at once and sends no look when the wait was already cancelled", async () => {
    const { asked, sleep } = setup();
    expect(await sleep(5_000, AbortSignal.abort())).toBe(0);
    expect(asked).toHaveLength(0);
  });

  it("does not look while the limiter is not pacing (the schedule then polls early and often itself)", async () => {
    const { spare, asked, sleep } = setup({ pacing: false });
    expect(await sleep(5_000)).toBe(5_000);
    expect(asked).toHaveLength(0);
    expect(spare.take()).toBeUndefined();
  });

  it("does not look in a later sleep of a wait that began before pacing: its polls have seen the object", async () => {
    let pacing = false;
    const { asked, sleep } = setup({ pacing: () => pacing });
    await sleep(5_000);
    // The limiter paces from here on; the wait's next sleep (to its typical end) is a plain sleep.
    pacing = true;
    expect(await sleep(5_000)).toBe(5_000);
    expect(asked).toHaveLength(0);
  });

  it("drops an answer that comes after the sleep ended: the regular poll was already due", async () => {
    const { spare, vt, sleep } = setup({ answerAfterMs: 8_000 });
    expect(await sleep(5_000)).toBe(5_000);
    await vt.run(vt.sleep(5_000));
    expect(spare.take()).toBeUndefined();
  });

  it("still ends early on the wait's own signal", async () => {
    const { vt, sleep } = setup({ refuse: true });
    const controller = new AbortController();
    void vt.sleep(1_000).then(() => controller.abort());
    expect(await sleep(5_000, controller.signal)).toBe(1_000);
  });
});

describe("delayAfterLook", () => {
  const look = { value: "DELETING", dueAt: 5_000 };
  it("keeps the regular poll's time after a look that showed the phase seen before", () => {
    expect(delayAfterLook(4_000, 4_500, look, false)).toBe(500);
    expect(delayAfterLook(300, 4_500, look, false)).toBe(300);
    expect(delayAfterLook(4_000, 6_000, look, false)).toBe(0);
  });

  it("plans afresh after a look that showed another phase", () => {
    expect(delayAfterLook(4_000, 4_500, look, true)).toBe(4_000);
  });
});
