import { callApi, type RawResponse } from "../callApi.js";
import { expectErrorAnswer } from "../../test/support/errorAnswer.js";
import { createNotebook, evsCreateRequest, notebooksPath, waitForNotebook } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

const emulator = useEmulator();

const expectError = (response: RawResponse, status: number, code: string) =>
  expectErrorAnswer(response, status, code, "NotebookErrorBody");

const create = (body: unknown) => callApi(emulator, { method: "POST", path: notebooksPath(emulator), body });
const withVolume = (volume: unknown) => evsCreateRequest("bad", { volume });
const without = (key: string) => {
  const body = evsCreateRequest("bad");
  delete body[key];
  return body;
};

describe("create request rules", () => {
  it.each<[string, unknown, string]>([
    ["6335 name missing", without("name"), "ModelArts.6335"],
    ["6335 image_id missing", without("image_id"), "ModelArts.6335"],
    ["6335 volume missing", without("volume"), "ModelArts.6335"],
    ["6335 volume.category missing", withVolume({ ownership: "MANAGED" }), "ModelArts.6335"],
    ["6335 volume.ownership missing", withVolume({ category: "EVS" }), "ModelArts.6335"],
    ["6335 flavor missing (no custom_spec)", without("flavor"), "ModelArts.6335"],
    ["6336 DEDICATED with EVS", withVolume({ category: "EVS", ownership: "DEDICATED" }), "ModelArts.6336"],
    [
      "6336 EFS + DEDICATED without uri",
      withVolume({ category: "EFS", ownership: "DEDICATED", id: "sfs-1" }),
      "ModelArts.6336",
    ],
    [
      "6336 EFS + DEDICATED without id",
      withVolume({ category: "EFS", ownership: "DEDICATED", uri: "a.sfsturbo.internal:/" }),
      "ModelArts.6336",
    ],
    ["6324 OBS as the system volume", withVolume({ category: "OBS", ownership: "MANAGED" }), "ModelArts.6324"],
    ["6331 EVS capacity 4097", withVolume({ category: "EVS", ownership: "MANAGED", capacity: 4097 }), "ModelArts.6331"],
    ["6331 EVS capacity 1", withVolume({ category: "EVS", ownership: "MANAGED", capacity: 1 }), "ModelArts.6331"],
    ["6334 bad character in name", evsCreateRequest("bad name"), "ModelArts.6334"],
    ["6334 bad character in description", evsCreateRequest("x", { description: "a'b" }), "ModelArts.6334"],
    ["6349 duration too short", evsCreateRequest("x", { duration: 60000 }), "ModelArts.6349"],
    ["6349 duration too long", evsCreateRequest("x", { duration: 259200001 }), "ModelArts.6349"],
    ["6349 duration 0", evsCreateRequest("x", { duration: 0 }), "ModelArts.6349"],
    ["6349 lease duration too short", evsCreateRequest("x", { lease: { duration: 1 } }), "ModelArts.6349"],
    ["6323 unknown flavor", evsCreateRequest("x", { flavor: "modelarts.vm.cpu.999u" }), "ModelArts.6323"],
    [
      "6870 free CodeLab flavor with feature NOTEBOOK",
      evsCreateRequest("x", { flavor: "modelarts.vm.cpu.free" }),
      "ModelArts.6870",
    ],
    [
      "6797 unknown image",
      evsCreateRequest("x", { image_id: "00000000-0000-4000-8000-000000000000" }),
      "ModelArts.6797",
    ],
    ["6329 sold-out flavor", evsCreateRequest("x", { flavor: "modelarts.vm.gpu.p100" }), "ModelArts.6329"],
    ["6400 name too long", evsCreateRequest("n".repeat(129)), "ModelArts.6400"],
    ["6400 unknown key", evsCreateRequest("x", { auto_stop: true }), "ModelArts.6400"],
    ["6400 bad workspace id", evsCreateRequest("x", { workspace_id: "ws" }), "ModelArts.6400"],
    ["6400 unknown ownership", withVolume({ category: "EVS", ownership: "SHARED" }), "ModelArts.6400"],
    ["6400 not an object", [1], "ModelArts.6400"],
    ["6400 not JSON", "{", "ModelArts.6400"],
  ])("%s", async (_label, body, code) => {
    expectError(await create(body), 400, code);
  });

  it("answers 6335 in the documented words", async () => {
    expect((await create(without("image_id"))).json).toEqual({
      error_code: "ModelArts.6335",
      error_msg: "'image_id' is a required property.",
    });
  });

  it("names the field of a DEDICATED volume that is not EFS, even with uri and id", async () => {
    const body = withVolume({ category: "EVS", ownership: "DEDICATED", uri: "a.sfsturbo.internal:/", id: "s" });
    expect((await create(body)).json).toEqual({
      error_code: "ModelArts.6336",
      error_msg: "'volume.ownership' property value is incorrect.",
    });
  });

  it("checks the rules before the catalogue: a bad name on an unknown flavor is 6334", async () => {
    expectError(await create(evsCreateRequest("a b", { flavor: "nope" })), 400, "ModelArts.6334");
  });

  it("accepts EFS + DEDICATED with uri and id, the longest name, enums in any case, and the free flavor with feature DEFAULT", async () => {
    const efs = await create(
      evsCreateRequest("efs", {
        volume: { category: "EFS", ownership: "DEDICATED", uri: "a.sfsturbo.internal:/", id: "s" },
      }),
    );
    expect(efs.json).toMatchObject({
      volume: { category: "EFS", ownership: "DEDICATED", uri: "a.sfsturbo.internal:/", id: "s" },
    });
    expect((await create(evsCreateRequest("n".repeat(128)))).status).toBe(200);
    const mixed = await create(evsCreateRequest("mixed", { volume: { category: "Evs", ownership: "Managed" } }));
    expect(mixed.json).toMatchObject({ volume: { category: "EVS", ownership: "MANAGED" } });
    const free = await create(evsCreateRequest("free", { flavor: "modelarts.vm.cpu.free", feature: "DEFAULT" }));
    expect(free.json).toMatchObject({ feature: "DEFAULT", billing_items: ["STORAGE"] });
  });

  it("ends a create in CREATE_FAILED with fail_reason when the admin API armed a failure", async () => {
    await emulator.admin.failNextNotebookCreates({ reason: "No resources in az1." });
    const { id } = (await createNotebook(emulator, evsCreateRequest("doomed"))) as { id: string };
    // CREATING lasts 30 ms at this scale: it may be missed.
    const seen = await waitForNotebook(emulator, id, "CREATE_FAILED");
    expect(seen.filter((s) => s !== "CREATING")).toEqual(["CREATE_FAILED"]);
    const failed = (await callApi(emulator, { method: "GET", path: notebooksPath(emulator, id) })).json;
    expect(failed).toMatchObject({ fail_reason: "No resources in az1." });
    expect((failed as { action_progress: { status: string }[] }).action_progress.map((p) => p.status)).toEqual([
      "COMPLETED",
      "COMPLETED",
      "COMPLETED",
      "FAILED",
    ]);
    const next = (await createNotebook(emulator, evsCreateRequest("fine"))) as { id: string };
    await waitForNotebook(emulator, next.id, "RUNNING");
  });
});

describe("start query rules", () => {
  it.each<[Record<string, string | number>, string]>([
    [{ duration: 60000 }, "ModelArts.6349"],
    [{ duration: "1h" }, "ModelArts.6332"],
    [{ type: "SOMETIMES" }, "ModelArts.6336"],
  ])("%j → %s", async (query, code) => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("q"))) as { id: string };
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    const response = await callApi(emulator, {
      method: "POST",
      path: notebooksPath(emulator, id, "/start"),
      query,
    });
    expectError(response, 400, code);
  });
});
