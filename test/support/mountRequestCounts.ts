/**
 * How many storage attaches and detaches the emulator served since its counts were last reset: what a test reads to
 * show that a change to a notebook left its mounts alone (no detach and attach again behind an "update").
 */
import type { Emulator } from "../../emulator/index.js";

const STORAGE = "/v1/{project_id}/notebooks/{instance_id}/storage";

export async function mountRequestCounts(emulator: Emulator): Promise<{ attach: number; detach: number }> {
  const requests = (await emulator.admin.requestCounts()).byRoute;
  return { attach: requests[`POST ${STORAGE}`] ?? 0, detach: requests[`DELETE ${STORAGE}/{storage_id}`] ?? 0 };
}
