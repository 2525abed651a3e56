/**
 * A project as a team keeps it: next to ours, instances whose answers carry the nulls Huawei's Java backends write
 * for unset fields (`"repository": {"id": null, "branch": null, …}`, a null profile name, a null flavor status).
 * None of those fields is one the provider acts on, so none of them may block a create, a read or a delete
 * (issue 15 point 1). A transport between the provider and the emulator rewrites every instance in the answers.
 */
import { sendWithGot, type HttpSend } from "../api/httpTransport.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { nullsInside } from "../../test/support/outputNulls.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { observedInputs } from "./mapping.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";
import type { NotebookInstanceInputs } from "./types.js";
import { someoneElsesInstance } from "../../test/support/someoneElses.js";

const provider: LooseProvider = notebookInstanceProvider;
type Json = Record<string, unknown>;

const NULL_REPOSITORY = {
  id: null,
  branch: null,
  user_name: null,
  user_email: null,
  type: null,
  connection_info: null,
};

/** An instance as a Java backend writes it when these optional fields are unset. */
function withJavaNulls(instance: Json): Json {
  const profile = (instance.profile ?? {}) as Json;
  const details = (instance.flavor_details ?? {}) as Json;
  const spec = (instance.spec ?? {}) as Json;
  const autoStop = (spec.auto_stop ?? {}) as Json;
  return {
    ...instance,
    repository: NULL_REPOSITORY,
    profile: { ...profile, name: null, flavor_type: null, de_type: null },
    flavor_details: { ...details, status: null, is_permitted: null, type: null },
    spec: {
      ...spec,
      repository: NULL_REPOSITORY,
      auto_stop: { ...autoStop, prompt: null },
      storage: { ...(spec.storage as Json), type: null },
    },
    pool: { id: null, name: null, type: null, owner: null },
    user: { id: null, name: null },
  };
}

function rewriteInstances(body: unknown): unknown {
  if (body === null || typeof body !== "object") return body;
  const answer = body as Json;
  if (Array.isArray(answer.instances))
    return { ...answer, instances: answer.instances.map((i) => withJavaNulls(i as Json)) };
  if (typeof answer.id === "string" && typeof answer.status === "string") return withJavaNulls(answer);
  return body;
}

const javaNulls: HttpSend = async (request, timeoutMs) => {
  const response = await sendWithGot(request, timeoutMs);
  if (response.status < 200 || response.status > 299 || !request.url.includes("/demanager/instances")) return response;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return response;
  }
  return { ...response, body: JSON.stringify(rewriteInstances(parsed)) };
};

const { emulator } = useProviderOnEmulator({ progress: "drop", clientOptions: { send: javaNulls } });
const checked = checkedBy(provider);

test("another instance answered with null strings in its repository does not block a create; read and delete work too", async () => {
  // Someone else's instance in the project, made with the API.
  await someoneElsesInstance(emulator, "their-notebook");

  const inputs = await checked(undefined, {
    name: "nb-nulls",
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/nulls/" },
    autoStop: { enabled: true, durationSeconds: 3600 },
    __ownerKey: "proj/dev/nb-nulls",
  });

  const created = await provider.create(inputs);
  expect(created.outs).toMatchObject({ name: "nb-nulls", status: "RUNNING", instanceId: created.id });
  // A field that came back null is absent from the outputs: never the string "null", never a null inside.
  expect(nullsInside(created.outs)).toEqual([]);
  expect(created.outs.profile).not.toHaveProperty("name");

  const read = await provider.read(created.id, created.outs);
  expect(read.id).toBe(created.id);
  expect(nullsInside(read.props as Record<string, unknown>)).toEqual([]);

  await provider.delete(created.id, read.props);
  expect((await emulator.admin.listInstances()).map((i) => i.name)).toEqual(["their-notebook"]);
});

test("an auto-stop whose enable came back null is no drift: the declared one stands", async () => {
  const { inputs } = await provider.check(
    {},
    {
      name: "nb-drift",
      profileId: "Multi-Engine 1.0 (python3)-cpu",
      flavor: "modelarts.vm.cpu.2u",
      storage: { path: "/bucket/drift/" },
      autoStop: { enabled: true, durationSeconds: 7200 },
    },
  );
  const declared = inputs as NotebookInstanceInputs;
  const instance = { id: "DE-7d558ef8-c73d-11ea-964c-0255ac100033", name: "nb-drift", status: "RUNNING" };
  expect(observedInputs({ ...instance, spec: { auto_stop: {} } }, declared).autoStop).toEqual(declared.autoStop);
  expect(observedInputs({ ...instance, spec: { auto_stop: { enable: false } } }, declared).autoStop).toMatchObject({
    enabled: false,
  });
});
