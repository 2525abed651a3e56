/**
 * The tolerant reader case by case: what it refuses (what the provider acts on), and what it reads as absent
 * (everything else). The generated variants of every answer shape are in provider/api/tolerantAnswers.test.ts.
 */
import { ANSWER_SHAPES, checkAnswerKeywords } from "./answerShapes.js";
import { readAnswer } from "./tolerantReader.js";

type Json = Record<string, unknown>;

const INSTANCE = {
  id: "DE-7d558ef8-c73d-11ea-964c-0255ac100033",
  name: "nb",
  status: "RUNNING",
  flavor: "modelarts.vm.cpu.2u",
  spec: { annotations: { "pulumi-modelarts/owner": "p/s/r", url: "https://x" } },
};
const NOTEBOOK = {
  id: "f9937afa-4451-42db-a76b-72d624749f66",
  name: "nb",
  status: "RUNNING",
  tags: [{ key: "pulumi-modelarts.owner", value: "abc" }],
};

function read(shape: (typeof ANSWER_SHAPES)[number], value: unknown): Json {
  const result = readAnswer(shape, value);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.value as Json;
}

function problems(shape: (typeof ANSWER_SHAPES)[number], value: unknown): string[] {
  const result = readAnswer(shape, value);
  return result.ok ? [] : result.problems;
}

test("the issue-15 answer: a repository of null strings is read as a repository with nothing in it", () => {
  const listed = {
    total_count: 1,
    instances: [{ ...INSTANCE, repository: { id: null, branch: null, user_name: null, connection_info: null } }],
  };
  expect(read("ListResponse", listed)).toEqual({ total_count: 1, instances: [{ ...INSTANCE, repository: {} }] });
});

test("a tolerated field that is null, of another type or of another form is absent, at any depth", () => {
  const value = read("Instance", {
    ...INSTANCE,
    description: 42,
    creation_timestamp: "yesterday",
    latest_update_timestamp: null,
    profile: { id: 7, name: ["x"], description: "kept", provision: "a string" },
    flavor_details: null,
    spec: {
      ...INSTANCE.spec,
      auto_stop: { enable: "yes", duration: "3600", prompt: null, remain_time: 12 },
      extend_storage: [null, { type: "obs", location: { path: 5 } }, "x"],
      failed_reasons: { code: null, message: "m", detail: { a: "b", c: 3 } },
    },
    pool: [],
  });
  expect(value).toEqual({
    ...INSTANCE,
    profile: { description: "kept" },
    spec: {
      ...INSTANCE.spec,
      auto_stop: { remain_time: 12 },
      extend_storage: [{ type: "obs", location: {} }],
      failed_reasons: { message: "m", detail: { a: "b" } },
    },
  });
});

test("unknown fields are kept as they came, without their nulls; __proto__ is never copied", () => {
  const raw = JSON.parse(
    `{"id":"${NOTEBOOK.id}","status":"RUNNING","brand_new":{"x":1},"gone":null,"__proto__":{"polluted":true}}`,
  ) as unknown;
  const value = read("NotebookObject", raw);
  expect(value).toEqual({ id: NOTEBOOK.id, status: "RUNNING", brand_new: { x: 1 } });
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect((value as { polluted?: boolean }).polluted).toBeUndefined();
});

test("ids, names and statuses are required: missing, null, empty or of another type, the answer is refused", () => {
  expect(problems("Instance", { ...INSTANCE, id: null })).toEqual(["id is required (got null)"]);
  expect(problems("Instance", { ...INSTANCE, name: 5 })).toEqual(["name must be a string (got 5)"]);
  expect(problems("Instance", { name: "x", status: "" })).toEqual(["status must not be empty", "id is required"]);
  expect(problems("NotebookStorage", { status: "MOUNTED" })).toEqual(["id is required"]);
  expect(problems("DeleteResponse", {})).toEqual(["instance_id is required"]);
  expect(problems("Instance", null)).toEqual(["the body must be an object (got null)"]);
  expect(problems("NotebookObject", [])).toEqual(["the body must be an object (got an array)"]);
});

