/**
 * The `mounts` output from a notebook's answer as the tolerant reader hands it on: every data volume by mount path,
 * what the service did not report absent, and `managed` only where the notebook's tags carry the mount's mark for
 * that path and that uri.
 */
import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { readAnswer } from "../../protocol/validation/tolerantReader.js";
import { mountMarkTag } from "../api/mountMark.js";
import { toOutputs } from "./mapping.js";
import { mountsOf } from "./mountsOutput.js";
import type { NotebookInputs } from "./types.js";

const ID = "7d9a4816-30d2-440a-8f5b-41ab07b56ab3";
const DATA = { category: "OBSFS", mount_path: "/data/data/", url: "obs://bucket/data/", status: "MOUNTED" };
const OUTSIDE = { category: "OBSFS", mount_path: "/data/outside/", url: "obs://theirs/x/", status: "MOUNTING" };

/** A notebook answer as the provider sees it: read by the tolerant reader, as every answer is. */
function answer(raw: Record<string, unknown>): Notebook {
  const read = readAnswer("NotebookObject", { id: ID, status: "RUNNING", ...raw });
  if (!read.ok) throw new Error(read.problems.join("; "));
  return read.value as Notebook;
}

test("every data volume by mount path; managed only with its mark on the notebook", () => {
  const notebook = answer({
    data_volumes: [
      { ...OUTSIDE, mount_type: "DYNAMIC" },
      { ...DATA, mount_type: "DYNAMIC" },
      { category: "obs", mount_path: "/data/", url: "obs://given/at-create/", status: "MOUNTED", mount_type: "STATIC" },
    ],
    tags: [{ key: "team", value: "ml" }, mountMarkTag("/data/data/", "obs://bucket/data/")],
  });
  expect(mountsOf(notebook)).toEqual([
    { category: "OBS", uri: "obs://given/at-create/", mountPath: "/data/", status: "MOUNTED", managed: false },
    { category: "OBSFS", uri: "obs://bucket/data/", mountPath: "/data/data/", status: "MOUNTED", managed: true },
    { category: "OBSFS", uri: "obs://theirs/x/", mountPath: "/data/outside/", status: "MOUNTING", managed: false },
  ]);
});

test("another storage at a marked path is not the mark's: the mark names its uri", () => {
  const notebook = answer({
    data_volumes: [{ ...DATA, url: "obs://someone-else/data/" }],
    tags: [mountMarkTag("/data/data/", "obs://bucket/data/")],
  });
  expect(mountsOf(notebook)).toEqual([
    { category: "OBSFS", uri: "obs://someone-else/data/", mountPath: "/data/data/", status: "MOUNTED", managed: false },
  ]);
});

test("the uri under the storage listing's name when url is absent", () => {
  const notebook = answer({
    data_volumes: [{ category: "OBSFS", mount_path: "/data/data/", url: null, uri: "obs://bucket/data/" }],
    tags: [mountMarkTag("/data/data/", "obs://bucket/data/")],
  });
  expect(mountsOf(notebook)).toEqual([
    { category: "OBSFS", uri: "obs://bucket/data/", mountPath: "/data/data/", managed: true },
  ]);
});

test.each([
  ["data_volumes null", { data_volumes: null }, []],
  ["data_volumes absent", {}, []],
  ["data_volumes of another type", { data_volumes: "none" }, []],
  [
    "fields null, empty or of another type",
    { data_volumes: [{ category: null, mount_path: "", url: 7, status: "MOUNTED", mount_type: null }] },
    [{ status: "MOUNTED", managed: false }],
  ],
  ["an entry that reports nothing", { data_volumes: [{ category: null, url: null }, null, 3] }, []],
  [
    "a marked path whose uri the service did not report",
    { data_volumes: [{ ...DATA, url: null }], tags: [mountMarkTag("/data/data/", "obs://bucket/data/")] },
    [{ category: "OBSFS", mountPath: "/data/data/", status: "MOUNTED", managed: false }],
  ],
])("%s", (_what, raw, mounts) => {
  expect(mountsOf(answer(raw))).toEqual(mounts);
});

test("the Notebook's outputs carry the mounts, with no null inside", () => {
  const inputs = {
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS", ownership: "MANAGED" },
    workspaceId: "0",
    description: "",
  } as NotebookInputs;
  const outputs = toOutputs(answer({ data_volumes: [{ ...DATA, status: null }] }), inputs);
  expect(outputs.mounts).toEqual([
    { category: "OBSFS", uri: "obs://bucket/data/", mountPath: "/data/data/", managed: false },
  ]);
  expect(toOutputs(answer({}), inputs).mounts).toEqual([]);
});
