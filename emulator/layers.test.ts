/**
 * The emulator's layers (emulator/README.md, "Layout"): the gateway and the composition at the root, each API
 * family in its folder (`demanager/`, `notebooks/`), and `shared/` beneath them. An arrow goes down only: a family
 * imports its own folder, `shared/` and `protocol/`, never the other family or the gateway; `shared/` imports
 * itself and `protocol/`, and names a family's record or switch types only as types (the state file and the
 * context hold them). Tests and testkits drive a whole emulator and are not held to this.
 */
import * as path from "node:path";
import { arrowsOf, layerOf as layerIn, productionFiles } from "../test/support/importArrows.js";

const EMULATOR = __dirname;
/** The layer a path belongs to: `protocol`, `shared`, `demanager`, `notebooks`, `root`, or what lies outside. */
const layerOf = (target: string) => layerIn(EMULATOR, target);

/** What each layer may import (`type` entries: only with `import type`). */
const ALLOWED: Record<string, { values: string[]; types: string[] }> = {
  shared: { values: ["node", "protocol", "shared"], types: ["demanager", "notebooks"] },
  demanager: { values: ["node", "protocol", "shared", "demanager"], types: [] },
  notebooks: { values: ["node", "protocol", "shared", "notebooks"], types: [] },
  root: { values: ["node", "protocol", "shared", "demanager", "notebooks", "root"], types: [] },
};

/** The arrows of `files` that break the rules, as `from -> to` lines. */
function wrongArrows(files: { file: string; source?: string }[]): string[] {
  return files
    .flatMap(({ file, source }) => arrowsOf(file, source))
    .filter(({ from, to, typeOnly }) => {
      const allowed = ALLOWED[layerOf(from)]!;
      const layer = layerOf(to);
      return !(allowed.values.includes(layer) || (typeOnly && allowed.types.includes(layer)));
    })
    .map(({ from, to }) => `${path.relative(EMULATOR, from)} -> ${layerOf(to)} (${path.relative(EMULATOR, to)})`);
}

test("every production file of the emulator imports only downward", () => {
  const files = productionFiles(EMULATOR, (name) => name === "testkit.ts");
  expect(files.length).toBeGreaterThan(50);
  expect(wrongArrows(files.map((file) => ({ file })))).toEqual([]);
});

test("the rules catch a family importing its sibling or the gateway, and shared importing a family's values", () => {
  const at = (relative: string, source: string) => ({ file: path.join(EMULATOR, relative), source });
  expect(
    wrongArrows([
      at("notebooks/x.ts", 'import { statusAt } from "../demanager/timeline.js";'),
      at("demanager/x.ts", 'import type { NotebookRecord } from "../notebooks/types.js";'),
      at("notebooks/y.ts", 'import { callApi } from "../callApi.js";'),
      at("shared/x.ts", 'import { NOMINAL_SECONDS } from "../demanager/timeline.js";'),
      at("shared/y.ts", 'import type { Emulator } from "../index.js";'),
      at("demanager/y.ts", 'export { x } from "../../provider/core/x.js";'),
      // Allowed: downward arrows, and a type of a family named by the shared layer.
      at("shared/z.ts", 'import type { NotebookRecord } from "../notebooks/types.js";'),
      at("notebooks/z.ts", 'import { errors } from "../shared/errors.js";\nimport { x } from "../../protocol/x.js";'),
      at("admin.ts", 'import { routeDemanagerAdmin } from "./demanager/admin.js";'),
    ]),
  ).toEqual([
    "notebooks/x.ts -> demanager (demanager/timeline.js)",
    "demanager/x.ts -> notebooks (notebooks/types.js)",
    "notebooks/y.ts -> root (callApi.js)",
    "shared/x.ts -> demanager (demanager/timeline.js)",
    "shared/y.ts -> root (index.js)",
    "demanager/y.ts -> outside (../provider/core/x.js)",
  ]);
});
