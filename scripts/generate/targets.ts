/** Every generated file, and what it is made from. */
import * as notebookFields from "../../provider/notebook/fields.js";
import * as notebookInstanceFields from "../../provider/notebookInstance/fields.js";
import * as storageMountFields from "../../provider/storageMount/fields.js";
import { ANSWER_SHAPES } from "../../protocol/validation/answerShapes.js";
import { lookupShapesFile } from "./lookupShapesFile.js";
import { ResourceShapes, resourceTypesFiles } from "./resourceTypesFiles.js";
import { isNamedShape, namedShapesUsedBy, readDefs } from "./schemaNodes.js";
import { schemaDefNamesFile } from "./schemaDefNamesFile.js";
import { sdkArgsFile, type SdkResource } from "./sdkArgsFile.js";
import { sdkOutputsFile } from "./sdkOutputsFile.js";
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

/** The resources: their `$defs` (`<name>Inputs`, `<name>Outputs`), their folder, and their field catalogue. */
export const RESOURCES: readonly SdkResource[] = [
  {
    name: "Notebook",
    folder: "provider/notebook",
    docs: {
      resourceName: "Notebook",
      catalogue: notebookFields.INPUT_FIELDS,
      defaultTimeouts: notebookFields.DEFAULT_TIMEOUTS,
    },
  },
  {
    name: "NotebookInstance",
    folder: "provider/notebookInstance",
    docs: {
      resourceName: "NotebookInstance",
      catalogue: notebookInstanceFields.INPUT_FIELDS,
      defaultTimeouts: notebookInstanceFields.DEFAULT_TIMEOUTS,
    },
  },
  {
    name: "NotebookStorageMount",
    folder: "provider/storageMount",
    typeNames: { inputs: "StorageMountInputs", outputs: "StorageMountOutputs" },
    docs: {
      resourceName: "NotebookStorageMount",
      catalogue: storageMountFields.INPUT_FIELDS,
      defaultTimeouts: storageMountFields.DEFAULT_TIMEOUTS,
    },
  },
];

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
  return files;
}