test("a listing entry that cannot be read refuses the listing: a look-up never skips it as not ours", () => {
  expect(problems("ListResponse", { instances: [INSTANCE, { ...INSTANCE, id: null }] })).toEqual([
    "instances[1].id is required (got null)",
  ]);
  expect(problems("ListResponse", { instances: [null] })).toEqual(["instances[0] is null"]);
  expect(problems("NotebookListResponse", { data: [NOTEBOOK, { status: "RUNNING" }] })).toEqual([
    "data[1].id is required",
  ]);
  expect(problems("NotebookFlavorsResponse", { flavors: [{ id: "" }] })).toEqual(["flavors[0].id must not be empty"]);
  expect(problems("NotebookFlavorsResponse", { data: null, flavors: null })).toEqual([
    "the body must have data or flavors",
  ]);
});

test("owner marks are acted on: null means none, any other type refuses the answer", () => {
  const annotated = (annotations: unknown) => ({ ...INSTANCE, spec: { annotations } });
  expect(read("Instance", annotated(null)).spec).toEqual({});
  expect(read("Instance", annotated({ "pulumi-modelarts/owner": null, url: 3 })).spec).toEqual({ annotations: {} });
  expect(problems("Instance", annotated({ "pulumi-modelarts/owner": 12 }))).toEqual([
    'spec.annotations["pulumi-modelarts/owner"] must be a string (got 12)',
  ]);
  expect(problems("Instance", annotated("p/s/r"))).toEqual(['spec.annotations must be an object (got "p/s/r")']);
  expect(problems("Instance", { ...INSTANCE, spec: [] })).toEqual(["spec must be an object (got an array)"]);

  expect(read("NotebookObject", { ...NOTEBOOK, tags: null })).not.toHaveProperty("tags");
  expect(read("NotebookObject", { ...NOTEBOOK, tags: [{ key: "team", value: null }] }).tags).toEqual([{ key: "team" }]);
  expect(problems("NotebookObject", { ...NOTEBOOK, tags: [{ key: "pulumi-modelarts.owner", value: 1 }] })).toEqual([
    "tags[0].value must be a string (got 1)",
  ]);
  expect(problems("NotebookObject", { ...NOTEBOOK, tags: [{ value: "abc" }] })).toEqual(["tags[0].key is required"]);
  expect(problems("NotebookObject", { ...NOTEBOOK, tags: "owner=abc" })).toEqual([
    'tags must be an array (got "owner=abc")',
  ]);
  expect(problems("NotebookObject", { ...NOTEBOOK, name: 1 })).toEqual(["name must be a string (got 1)"]);
  expect(read("NotebookObject", { ...NOTEBOOK, name: null })).not.toHaveProperty("name");
});

test("a mount's path and status are acted on", () => {
  const mount = { id: "91dd2d3f-2d92-475f-a375-04636af26cc9", mount_path: "/data/x/", status: "MOUNTED" };
  expect(read("NotebookStorage", { ...mount, uri: 5, category: null })).toEqual(mount);
  expect(problems("NotebookStorage", { ...mount, mount_path: ["/data/x/"] })).toEqual([
    "mount_path must be a string (got an array)",
  ]);
  expect(problems("NotebookStorage", { ...mount, status: 3 })).toEqual(["status must be a string (got 3)"]);
});

test("paging fields the provider does not follow are tolerated; total_count of another form is absent", () => {
  expect(read("NotebookListResponse", { data: [], current: "one", pages: null, total: -1 })).toEqual({ data: [] });
  expect(read("ListResponse", { instances: [], total_count: "many" })).toEqual({ instances: [] });
  expect(read("ListResponse", { instances: [], total_count: "3" })).toEqual({ instances: [], total_count: "3" });
});

test("nothing in a start or stop answer is acted on: an empty or null-filled one is read", () => {
  expect(read("ActionResponse", {})).toEqual({});
  expect(read("ActionResponse", { current_status: null, previous_state: 1 })).toEqual({});
});

test("every answer shape uses only what the reader knows", () => {
  for (const shape of ANSWER_SHAPES) expect(() => readAnswer(shape, {})).not.toThrow();
  expect(() => checkAnswerKeywords({ type: "string", enum: ["A"] }, "X.status")).toThrow(
    'schema.json X.status: "enum" is not read by the tolerant reader (see answerShapes.ts)',
  );
  expect(() => checkAnswerKeywords({ type: "object", additionalProperties: false }, "X")).toThrow(
    "an answer must tolerate unknown fields",
  );
});
