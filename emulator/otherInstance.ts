/**
 * The `other-instance` fault's answer: another live instance of the same API family, rendered as that family
 * renders it, so a client that does not check the id in an answer against the one it asked for is caught.
 */
import { renderInstance } from "./demanager/render.js";
import { renderContext } from "./demanager/render.js";
import { notebookView } from "./notebooks/notebooks.js";
import { type ServiceContext } from "./shared/context.js";
import { statusAt } from "./shared/phases.js";
import type { RouteFamily } from "./shared/router.js";

export function otherInstanceBody(
  service: ServiceContext,
  family: RouteFamily,
  exclude: readonly (string | undefined)[],
  otherId?: string,
): Record<string, unknown> | undefined {
  const state = service.store.read();
  const now = service.now();
  const pick = <R extends { id: string; timeline: { at: number; status: string }[] }>(records: readonly R[]) =>
    records.find(
      (r) =>
        statusAt(r.timeline, now) !== "GONE" && (otherId !== undefined ? r.id === otherId : !exclude.includes(r.id)),
    );
  if (family === "demanager") {
    const record = pick(state.instances);
    return record && renderInstance(record, renderContext(service, state.soldOutFlavors));
  }
  const record = pick(state.notebooks);
  return record && notebookView(record, service);
}
