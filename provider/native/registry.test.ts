/**
 * The registry's own statements about each resource, held against the code they describe: the in-place parts of
 * a `replace` field against the resource's diff, and the preview rules against the catalogue and the outputs.
 */
import { NOTEBOOK_INPUTS } from "../../test/support/inputFixtures.js";
import * as host from "../host.js";
import { RESOURCES } from "./registry.js";

const notebook = RESOURCES.get("modelarts:index:Notebook")!;

const base = NOTEBOOK_INPUTS;

/** A value of each NotebookVolume part that differs from `base`'s. */
const otherValues: Record<string, unknown> = {
  category: "OBS",
  ownership: "DEDICATED",
  capacityGb: 20,
  uri: "obs://bucket/dir/",
  id: "c1b2a3d4-0000-4000-8000-000000000001",
  mountPath: "/home/ma-user/other/",
  readOnly: true,
  dewSecretName: "secret",
};

test.each(Object.keys(otherValues))("Notebook volume.%s: the diff replaces exactly when the registry says", (part) => {
  const { replaces, updates } = notebook.changedFields(base, {
    ...base,
    volume: { ...base.volume, [part]: otherValues[part] },
  });
  const inPlace = notebook.inPlaceParts?.volume?.includes(part) === true;
  expect({ replaced: replaces.includes(`volume.${part}`), updated: updates.includes(`volume.${part}`) }).toEqual({
    replaced: !inPlace,
    updated: inPlace,
  });
});

test.each([...RESOURCES.values()].map((r) => [r.name, r]))(
  "%s: the preview rules name only reported outputs, and fields the catalogue or the diff knows",
  (_name, resource) => {
    const { anyCall, restart, byField } = resource.previewUnknowns;
    const outputs = new Set(resource.reportedOutputs);
    for (const name of [...anyCall, ...restart, ...Object.values(byField).flat()]) expect(outputs).toContain(name);
    for (const field of Object.keys(byField)) {
      expect(field in resource.inputFields || outputs.has(field)).toBe(true);
    }
  },
);

test("the registry is host.ts's: each resource under its type name, served as modelarts:index:<type>", () => {
  for (const [name, resource] of Object.entries(host)) expect(resource.definition.type).toBe(name);
  expect([...RESOURCES.keys()].sort()).toEqual(
    Object.keys(host)
      .map((name) => `modelarts:index:${name}`)
      .sort(),
  );
  for (const [token, resource] of RESOURCES) {
    expect(resource.definition).toBe(host[token.split(":")[2] as keyof typeof host].definition);
  }
});
