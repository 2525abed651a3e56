/** Every generated file, and what it is made from. */
import * as host from "../../provider/host.js";
import { ANSWER_SHAPES } from "../../protocol/validation/answerShapes.js";
import { lookupShapesFile } from "./lookupShapesFile.js";
import { ResourceShapes, resourceTypesFiles } from "./resourceTypesFiles.js";
import { isNamedShape, namedShapesUsedBy, readDefs } from "./schemaNodes.js";
import { schemaDefNamesFile } from "./schemaDefNamesFile.js";
import { sdkArgsFile, type SdkResource } from "./sdkArgsFile.js";
import { sdkOutputsFile } from "./sdkOutputsFile.js";
import { providerShimsFile } from "./providerShimsFile.js";
import { wireShapesFile, type WireFile } from "./wireShapesFile.js";

/** The answers each API gives (the tolerant reader's roots), by the API: the notebooks API's are `Notebook…`. */
const answersOf = (notebooks: boolean) => ANSWER_SHAPES.filter((name) => name.startsWith("Notebook") === notebooks);

export const WIRE_FILES: readonly WireFile[] = [
  {
    file: "protocol/demanager/wireShapes.ts",
    title:
      "Wire shapes of the demanager v1 API (snake_case, as documented in [demanager §2–§5]): the request bodies and answers schema.json describes.",
    roots: ["Status", "CreateRequest", "UpdateRequest", "ActionRequest", ...answersOf(false), "ErrorBody"],
  },
  {
    file: "protocol/notebooks/wireShapes.ts",
    title:
      "Wire shapes of the notebooks API (`/v1/{project_id}/notebooks`, snake_case as documented [notebooks §1–§13]): the request bodies and answers schema.json describes.",
    roots: [
      "NotebookStatus",
      "NotebookCreateRequest",
      "NotebookUpdateRequest",
      "NotebookLeaseRequest",
      "NotebookDataVolumesRequest",
      "NotebookTagsRequest",
      ...answersOf(true),
      "NotebookTagsResponse",
      "NotebookErrorBody",
    ],
  },
];

/**
 * The resources: the registry's (provider/host.ts), each with its `$defs` (`<type>Inputs`, `<type>Outputs`), its
 * folder and its field catalogue, as its definition declares them. A new resource needs no line here.
 */
export const RESOURCES: readonly SdkResource[] = Object.values(host)
  .map(({ definition }) => definition)
  .sort((a, b) => a.type.localeCompare(b.type))
  .map((definition) => ({
    name: definition.type,
    folder: `provider/${definition.folder}`,
    ...(definition.typeNames && { typeNames: definition.typeNames }),
    docs: {
      resourceName: definition.type,
      catalogue: definition.catalogue,
      defaultTimeouts: definition.defaultTimeouts,
      host: "dynamic",
    },
  }));

export const SHARED_INPUTS_FILE = "provider/base/sharedInputs.ts";
export const LOOKUP_ROOTS = [
  "GetNotebookFlavorsArgs",
  "GetNotebookFlavorsResult",
  "GetNotebookImagesArgs",
  "GetNotebookImagesResult",
  "GetNotebooksArgs",
  "GetNotebooksResult",
];

export function generatedFiles(root: string): Map<string, string> {
  const defs = readDefs(root);
  const files = new Map<string, string>();
  files.set("protocol/validation/schemaDefNames.ts", schemaDefNamesFile(defs));
  const written = new Set<string>();
  for (const spec of WIRE_FILES) {
    const wire = wireShapesFile(defs, spec);
    files.set(spec.file, wire.text);
    for (const name of wire.names) written.add(name);
  }
  const shapes = new ResourceShapes(defs, RESOURCES, SHARED_INPUTS_FILE);
  for (const name of shapes.all()) written.add(name);
  for (const name of namedShapesUsedBy(defs, LOOKUP_ROOTS)) written.add(name);
  const unwritten = Object.keys(defs).filter((name) => isNamedShape(defs[name]!) && !written.has(name));
  if (unwritten.length > 0) {
    throw new Error(
      `schema.json: no generated file holds ${unwritten.join(", ")}: add a root in scripts/generate/targets.ts`,
    );
  }
  for (const [file, text] of resourceTypesFiles(shapes)) files.set(file, text);
  files.set("provider/lookups/lookupShapes.ts", lookupShapesFile(defs, LOOKUP_ROOTS));
  files.set("sdk/resourceArgs.ts", sdkArgsFile(defs, RESOURCES));
  files.set("sdk/resourceOutputs.ts", sdkOutputsFile(shapes, "sdk/resourceOutputs.ts"));
  files.set("sdk/providerShims.ts", providerShimsFile(RESOURCES.map((r) => r.name)));
  return files;
}
