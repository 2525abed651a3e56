/** Helpers for tests and scripts that drive an emulator's notebooks (v2) API directly. */
import { callApi, type RawResponse } from "../callApi.js";
import type { Emulator } from "../index.js";

type Target = Pick<Emulator, "url" | "credentials" | "projectId">;

/** The CPU image of the OTC create example. */
export const CPU_IMAGE_ID = "e1a07296-22a8-4f05-8bc8-e936c8e54090";

/** `/v1/{project}/notebooks[/{id}][suffix]`. */
export function notebooksPath(emulator: Pick<Emulator, "projectId">, id?: string, suffix = ""): string {
  const base = `/v1/${emulator.projectId}/notebooks`;
  return id === undefined ? `${base}${suffix}` : `${base}/${id}${suffix}`;
}

/** A minimal valid create request: CPU 2u, the OTC example's image, a managed EVS volume. */
export function evsCreateRequest(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    flavor: "modelarts.vm.cpu.2u",
    image_id: CPU_IMAGE_ID,
    volume: { category: "EVS", ownership: "MANAGED" },
    ...extra,
  };
}

export async function createNotebook(emulator: Target, body: unknown): Promise<Record<string, unknown>> {
  const response = await callApi(emulator, { method: "POST", path: notebooksPath(emulator), body });
  if (response.status !== 200) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.json as Record<string, unknown>;
}

export function getNotebook(emulator: Target, id: string): Promise<RawResponse> {
  return callApi(emulator, { method: "GET", path: notebooksPath(emulator, id) });
}

export function notebookAction(
  emulator: Target,
  id: string,
  action: "start" | "stop",
  query?: Record<string, string | number>,
): Promise<RawResponse> {
  return callApi(emulator, { method: "POST", path: notebooksPath(emulator, id, `/${action}`), query, body: {} });
}

/** Polls GET until `status` (or until not-found when `status` is "GONE"); returns every status seen, in order. */
export async function waitForNotebook(
  emulator: Target,
  id: string,
  status: string,
  timeoutMs = 5000,
): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await getNotebook(emulator, id);
    const body = response.json as { status?: string; error_code?: string };
    const notFound = ["ModelArts.6404", "ModelArts.6309"].includes(body.error_code ?? "");
    const current = response.status === 200 ? body.status! : notFound ? "GONE" : `HTTP ${response.status}`;
    if (seen[seen.length - 1] !== current) seen.push(current);
    if (current === status) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${status}; saw ${seen.join(" → ")}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
