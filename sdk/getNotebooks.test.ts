/**
 * The notebooks lookup as a program calls it: in-process against the emulator, with the settings from the
 * environment as a program has them, and its Output form for arguments that are other resources' outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { createNotebook, evsCreateRequest } from "../emulator/notebooks/testkit.js";
import { useProgramOnEmulator } from "../test/support/programOnEmulator.js";
import { getNotebooks, getNotebooksOutput } from "./getNotebooks.js";

const { emulator } = useProgramOnEmulator();

test("finds a notebook by its name, and says when a name is free", async () => {
  const { id } = (await createNotebook(emulator, evsCreateRequest("made-elsewhere"))) as { id: string };
  await createNotebook(emulator, evsCreateRequest("made-elsewhere-2"));
  const { notebooks } = await getNotebooks({ name: "made-elsewhere" });
  expect(notebooks).toEqual([expect.objectContaining({ id, name: "made-elsewhere", flavor: "modelarts.vm.cpu.2u" })]);
  expect((await getNotebooks({ name: "free-name" })).notebooks).toEqual([]);
  await expect(getNotebooks({ status: "RUNING" as "RUNNING" })).rejects.toThrow(/^look up notebooks: status must be/);
});

test("getNotebooksOutput runs once its arguments are known", async () => {
  pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) });
  const { id } = (await createNotebook(emulator, evsCreateRequest("from-an-output"))) as { id: string };
  await createNotebook(emulator, evsCreateRequest("another"));
  const found = getNotebooksOutput({ namePattern: pulumi.output("from-*") });
  const ids = await new Promise((resolve) => found.notebooks.apply((n) => resolve(n.map((x) => x.id))));
  expect(ids).toEqual([id]);
});
