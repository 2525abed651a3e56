/** Units accepted in user-facing timeouts, Go/Terraform style ("90s", "30m", "1h30m"). */
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const DURATION_PATTERN = /^(\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/** Parses "30m"-style durations to milliseconds; undefined when the text is not one. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION_PATTERN.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  return total > 0 ? total : undefined;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
}
