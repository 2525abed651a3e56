/** Helpers for tests and scripts that drive an emulator's demanager (v1) API directly. */
import { callApi, type CallAuth, type RawResponse } from "../callApi.js";
import type { Emulator } from "../index.js";

/** The seed document's sample create request ("notebook-d115" on an Ascend flavor, auto-stop after 1 h). */
export const SEED_CREATE_REQUEST = {
  name: "notebook-d115",
  description: "",
  profile_id: "Ascend-Power-Engine 1.0(python3)",
  flavor: "modelarts.kat1.xlarge",
  spec: {
    storage: { location: { path: "/aaaaaaaaa/output/" }, type: "obs" },
    auto_stop: { enable: true, duration: 3600 },
  },
  workspace: { id: "0" },
} as const;

/** A minimal valid create request on a CPU flavor. */
export function cpuCreateRequest(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    profile_id: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    spec: { storage: { type: "obs", location: { path: "/bucket/notebooks/" } } },
    ...extra,
  };
}

export function instancesPath(emulator: Pick<Emulator, "projectId">, id?: string, suffix = ""): string {
  const base = `/v1/${emulator.projectId}/demanager/instances`;
  return id === undefined ? base : `${base}/${id}${suffix}`;
}

type Target = Pick<Emulator, "url" | "credentials" | "projectId">;

export async function createInstance(
  emulator: Target,
  body: unknown,
  auth?: CallAuth,
): Promise<Record<string, unknown>> {
  const response = await callApi(emulator, { method: "POST", path: instancesPath(emulator), body, auth });
  if (response.status !== 200) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.json as Record<string, unknown>;
}

export function getInstance(emulator: Target, id: string): Promise<RawResponse> {
  return callApi(emulator, { method: "GET", path: instancesPath(emulator, id) });
}

export function action(emulator: Target, id: string, name: string): Promise<RawResponse> {
  return callApi(emulator, { method: "POST", path: instancesPath(emulator, id, "/action"), body: { action: name } });
}

/** Polls GET until `status` (or until 6309 when `status` is "GONE"); returns every status seen, in order. */
export async function waitForStatus(emulator: Target, id: string, status: string, timeoutMs = 5000): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await getInstance(emulator, id);
    const body = response.json as { status?: string; error_code?: string };
    const current =
      response.status === 200
        ? body.status!
        : body.error_code === "ModelArts.6309"
          ? "GONE"
          : `HTTP ${response.status}`;
    if (seen[seen.length - 1] !== current) seen.push(current);
    if (current === status) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${status}; saw ${seen.join(" → ")}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
