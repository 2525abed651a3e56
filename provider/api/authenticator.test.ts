import { createPasswordAuthenticator, type IssuedToken } from "./authenticator.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A password authenticator on a fake clock whose IAM issues tokens of `lifetimeMs`; counts the sign-ins. */
function onClock(lifetimeMs: number) {
  const clock = { now: 1_000_000 };
  const issued: IssuedToken[] = [];
  const auth = createPasswordAuthenticator({
    now: () => clock.now,
    issue: async () => {
      const token = { token: `token-${issued.length + 1}`, issuedAt: clock.now, expiresAt: clock.now + lifetimeMs };
      issued.push(token);
      return token;
    },
  });
  const tokenAt = async (ms: number) => {
    clock.now = ms;
    return (await auth.headersFor({ method: "GET", url: "https://x", headers: {} }))["X-Auth-Token"];
  };
  return { clock, issued, tokenAt };
}

test("30-minute tokens are reused until their last quarter (7.5 min), then renewed once", async () => {
  const { clock, issued, tokenAt } = onClock(30 * MINUTE);
  const start = clock.now;
  for (let i = 0; i < 6; i++) expect(await tokenAt(start + i * MINUTE)).toBe("token-1");
  expect(await tokenAt(start + 22 * MINUTE)).toBe("token-1");
  expect(await tokenAt(start + 23 * MINUTE)).toBe("token-2");
  expect(await tokenAt(start + 24 * MINUTE)).toBe("token-2");
  expect(issued).toHaveLength(2);
});

test("24-hour tokens (the documented lifetime) are renewed an hour before they expire, as before", async () => {
  const { clock, issued, tokenAt } = onClock(24 * HOUR);
  const start = clock.now;
  expect(await tokenAt(start)).toBe("token-1");
  expect(await tokenAt(start + 22 * HOUR + 59 * MINUTE)).toBe("token-1");
  expect(await tokenAt(start + 23 * HOUR + MINUTE)).toBe("token-2");
  expect(issued).toHaveLength(2);
});

test("a token that expires at once is never reused: each request signs in", async () => {
  const { clock, issued, tokenAt } = onClock(0);
  await tokenAt(clock.now);
  await tokenAt(clock.now);
  expect(issued).toHaveLength(2);
});
