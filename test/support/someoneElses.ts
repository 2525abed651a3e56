/**
 * Objects in the emulator's project that are not this provider's: made straight through the API, without an owner
 * mark, as a colleague or the console makes them. A test that must never touch them keeps their ids.
 */
import { cpuCreateRequest, createInstance } from "../../emulator/demanager/testkit.js";
import type { Emulator } from "../../emulator/index.js";
import { createNotebook, evsCreateRequest } from "../../emulator/notebooks/testkit.js";

type Target = Pick<Emulator, "url" | "credentials" | "projectId">;

/** A demanager instance on a CPU flavor, with its storage in someone else's bucket; its id. */
export async function someoneElsesInstance(emulator: Target, name: string): Promise<string> {
  const storage = { type: "obs", location: { path: "/their-bucket/nb/" } };
  const created = await createInstance(emulator, cpuCreateRequest(name, { spec: { storage } }));
  return created.id as string;
}

/** A notebook on a CPU flavor with a managed EVS volume (`extra` merged into the create request); its id. */
export async function someoneElsesNotebook(
  emulator: Target,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return (await createNotebook(emulator, evsCreateRequest(name, extra))).id as string;
}
