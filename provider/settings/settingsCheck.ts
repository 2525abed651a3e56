import { settingsProblems } from "./stackConfig.js";

/** The first resource checked in this process; later ones point to its failures instead of repeating them. */
const reported: { done: boolean } = { done: false };

/**
 * The provider's settings, checked at `check`, so `pulumi preview` reports missing or invalid settings (no
 * credentials, a region of the wrong form) before any API call, one short line per problem naming what a user can
 * set. The full lines go on the first resource checked; the others say where to look, so a stack of many
 * notebooks does not print the same lines many times.
 */
export function settingsFailures(): { property: string; reason: string }[] {
  const problems = settingsProblems();
  if (problems.length === 0) return [];
  if (reported.done) {
    return [{ property: "modelarts", reason: "the ModelArts settings are incomplete (see the first error above)" }];
  }
  reported.done = true;
  return problems.map((reason) => ({ property: "modelarts", reason }));
}
