import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { isMarkedMount } from "../api/mountMark.js";
import type { NotebookMountOutput } from "./types.js";

/**
 * The `mounts` output: every storage the notebook's answer lists in `data_volumes` [notebooks §3] (mounted with the
 * notebook, or later by a NotebookStorageMount, the console or another tool: `mount_type` STATIC or DYNAMIC), by mount
 * path. Read from the answer the output mapping already has, so it costs no request and shows the same moment as the
 * other outputs. A field the service did not report (null, absent, "", of another type) is absent; an entry that
 * reports nothing at all is left out. `managed` is what can be verified: the notebook's tags carry a
 * NotebookStorageMount's mark for this path and this uri (api/mountMark.ts).
 */
export function mountsOf(notebook: Notebook): NotebookMountOutput[] {
  const mounts: NotebookMountOutput[] = [];
  for (const volume of notebook.data_volumes ?? []) {
    const uri = given(volume.url) ?? given(volume.uri);
    const mountPath = given(volume.mount_path);
    const reported = {
      ...(given(volume.category) !== undefined && { category: volume.category!.toUpperCase() }),
      ...(uri !== undefined && { uri }),
      ...(mountPath !== undefined && { mountPath }),
      ...(given(volume.status) !== undefined && { status: volume.status }),
    };
    if (Object.keys(reported).length === 0) continue;
    mounts.push({ ...reported, managed: isMarkedMount(notebook.tags, mountPath, uri) });
  }
  return mounts.sort((a, b) => compare(a.mountPath, b.mountPath) || compare(a.uri, b.uri));
}

/** A string the service gave a value (the reader already turned null and other types into absent). */
function given(value: string | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function compare(a: string | undefined, b: string | undefined): number {
  return (a ?? "").localeCompare(b ?? "", "en");
}
