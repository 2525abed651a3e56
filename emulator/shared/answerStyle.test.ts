/**
 * The `nulls` answer style: both APIs write every unset field the answer's shape declares as null, and an unset
 * object as that object with every field null, as Huawei's Java backends do; chosen at start-up or through the
 * admin API, restored by a reset. The `compact` default is what the emulator always wrote.
 */
import { readAnswer } from "../../protocol/validation/tolerantReader.js";
import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { cpuCreateRequest, createInstance, instancesPath } from "../demanager/testkit.js";
import { createNotebook, evsCreateRequest, notebooksPath } from "../notebooks/testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

type Json = Record<string, unknown>;

const emulator = useEmulator({ answerStyle: "nulls" });

async function list(path: string, query: Record<string, string> = {}): Promise<Json> {
  const answer = await callApi(emulator, { method: "GET", path, query });
  expect(answer.status).toBe(200);
  return answer.json as Json;
}

test("the style is the start-up one, changes through the admin API, and a reset restores it", async () => {
  expect(await emulator.admin.answerStyle()).toBe("nulls");
  await emulator.admin.setAnswerStyle("compact");
  expect(await emulator.admin.answerStyle()).toBe("compact");
  await emulator.admin.reset();
  expect(await emulator.admin.answerStyle()).toBe("nulls");
  await expect(emulator.admin.setAnswerStyle("java" as "nulls")).rejects.toThrow(
    'HTTP 400: answer style must be one of compact, nulls (got "java")',
  );
});

test("demanager: unset fields are null, an unset object is an object of nulls (the issue-15 repository)", async () => {
  const created = await createInstance(emulator, cpuCreateRequest("nb-nulls"));
  expect(created).toMatchObject({
    error_code: null,
    pool: { id: null, name: null, type: null, owner: null },
    repository: { id: null, branch: null, user_name: null, user_email: null, type: null, connection_info: null },
    queuing_info: { id: null, rank: null, flavor_details: null },
  });
  const listed = await list(instancesPath(emulator), { de_type: "Notebook" });
  const [entry] = listed.instances as Json[];
  expect(entry).toMatchObject({
    repository: { id: null },
    spec: { log_path: null, auto_stop: { stop_timestamp: null } },
  });
  // Maps gain no keys: annotations hold what the service set, and nothing else.
  expect(Object.values((entry!.spec as Json).annotations as Json)).not.toContain(null);
  // Strict Ajv refuses it (what the provider did before issue 15); the tolerant reader reads it.
  expect(validateWire("ListResponse", listed).valid).toBe(false);
  expect(readAnswer("ListResponse", listed).ok).toBe(true);
});

test("notebooks: unset fields are null in the object, the listing and the storage answers", async () => {
  const created = await createNotebook(emulator, evsCreateRequest("nb-nulls"));
  expect(created).toMatchObject({ fail_reason: null, pool: { id: null, name: null }, custom_spec: null });
  const listed = await list(notebooksPath(emulator), { limit: "10" });
  const [entry] = listed.data as Json[];
  expect(entry).toMatchObject({ fail_reason: null, action_progress: null, volume: { status: null, uri: null } });
  expect(readAnswer("NotebookListResponse", listed).ok).toBe(true);
  const images = await list(`/v1/${emulator.projectId}/images`, { limit: "200" });
  expect(readAnswer("NotebookImagesResponse", images).ok).toBe(true);
});

test("the compact style writes what it always did", async () => {
  await emulator.admin.setAnswerStyle("compact");
  const created = await createInstance(emulator, cpuCreateRequest("nb-compact"));
  expect(created).not.toHaveProperty("pool");
  expect(created).not.toHaveProperty("repository");
  expect(validateWire("Instance", created).valid).toBe(true);
});
