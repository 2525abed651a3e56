/**
 * The package schema made from the project's sources (as the build makes it): what it says comes from the
 * catalogues, schema.json, the settings and the SDK classes' doc comments, so each assertion names where it comes from.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ENV_NAMES, isCredentialSetting } from "../../settings/resolveSettings.js";
import { RESOURCES } from "../registry.js";
import { packageSchemaOf } from "./writePackageSchema.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema is JSON
let schema: Record<string, any>;

beforeAll(() => {
  schema = packageSchemaOf(path.resolve(__dirname, "../../.."));
}, 60_000);

test("each resource's inputs are its catalogue's fields, and the required ones schema.json's", () => {
  for (const [token, resource] of RESOURCES) {
    const spec = schema.resources[token];
    expect(Object.keys(spec.inputProperties).sort()).toEqual(Object.keys(resource.inputFields).sort());
    for (const name of [...Object.keys(resource.inputFields), ...resource.reportedOutputs]) {
      expect(spec.properties).toHaveProperty([name]);
    }
  }
  expect(schema.resources["modelarts:index:Notebook"].requiredInputs).toEqual(["flavor", "imageId", "volume"]);
});

test("replace-on-change follows the catalogue: whole fields, or the parts of a field its diff does not change in place", () => {
  const replaced = (token: string) =>
    Object.entries(schema.resources[token].inputProperties)
      .filter(([, p]) => (p as { replaceOnChanges?: boolean }).replaceOnChanges)
      .map(([k]) => k)
      .sort();
  expect(replaced("modelarts:index:Notebook")).toEqual(["poolId", "workspaceId"]);
  const volume = schema.types["modelarts:index:NotebookVolume"].properties;
  expect(volume.category.replaceOnChanges).toBe(true);
  expect(volume.uri.replaceOnChanges).toBe(true);
  expect(volume.capacityGb.replaceOnChanges).toBeUndefined();
  expect(replaced("modelarts:index:NotebookStorageMount")).toEqual([
    "category",
    "efsId",
    "mountPath",
    "notebookId",
    "uri",
  ]);
  expect(replaced("modelarts:index:NotebookInstance")).toEqual(
    [
      "aiProjectId",
      "annotations",
      "extendStorage",
      "flavor",
      "name",
      "pool",
      "profileId",
      "storage",
      "workspaceId",
    ].sort(),
  );
});

test("enums, descriptions and the outputs come from schema.json", () => {
  expect(schema.types["modelarts:index:NotebookVolumeCategory"].enum.map((e: { value: string }) => e.value)).toEqual([
    "EVS",
    "EFS",
    "OBS",
    "OBSFS",
  ]);
  const notebook = schema.resources["modelarts:index:Notebook"];
  expect(notebook.inputProperties.volume.$ref).toBe("#/types/modelarts:index:NotebookVolume");
  expect(schema.types["modelarts:index:NotebookVolume"].properties.capacityGb).toMatchObject({
    type: "integer",
    description: expect.stringContaining("4096"),
  });
  expect(notebook.properties.lease.$ref).toBe("#/types/modelarts:index:NotebookLease");
  expect(notebook.required).toEqual(expect.arrayContaining(["notebookId", "status", "url", "name"]));
  expect(notebook.required).not.toContain("image");
  expect(notebook.description).toContain("notebooks API");
  // An input as check leaves it: autoStop has a default, so it is always there.
  expect(notebook.required).toContain("autoStop");
  expect(notebook.required).not.toContain("ssh");
});

test("an input reads as in the TypeScript SDK: its description, its default, what a change does", () => {
  const notebook = schema.resources["modelarts:index:Notebook"];
  expect(notebook.inputProperties.workspaceId.description).toMatch(
    /^API field `workspace_id`: .*\. Default `"0"`\. Changing it replaces the notebook\.$/,
  );
  const volume = schema.types["modelarts:index:NotebookVolume"].properties;
  expect(volume.capacityGb.description).toMatch(/Changed in place\.$/);
  expect(volume.category.description).toMatch(/Changing it replaces the notebook\.$/);
  expect(schema.types["modelarts:index:Timeouts"].properties.create.description).toBe("The longest a create may take.");
  // The developers' note ($comment) stays out.
  expect(JSON.stringify(schema)).not.toMatch(/§|ModelArts\.6334|checkNotebook\.ts/);
});

test("the functions' arguments and results come from schema.json's lookup shapes", () => {
  const images = schema.functions["modelarts:index:getNotebookImages"];
  expect(Object.keys(images.inputs.properties)).toEqual(
    expect.arrayContaining(["name", "nameFuzzy", "type", "cpuArch", "tag", "allowEmpty"]),
  );
  expect(images.inputs.required).toEqual([]);
  expect(images.outputs.properties.images).toEqual({
    type: "array",
    items: { $ref: "#/types/modelarts:index:NotebookImageInfo" },
    description: expect.any(String),
  });
  expect(images.outputs.required.sort()).toEqual(["id", "images"]);
  expect(schema.functions["modelarts:index:getNotebookFlavors"].outputs.properties.flavors.items.$ref).toBe(
    "#/types/modelarts:index:NotebookFlavorInfo",
  );
});

test("getNotebooks: its filters, and each notebook with what adopting it takes and its owner mark", () => {
  const notebooks = schema.functions["modelarts:index:getNotebooks"];
  expect(Object.keys(notebooks.inputs.properties).sort()).toEqual(
    ["flavor", "imageId", "name", "namePattern", "status", "tagKeys", "tags", "workspaceId"].sort(),
  );
  expect(notebooks.inputs.properties.tags).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
  expect(notebooks.outputs.required).toEqual(["notebooks"]);
  const info = schema.types[notebooks.outputs.properties.notebooks.items.$ref.slice("#/types/".length)];
  expect(info.required.sort()).toEqual(["id", "name", "status", "tags"]);
  expect(Object.keys(info.properties)).toEqual(expect.arrayContaining(["flavor", "image", "volume", "ownerMark"]));
  const notebook = schema.resources["modelarts:index:Notebook"];
  expect(notebook.properties.mounts).toMatchObject({ type: "array" });
  expect(notebook.required).toContain("mounts");
});

test("the config: every setting the settings resolution reads, the secret ones marked secret", () => {
  const variables = schema.config.variables;
  for (const key of Object.keys(ENV_NAMES)) {
    expect({ key, secret: variables[key].secret === true }).toEqual({
      key,
      secret: isCredentialSetting(key as keyof typeof ENV_NAMES),
    });
  }
  expect(variables.secretKey.secret).toBe(true);
  expect(variables).toHaveProperty("rateLimit");
  expect(schema.provider.inputProperties).toEqual(variables);
});

test("every type a property refers to is defined", () => {
  const refs = JSON.stringify(schema).match(/#\/types\/[^"]+/g) ?? [];
  for (const ref of new Set(refs)) expect(schema.types).toHaveProperty([ref.slice("#/types/".length)]);
});

test("each resource carries an alias from the type its dynamic class registers, so a stack moves without a replacement", () => {
  for (const [token, resource] of RESOURCES) {
    expect({ token, aliases: schema.resources[token].aliases }).toEqual({
      token,
      aliases: [{ type: `pulumi-nodejs:dynamic/modelarts:${resource.name}` }],
    });
  }
});

test("every SDK carries the package's version, so a program asks the engine for the plugin it came with", () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8"));
  expect(schema.version).toBe(manifest.version);
  for (const language of ["go", "python", "csharp", "nodejs"]) {
    expect({ language, respectSchemaVersion: schema.language[language].respectSchemaVersion }).toEqual({
      language,
      respectSchemaVersion: true,
    });
  }
  expect(schema.language.go.importBasePath).toBe("pulumi-modelarts/sdks/go/modelarts");
});
