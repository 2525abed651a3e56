/** The Overhead section: `pulumi preview` of the stack against one of no-op dynamic resources. */
import { code, sec, table } from "./format.js";
import type { Report } from "./types.js";

export function overheadSection(report: Report): string[] {
  const o = report.overhead;
  if (!o) return [];
  return [
    "## Overhead: `pulumi preview` against a provider that does nothing",
    "",
    `Command: \`npm run bench -- overhead\`: ${code(o.preview.notebooks.command)} of the ${o.count}-instance stack ` +
      `(\`bench/programs/notebooks\`, NotebookInstance) and of ${o.count} \`pulumi.dynamic.Resource\`s whose provider is ` +
      '`{ async create() { return { id: "x", outs: {} } } }` (`bench/programs/trivial`), each on a fresh stack, ' +
      `${report.settings.previewRepeats} times interleaved; medians.`,
    "",
    table(
      ["stack", "preview (median)", "runs", "provider host peak RSS"],
      [
        [
          `${o.count} NotebookInstance`,
          sec(o.preview.notebooks.medianMs),
          o.preview.notebooks.runsMs.map(sec).join(", "),
          `${o.preview.notebooks.providerHostPeakRssMb} MB`,
        ],
        [
          `${o.count} no-op dynamic resources`,
          sec(o.preview.trivial.medianMs),
          o.preview.trivial.runsMs.map(sec).join(", "),
          `${o.preview.trivial.providerHostPeakRssMb} MB`,
        ],
      ],
    ),
    "",
    `**Ratio: ${o.preview.ratio}x.** API requests during the NotebookInstance previews: ${o.preview.apiRequestsDuringPreview} ` +
      "(check validates against schema.json and never calls the API). The trivial stack's `pulumi up` / `destroy` " +
      `(${code(o.trivialUp.command)}): ${sec(o.trivialUp.medianMs)} / ${sec(o.trivialDestroy.medianMs)}, ` +
      `provider host peak RSS ${o.trivialUp.providerHostPeakRssMb} MB: the CLI's and the host's own cost under the Scale figures.`,
    "",
  ];
}
