/**
 * The provider's layers (ARCHITECTURE.md, "Layout"), bottom to top: `protocol/` (the wire contract, shared with the
 * emulator), `base/` (the error family, masking, small pure helpers), `wait/` (the pure poller, its schedule, the
 * deadline), `settings/` (every setting read in one room), `api/` (transport, clients, IAM, connect), `frame/`
 * (what every resource shares: context, step, errors, partial failures, the catalogue's check and diff, the
 * dynamic provider object), the resource folders side by side, then `lookups/` (which reads what a resource knows
 * of its objects, for both hosts), then the hosts (`host.ts` and `index.ts` at the root, which hold the registry,
 * and `native/`). An arrow goes down only: a layer imports its own
 * folder and the layers below it, never a sibling (a resource folder never imports another) nor one above. Tests
 * drive whole resources and are not held to this. `@pulumi/pulumi` is imported as types only: the lookups and the
 * native plugin run without it, and the dynamic shims load this package inside a process that already has it.
 */
import * as path from "node:path";
import { arrowsOf, layerOf as layerIn, productionFiles } from "../test/support/importArrows.js";

const PROVIDER = __dirname;

/** Each layer and what it may import besides itself (the order above). */
const BELOW: Record<string, readonly string[]> = {
  base: ["protocol"],
  wait: [],
  settings: ["protocol", "base"],
  api: ["protocol", "base", "wait", "settings"],
  frame: ["protocol", "base", "wait", "settings", "api"],
  notebook: ["protocol", "base", "wait", "settings", "api", "frame"],
  notebookInstance: ["protocol", "base", "wait", "settings", "api", "frame"],
  storageMount: ["protocol", "base", "wait", "settings", "api", "frame"],
  // The lookups read what a resource knows of its objects (getNotebooks: the owner tag, the mapping), for both hosts.
  lookups: ["protocol", "base", "wait", "settings", "api", "frame", "notebook", "notebookInstance", "storageMount"],
  root: ["protocol", "base", "wait", "settings", "api", "frame", "notebook", "notebookInstance", "storageMount"],
  native: [
    "protocol",
    "base",
    "wait",
    "settings",
    "api",
    "frame",
    "notebook",
    "notebookInstance",
    "storageMount",
    "lookups",
    "root",
  ],
};

/** The layer of a path: its first folder under provider/, `root` for provider/'s own files, or what lies outside. */
const layerOf = (target: string) => layerIn(PROVIDER, target);

/** The arrows of `files` that break the rules, as `from -> layer (to)` lines. */
function wrongArrows(files: { file: string; source?: string }[]): string[] {
  return files
    .flatMap(({ file, source }) => arrowsOf(file, source))
    .filter(({ from, to, typeOnly }) => {
      const own = layerOf(from);
      const layer = layerOf(to);
      if (layer === "node" || layer === own) return false;
      if (layer.startsWith("package ")) return layer === "package @pulumi/pulumi" && !typeOnly;
      return !(BELOW[own] ?? []).includes(layer);
    })
    .map(({ from, to }) => {
      const shown = path.isAbsolute(to) ? path.relative(PROVIDER, to) : to;
      return `${path.relative(PROVIDER, from)} -> ${layerOf(to)} (${shown})`;
    });
}

test("every production file of the provider imports only downward", () => {
  const files = productionFiles(PROVIDER);
  expect(files.length).toBeGreaterThan(100);
  for (const file of files) expect(Object.keys(BELOW)).toContain(layerOf(file));
  expect(wrongArrows(files.map((file) => ({ file })))).toEqual([]);
});

test("the rules catch an arrow up, a sibling arrow and a value import of @pulumi/pulumi", () => {
  const at = (relative: string, source: string) => ({ file: path.join(PROVIDER, relative), source });
  expect(
    wrongArrows([
      at("storageMount/x.ts", 'import { GONE } from "../notebook/statuses.js";'),
      at("settings/x.ts", 'import { connect } from "../api/createClient.js";'),
      at("base/x.ts", 'import type { Step } from "../frame/step.js";'),
      at("frame/x.ts", 'export { notebook } from "../notebook/definition.js";'),
      at("api/x.ts", 'const m = await import("../frame/progress.js");'),
      at("lookups/x.ts", 'import { main } from "../native/main.js";'),
      at("root.ts", 'import { main } from "./native/main.js";'),
      at("frame/y.ts", 'import * as pulumi from "@pulumi/pulumi";'),
      at("notebook/y.ts", 'import { x } from "../../emulator/x.js";'),
      // Allowed: downward arrows, the folder's own files, node, and @pulumi/pulumi as types.
      at("frame/z.ts", 'import type * as pulumi from "@pulumi/pulumi";\nimport { ApiError } from "../base/errors.js";'),
      at("notebook/z.ts", 'import { step } from "../frame/step.js";\nimport { x } from "./x.js";'),
      at("native/z.ts", 'import * as host from "../host.js";\nimport { createHash } from "node:crypto";'),
      at("base/z.ts", 'import { UNKNOWN } from "../../protocol/x.js";'),
    ]),
  ).toEqual([
    "storageMount/x.ts -> notebook (notebook/statuses.js)",
    "settings/x.ts -> api (api/createClient.js)",
    "base/x.ts -> frame (frame/step.js)",
    "frame/x.ts -> notebook (notebook/definition.js)",
    "api/x.ts -> frame (frame/progress.js)",
    "lookups/x.ts -> native (native/main.js)",
    "root.ts -> native (native/main.js)",
    "frame/y.ts -> package @pulumi/pulumi (@pulumi/pulumi)",
    "notebook/y.ts -> outside (../emulator/x.js)",
  ]);
});
