/** The State section: bytes per resource in `pulumi stack export`, and `__provider`'s share. */
import { PROVIDER_BYTES_LIMIT } from "../state.js";
import { table } from "./format.js";
import type { Report } from "./types.js";

export function stateSection(report: Report): string[] {
  const st = report.state;
  if (!st) return [];
  const rows: (string | number)[][] = [];
  for (const [name, n] of Object.entries(st.resources)) {
    rows.push([
      name,
      `${n.entryAsExported.meanBytes} B (${n.entryAsExported.minBytes}–${n.entryAsExported.maxBytes})`,
      `${n.entryCompact.meanBytes} B`,
      `${n.providerBytes} B x ${n.providerCopies}`,
      n.providerBytes < PROVIDER_BYTES_LIMIT ? "yes" : "**no**",
      `${n.propertiesCompactMean} B`,
    ]);
  }
  if (st.trivial) {
    rows.push([
      "no-op dynamic resource",
      `${st.trivial.entryAsExported.meanBytes} B`,
      "",
      `${st.trivial.providerBytes} B x ${st.trivial.providerCopies}`,
      "",
      "",
    ]);
  }
  return [
    "## State: bytes per resource in `pulumi stack export`",
    "",
    "Command: `npm run bench -- state`: `pulumi up --yes --skip-preview` of `bench/programs/notebooks` with " +
      "`modelarts-bench:resource: all` (3 x a NotebookInstance, a Notebook and a NotebookStorageMount on it) " +
      "against the emulator, then `pulumi stack export`; each resource entry measured as exported (4-space JSON) " +
      "and compact. The no-op dynamic resource comes from the overhead section's stack.",
    "",
    table(
      [
        "resource",
        "entry as exported",
        "entry, compact",
        "`__provider` (bytes x copies in the entry)",
        `\`__provider\` < ${PROVIDER_BYTES_LIMIT} B`,
        "inputs + outputs without `__provider`, compact",
      ],
      rows,
    ),
    "",
    "`__provider` is the serialized provider shim; Pulumi stores it in the inputs and again in the outputs of " +
      "every resource. It is a loader of the installed `pulumi-modelarts/host`, so its size does not grow " +
      "with the provider's code.",
    "",
  ];
}
