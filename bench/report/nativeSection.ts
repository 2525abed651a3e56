/** The Native section: the same Notebooks through the dynamic classes and through the native provider. */
import type { NativeStep } from "../native.js";
import { sec, table } from "./format.js";
import type { Report } from "./types.js";

export function nativeSection(report: Report): string[] {
  const n = report.native;
  if (!n) return [];
  const [dynamic, native] = [n.runs.find((r) => r.classes === "dynamic"), n.runs.find((r) => r.classes === "native")];
  if (!dynamic || !native) return [];
  const rows: [string, keyof typeof dynamic.steps][] = [
    [`\`pulumi preview\` of ${n.count} creates`, "previewCreate"],
    [`\`pulumi up\` (${n.count} creates)`, "up"],
    ["`pulumi preview`, nothing changed", "previewSame"],
    [`\`pulumi preview\` of ${n.count} description changes`, "previewUpdate"],
    [`\`pulumi up\` (${n.count} description changes)`, "upUpdate"],
    ["`pulumi destroy`", "destroy"],
  ];
  const cell = (s: NativeStep) =>
    `${sec(s.wallMs)} (${s.apiRequests} req, ${s.providerPeakRssMb} MB, load ${s.loadBefore})`;
  return [
    "## Native provider beside the dynamic classes",
    "",
    `Command: \`npm run bench -- native\`: ${n.count} Notebooks (notebooks v2 API) declared alike through the dynamic ` +
      "classes (`bench/programs/notebooks`, resource `Notebook`) and through the native classes and plugin " +
      "(`bench/programs/native-notebooks`), each on a fresh stack against its own emulator (time scale " +
      `${n.timeScale}), \`up\`/\`destroy\` with \`--skip-preview --parallel ${n.parallel}\`, run once, one after the other. ` +
      "Each cell: wall time (API requests, the provider process's peak RSS, the 1-minute load average before the " +
      "command; 2 CPUs, shared with other work).",
    "",
    table(
      ["command", "dynamic classes", "native provider"],
      rows.map(([label, key]) => [label, cell(dynamic.steps[key]), cell(native.steps[key])]),
    ),
    "",
  ];
}
