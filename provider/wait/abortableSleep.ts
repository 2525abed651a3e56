/**
 * The one sleep the provider's waits and its rate limiter use: it resolves early (never rejects) when the signal
 * aborts, so a cancelled `pulumi up` is not held by a timer; the caller decides what an abort means.
 */

// setTimeout treats delays above 2^31-1 ms (~24.8 days) as 1 ms; waking early is harmless, spinning is not.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
