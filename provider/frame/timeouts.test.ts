/**
 * An operation's one deadline: the engine's timeout (customTimeouts, native provider) when it sent one, else the
 * `timeouts` input, else the resource's default; the error names the one that applied.
 */
import { operationDeadline, readDeadline } from "./timeouts.js";

const DEFAULTS = { create: "30m", update: "20m", delete: "20m" };

function limit(...args: Parameters<typeof operationDeadline>): { limitMs: number; message: string } {
  const deadline = operationDeadline(...args);
  deadline.dispose();
  return { limitMs: deadline.limitMs, message: deadline.error().message };
}

test("the engine's timeout wins over the timeouts input for its operation; 0 or absent leaves the input", () => {
  expect(limit({ create: "45m" }, "create", DEFAULTS, 120_000)).toMatchObject({
    limitMs: 120_000,
    message: expect.stringContaining("timed out after 2m (customTimeouts.create, the limit for the whole create)"),
  });
  expect(limit({ create: "45m" }, "create", DEFAULTS, 0)).toMatchObject({
    limitMs: 45 * 60_000,
    message: expect.stringContaining("(timeouts.create, "),
  });
  expect(limit(undefined, "delete", DEFAULTS, undefined)).toMatchObject({
    limitMs: 20 * 60_000,
    message: expect.stringContaining("(timeouts.delete default, "),
  });
});

test("an engine timeout outside 1s to 24h (check never sees it) is brought to the nearer bound", () => {
  expect(limit(undefined, "update", DEFAULTS, 500).limitMs).toBe(1000);
  expect(limit(undefined, "update", DEFAULTS, 48 * 3_600_000).limitMs).toBe(24 * 3_600_000);
});

test("a read's limit is the engine's customTimeouts.read, brought into 1s to 24h; 0 or absent leaves it 24h", () => {
  const read = (customTimeoutMs?: number) => {
    const deadline = readDeadline(customTimeoutMs);
    deadline.dispose();
    return { limitMs: deadline.limitMs, message: deadline.error().message };
  };
  expect(read(5000)).toEqual({
    limitMs: 5000,
    message:
      "timed out after 5s (customTimeouts.read, the limit for the whole read). Raise the resource option " +
      "customTimeouts.read to allow longer; a read changes nothing, so running it again is safe",
  });
  expect(read(500).limitMs).toBe(1000);
  expect(read(48 * 3_600_000).limitMs).toBe(24 * 3_600_000);
  expect(read(0)).toEqual({ limitMs: 24 * 3_600_000, message: expect.not.stringContaining("customTimeouts") });
  expect(read(undefined).limitMs).toBe(24 * 3_600_000);
});
