import { hasErrorCode } from "../base/errorClassification.js";

/**
 * Calls an action (start, stop); an answer saying the object is already there, or on its way (`doneCodes`, each
 * API's own), counts as done: a retried action whose first answer was lost, or a state reached meanwhile.
 */
export async function requestAction(call: () => Promise<unknown>, doneCodes: ReadonlySet<string>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (!hasErrorCode(err, doneCodes)) throw err;
  }
}
