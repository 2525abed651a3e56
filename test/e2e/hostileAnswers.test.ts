/**
 * Hostile answers through the real Pulumi CLI: the service (the emulator's fault kinds) answers a GET or a DELETE
 * with an HTML page, `null`, `{}`, another instance's body or the gateway's 404, garbles the answer to a create it
 * applied, hides a namesake behind a 5xx, echoes the credentials in its errors; and a region that would turn the IAM
 * URL into another host. For one NotebookInstance and one Notebook (programs/hostile) in one stack, faults armed and
 * cleared per step, it checks what matters to a user:
 * - refresh fails, naming the operation and the resource, and never drops a live instance from the state;
 * - destroy never takes a lie for gone: a resource leaves the state only once the service showed its instance gone,
 *   a lying DELETE fails the destroy and the instance stays, and destroy succeeds once the service answers truthfully;
 * - a create whose answer was garbled makes exactly one instance, recorded; someone else's namesake is never
 *   taken over or changed;
 * - no secret (AK, SK, security token, IAM password, notebook token, OBS keys) in the CLI's output, the event
 *   log or `pulumi stack export`.
 * Counted over the whole run and printed at the end: instances forgotten, foreign instances touched, secrets found
 * (all 0). Durations of every CLI step go to test/.work/e2e-hostile.json. Needs `npm run build`.
 */
import { readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { callApi, DEFAULT_USER, startEmulator, type Emulator, type FaultSpec } from "../../emulator/index.js";
import { secretsOf } from "../../emulator/testkit.js";
import { emulatorPollEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace, type RunResult } from "../../devkit/pulumiCli.js";
import { checkExit, CliSteps, cliText as text, escapeRegExp as escape, type Json } from "../support/CliSteps.js";
import { someoneElsesInstance, someoneElsesNotebook } from "../support/someoneElses.js";

const PROGRAM = path.join(__dirname, "programs/hostile");
const V1_TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const V2_TYPE = "pulumi-nodejs:dynamic/modelarts:Notebook";

const STEP_TIMEOUT = 10 * 60_000;

/** A temporary (STS) key: every request must carry the security token, so an echo of it means something. */
const ACCESS_KEY = "HOSTILEACCESSKEY0001";
const SECRET_KEY = "HostileSecretKey0000000000000000000SKSK";
const SECURITY_TOKEN = "STS-hostile-security-token-0123456789abcdefABCDEF";

const V1_COLLECTION = "/v1/{project_id}/demanager/instances";
const V1_ONE = `${V1_COLLECTION}/{instance_id}`;
const V2_COLLECTION = "/v1/{project_id}/notebooks";
const V2_ONE = `${V2_COLLECTION}/{id}`;
/** More than the provider's 8 attempts: every retry of the step meets the fault. */
const EVERY_ATTEMPT = 20;

const FOREIGN_V1_NAME = "someone-elses-v1";
const FOREIGN_V2_NAME = "someone-elses-v2";

let emulator: Emulator;
let ws: PulumiWorkspace;
/** Every request the emulator served: `METHOD /path STATUS 12ms` (admin calls included, filtered below). */
const requestLog: string[] = [];
const ids = { v1: "", v2: "" };
const foreign = { v1: "", v2: "" };
let foreignBefore: Json;

/** Every text a user or a tool could read: CLI stdout and stderr, event logs, state exports. */
const corpus: { where: string; text: string }[] = [];
const tally = { forgotten: 0, foreignTouched: 0, secretsFound: 0 };
let eventLogs = 0;

const EVENT_COMMANDS = new Set(["up", "preview", "refresh", "destroy"]);

const steps = new CliSteps(
  () => ws,
  (step, result) =>
    corpus.push({ where: `${step}: stdout`, text: result.stdout }, { where: `${step}: stderr`, text: result.stderr }),
);

/** Runs `pulumi <args>` (with an event log for the engine commands), records its duration and keeps its output. */
async function pulumi(step: string, args: string[], expectCode: "ok" | "fail" | "any" = "ok"): Promise<RunResult> {
  const eventLog = path.join(ws.workDir, `events-${++eventLogs}.jsonl`);
  const logged = EVENT_COMMANDS.has(args[0]!);
  const result = await steps.run(step, args, "any", logged ? ["--event-log", eventLog] : []);
  if (logged) {
    corpus.push({ where: `${step}: event log`, text: readFileSync(eventLog, "utf8") });
    rmSync(eventLog, { force: true });
  }
  checkExit(args, result, expectCode);
  return result;
}

/** The lines of the CLI's output that report an error, without repeats. */
function errorLines(out: string): string[] {
  return [
    ...new Set(
      out
        .split("\n")
        .filter((l) => /error:/.test(l))
        .map((l) => l.trim()),
    ),
  ];
}

/** How the CLI names each resource in an error: the operation, the kind, the name and the id. */
function named(verb: string, which: "v1" | "v2"): RegExp {
  const kind = which === "v1" ? "notebook instance" : "notebook";
  return new RegExp(`${verb} ${kind} "hostile-${which}" \\(${escape(ids[which])}\\): `);
}

/** The state as text (kept for the secret search) and parsed. */
async function exported(step: string): Promise<Json[]> {
  return (await steps.exported(`${step}: stack export`)).resources;
}

async function liveIds(): Promise<string[]> {
  const live = [...(await emulator.admin.listInstances()), ...(await emulator.admin.listNotebooks())];
  return live.filter((i) => i.status !== "DELETING").map((i) => i.id);
}

/**
 * After every step: the state still holds every live instance of ours (none forgotten), and the named resources
 * keep their ids. Returns the state's resources.
 */
async function audit(step: string, expected: Record<string, string> = {}): Promise<Json[]> {
  const resources = await exported(step);
  const recorded = new Set(resources.map((r) => r.id as string));
  const ours = (await liveIds()).filter((id) => id !== foreign.v1 && id !== foreign.v2);
  const forgotten = ours.filter((id) => !recorded.has(id));
  tally.forgotten += forgotten.length;
  expect({ step, forgotten }).toEqual({ step, forgotten: [] });
  for (const [name, id] of Object.entries(expected)) {
    const found = resources.find((r) => (r.urn as string).endsWith(`:${name}`));
    expect({ step, name, id: found?.id }).toEqual({ step, name, id });
  }
  return resources;
}

/** Requests other than GET that named someone else's instance in their path (the emulator's request log). */
function foreignRequests(): string[] {
  return requestLog.filter((line) => {
    const [method, urlPath] = line.split(" ");
    return (
      method !== "GET" &&
      !urlPath!.startsWith("/_admin/") &&
      (urlPath!.includes(foreign.v1) || urlPath!.includes(foreign.v2))
    );
  });
}

/** What changes when an instance is touched: status, name, description, flavor, tags, update time. */
async function foreignSnapshot(): Promise<Json> {
  const pick = (o: Json) => ({
    status: o.status,
    name: o.name,
    description: o.description,
    flavor: o.flavor,
    tags: o.tags,
    update_at: o.update_at,
  });
  return {
    v1: pick(await emulator.admin.getInstance(foreign.v1)),
    v2: pick(await emulator.admin.getNotebook(foreign.v2)),
  };
}

function apiRequests(): string[] {
  return requestLog.filter((line) => !line.split(" ")[1]!.startsWith("/_admin/") && !line.startsWith("internal"));
}

/** Checks that every armed fault was met at least once (a fault never hit proves nothing), then clears them all. */
async function clearFaults(step: string): Promise<void> {
  const unused = (await emulator.admin.listFaults()).filter((f) => f.remaining === (f.count ?? 1));
  await emulator.admin.clearFaults();
  expect({ step, unused }).toEqual({ step, unused: [] });
}

async function arm(...faults: FaultSpec[]): Promise<void> {
  for (const fault of faults) await emulator.admin.injectFault(fault);
}

/** The five lies a 2xx or 404 answer can tell about one instance. `other` is someone else's instance of the family. */
interface Lie {
  label: string;
  fault: (route: string, other: string) => FaultSpec;
  /** What the error says about the answer. */
  problem: (family: "v1" | "v2") => RegExp;
}

const LIES: Lie[] = [
  {
    label: "an HTML page (200)",
    fault: (route) => ({ route, kind: "body", rawBody: "<html><body>Gateway maintenance</body></html>" }),
    problem: () => /HTTP 200 with an answer that is not the documented one: the body is not JSON/,
  },
  {
    label: "null (200)",
    fault: (route) => ({ route, kind: "body", rawBody: "null" }),
    problem: () => /HTTP 200 with an answer that is not the documented one: it does not match/,
  },
  {
    label: "{} (200)",
    fault: (route) => ({ route, kind: "body", rawBody: "{}" }),
    problem: () => /HTTP 200 with an answer that is not the documented one: it does not match/,
  },
  {
    label: "another instance's body (200)",
    fault: (route, other) => ({ route, kind: "other-instance", otherId: other }),
    problem: (family) =>
      new RegExp(
        "HTTP 200 with an answer that is not the documented one: it describes " +
          `${family === "v1" ? "instance" : "notebook"} "${escape(foreign[family])}", not "${escape(ids[family])}"`,
      ),
  },
  {
    label: "the gateway's 404 (APIG.0101)",
    fault: (route) => ({ route, kind: "gateway-404" }),
    problem: () => /HTTP 404 APIG\.0101.*The endpoint may be wrong/,
  },
];

function lie(lieLabel: string): Lie {
  return LIES.find((l) => l.label === lieLabel)!;
}

/** The same lie on one route of each family. */
async function armBoth(l: Lie, method: "GET" | "DELETE"): Promise<void> {
  await arm(
    { ...l.fault(`${method} ${V1_ONE}`, foreign.v1), count: EVERY_ATTEMPT },
    { ...l.fault(`${method} ${V2_ONE}`, foreign.v2), count: EVERY_ATTEMPT },
  );
}

/** Both resources are named with the operation and what was wrong with the answer. */
function expectBothFailures(out: string, verb: string, l: Lie): void {
  for (const family of ["v1", "v2"] as const) {
    const line = new RegExp(`${named(verb, family).source}.*${l.problem(family).source}`);
    // On a mismatch, the CLI's error lines are shown.
    expect({ family, matches: line.test(out) || errorLines(out) }).toEqual({ family, matches: true });
  }
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({
    timeScale: 0.02,
    credentials: { accessKeys: [{ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN }] },
    log: (line) => requestLog.push(line),
  });
  // Someone else's instances, made with the API (no owner mark); they also give `other-instance` a body to lie with.
  foreign.v1 = await someoneElsesInstance(emulator, FOREIGN_V1_NAME);
  foreign.v2 = await someoneElsesNotebook(emulator, FOREIGN_V2_NAME, {
    volume: { category: "EVS", ownership: "MANAGED", capacity: 5 },
    duration: -1,
  });

  // Only the poll schedule and the retry delays come from the environment: every attempt of a hostile step fails
  // on purpose, and at the real delays (1 s doubling to 30 s) each such CLI run would wait 1-2 minutes.
  const env = {
    ...emulatorPollEnv(),
    MODELARTS_RETRY_BASE_DELAY_MS: "10",
    MODELARTS_RETRY_MAX_DELAY_MS: "40",
    // Unhides `--event-log` (the engine's event stream as JSON lines, what the Automation API reads).
    PULUMI_DEBUG_COMMANDS: "true",
  };
  ws = await createWorkspace({ programDir: PROGRAM, stack: `hostile-${process.pid}`, bin, env });
  await ws.setConfig("modelarts:endpoint", emulator.url);
  await ws.setConfig("modelarts:projectId", emulator.projectId);
  await ws.setConfig("modelarts:accessKey", ACCESS_KEY, true);
  await ws.setConfig("modelarts:secretKey", SECRET_KEY, true);
  await ws.setConfig("modelarts:securityToken", SECURITY_TOKEN, true);
  await ws.setConfig("foreignV1Name", FOREIGN_V1_NAME);
  await ws.setConfig("foreignV2Name", FOREIGN_V2_NAME);
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e hostile answers", "e2e-hostile.json", { tally }, 44);
  ws?.dispose();
  await emulator?.close();
});

test(
  "0. pulumi up creates one instance of each kind (with a temporary AK/SK and its security token)",
  async () => {
    const up = await pulumi("0 up", ["up", "--yes"]);
    expect(up.stdout).toContain("+ 3 created");
    const out = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as { v1: string; v2: string };
    ids.v1 = out.v1;
    ids.v2 = out.v2;
    expect((await liveIds()).sort()).toEqual([ids.v1, ids.v2, foreign.v1, foreign.v2].sort());
    await audit("0", { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
    foreignBefore = await foreignSnapshot();
  },
  STEP_TIMEOUT,
);

describe("refresh when the GET lies: fails naming the resource, and the state keeps both", () => {
  test.each(LIES.map((l) => [l.label]))(
    "GET answered with %s",
    async (label) => {
      const l = lie(label);
      await armBoth(l, "GET");
      const refresh = await pulumi(`refresh: GET ${label}`, ["refresh", "--yes", "--skip-preview"], "fail");
      await clearFaults(`refresh: GET ${label}`);
      expectBothFailures(text(refresh), "read", l);
      expect(refresh.stdout).not.toMatch(/deleted/);
      await audit(`refresh: GET ${label}`, { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
      expect(await liveIds()).toEqual(expect.arrayContaining([ids.v1, ids.v2]));
    },
    STEP_TIMEOUT,
  );

  test(
    "with the faults cleared, refresh succeeds and changes nothing",
    async () => {
      await pulumi("refresh (truthful)", ["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
      await audit("refresh (truthful)", { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
    },
    STEP_TIMEOUT,
  );
});

test(
  "a create applied but answered with garbage makes exactly one instance, recorded; a DELETE applied but answered with another instance's body is checked, and the other instance is untouched",
  async () => {
    await emulator.admin.resetRequestCounts();
    await arm(
      { route: `POST ${V1_COLLECTION}`, kind: "body", rawBody: "<html>upstream error</html>", apply: true },
      { route: `POST ${V2_COLLECTION}`, kind: "body", rawBody: "{}", apply: true },
    );
    await ws.setConfig("garbled", "true");
    const up = await pulumi("garbled create: up", ["up", "--yes", "--skip-preview"]);
    expect(up.stdout).toContain("+ 2 created");
    expect(await emulator.admin.listFaults()).toEqual([]);
    const counts = await emulator.admin.requestCounts();
    expect({
      v1: counts.byRoute[`POST ${V1_COLLECTION}`],
      v2: counts.byRoute[`POST ${V2_COLLECTION}`],
    }).toEqual({ v1: 1, v2: 1 });
    const resources = await exported("garbled create");
    const garbled = ["NotebookInstance::garbledV1", "Notebook::garbledV2"].map((name) =>
      resources.find((r) => (r.urn as string).endsWith(`:${name}`))!,
    );
    expect(garbled.map((r) => r?.outputs.status)).toEqual(["RUNNING", "RUNNING"]);
    const live = await liveIds();
    expect(live).toHaveLength(6);
    expect(live).toEqual(expect.arrayContaining(garbled.map((r) => r.id)));
    await audit("garbled create");

    // Removing them: each DELETE is applied, but answered with someone else's body. Neither answer is taken for
    // done: each instance's own state is read again (a validated GET), which shows it being deleted, and only then
    // does the delete wait for it to be gone. Both deletes complete, and no foreign instance is touched.
    await arm(
      { route: `DELETE ${V1_ONE}`, kind: "other-instance", otherId: foreign.v1, count: EVERY_ATTEMPT },
      { route: `DELETE ${V2_ONE}`, kind: "other-instance", otherId: foreign.v2, count: EVERY_ATTEMPT },
    );
    await ws.setConfig("garbled", "false");
    const remove = await pulumi("garbled: up (DELETE answered with another's body)", ["up", "--yes", "--skip-preview"]);
    await clearFaults("garbled: DELETE answered with another's body");
    expect(remove.stdout).toMatch(new RegExp(`^ -\\s+${escape(V2_TYPE)} garbledV2 deleted`, "m"));
    expect(remove.stdout).toMatch(new RegExp(`^ -\\s+${escape(V1_TYPE)} garbledV1 deleted`, "m"));
    expect((await liveIds()).sort()).toEqual([ids.v1, ids.v2, foreign.v1, foreign.v2].sort());
    await audit("garbled: removed", { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
  },
  STEP_TIMEOUT,
);

test(
  "someone else's namesakes: a create that failed ambiguously (5xx) never takes them over",
  async () => {
    await arm(
      { route: `POST ${V1_COLLECTION}`, kind: "status", status: 500 },
      { route: `POST ${V2_COLLECTION}`, kind: "status", status: 500 },
    );
    await ws.setConfig("namesakes", "true");
    const up = await pulumi("namesakes: up (POST 500)", ["up", "--yes", "--skip-preview"], "fail");
    await clearFaults("namesakes: up (POST 500)");
    // Instance names are unique: the instance cannot be created, and theirs is named, not taken.
    expect(text(up)).toMatch(
      new RegExp(
        `create notebook instance "${FOREIGN_V1_NAME}": an instance named "${FOREIGN_V1_NAME}" already exists ` +
          `\\(${escape(foreign.v1)}\\) and is not managed by this resource; it was left untouched\\.`,
      ),
    );
    // Notebook names may repeat: a notebook of our own is made beside theirs.
    const resources = await audit("namesakes");
    expect(resources.find((r) => (r.urn as string).endsWith("::namesakeV1"))).toBeUndefined();
    const namesakeV2 = resources.find((r) => (r.urn as string).endsWith("::namesakeV2"));
    expect(namesakeV2?.id).toEqual(expect.any(String));
    expect(namesakeV2?.id).not.toBe(foreign.v2);
    expect(await emulator.admin.getNotebook(namesakeV2!.id)).toMatchObject({ name: FOREIGN_V2_NAME });
    expect(foreignRequests()).toEqual([]);
    expect(await foreignSnapshot()).toEqual(foreignBefore);

    await ws.setConfig("namesakes", "false");
    const cleanUp = await pulumi("namesakes: up (removed)", ["up", "--yes", "--skip-preview"]);
    expect(cleanUp.stdout).toContain("- 1 deleted");
    expect((await liveIds()).sort()).toEqual([ids.v1, ids.v2, foreign.v1, foreign.v2].sort());
    await audit("namesakes: removed", { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
  },
  STEP_TIMEOUT,
);

describe("echoed secrets never reach the CLI's output, the event log or the state", () => {
  const key = `${ACCESS_KEY}`;
  /** Error bodies echoing the AK, the SK, the security token the client sent and its Authorization header. */
  const ECHOES: [string, string][] = [
    [
      "as JSON",
      JSON.stringify({
        error_code: "APIGW.0301",
        error_msg: `Incorrect IAM authentication information: ${JSON.stringify({
          access_key: key,
          secret_key: SECRET_KEY,
          security_token: "{{header:x-security-token}}",
        })}`,
        detail: { authorization: "{{header:authorization}}", token: "{{header:x-security-token}}" },
      }),
    ],
    [
      "quoted",
      JSON.stringify({
        error_code: "APIGW.0301",
        error_msg: `the security token '{{header:x-security-token}}' of access key "${key}" does not match the secret '${SECRET_KEY}'`,
      }),
    ],
    [
      "in free text",
      `upstream refused the request signed with ${key} and ${SECRET_KEY} using token {{header:x-security-token}} (authorization {{header:authorization}})`,
    ],
  ];

  test(
    "the emulator echoes what the client sent (so the checks below mean something)",
    async () => {
      await arm({ route: `GET ${V2_ONE}`, kind: "echo-secrets", text: ECHOES[0]![1] });
      const answer = await callApi(emulator, { method: "GET", path: `/v1/${emulator.projectId}/notebooks/${ids.v2}` });
      expect(answer.status).toBe(400);
      expect(answer.text).toContain(SECURITY_TOKEN);
      expect(answer.text).toContain(ACCESS_KEY);
    },
    STEP_TIMEOUT,
  );

  test.each(ECHOES)(
    "refresh: GET answered 400 with the secrets %s",
    async (label, echo) => {
      await arm(
        { route: `GET ${V1_ONE}`, kind: "echo-secrets", text: echo, count: EVERY_ATTEMPT },
        { route: `GET ${V2_ONE}`, kind: "echo-secrets", text: echo, count: EVERY_ATTEMPT },
      );
      const refresh = await pulumi(`echo ${label}: refresh`, ["refresh", "--yes", "--skip-preview"], "fail");
      await clearFaults(`echo ${label}: refresh`);
      // The echo reached the user, masked.
      for (const family of ["v1", "v2"] as const) {
        expect(text(refresh)).toMatch(new RegExp(`${named("read", family).source}.*<redacted>`));
      }
      await audit(`echo ${label}`, { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
    },
    STEP_TIMEOUT,
  );

  test(
    "a create whose wait meets the echo is recorded with its error, masked, in the state",
    async () => {
      await arm(
        { route: `GET ${V1_ONE}`, kind: "echo-secrets", text: ECHOES[0]![1], count: EVERY_ATTEMPT },
        { route: `GET ${V2_ONE}`, kind: "echo-secrets", text: ECHOES[1]![1], count: EVERY_ATTEMPT },
      );
      await ws.setConfig("garbled", "true");
      const up = await pulumi("echo: up (create fails)", ["up", "--yes", "--skip-preview"], "fail");
      await clearFaults("echo: up (create fails)");
      expect(up.stdout).toContain("<redacted>");
      const resources = await audit("echo: create recorded");
      const failed = resources.filter((r) => /::garbledV[12]$/.test(r.urn as string));
      expect(failed).toHaveLength(2);
      for (const r of failed) expect(r.initErrors).toEqual([expect.stringContaining("<redacted>")]);

      await ws.setConfig("garbled", "false");
      const cleanUp = await pulumi("echo: up (removed)", ["up", "--yes", "--skip-preview"]);
      expect(cleanUp.stdout).toContain("- 2 deleted");
      expect((await liveIds()).sort()).toEqual([ids.v1, ids.v2, foreign.v1, foreign.v2].sort());
      await audit("echo: removed", { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
    },
    STEP_TIMEOUT,
  );
});

/**
 * After a destroy that may have removed either instance: refresh (a resource whose instance is gone leaves the state),
 * then up (it is created again), and the ids from the stack's outputs.
 */
async function restore(step: string): Promise<void> {
  await pulumi(`${step}: refresh`, ["refresh", "--yes", "--skip-preview"]);
  await pulumi(`${step}: up`, ["up", "--yes", "--skip-preview"]);
  const out = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as { v1: string; v2: string };
  ids.v1 = out.v1;
  ids.v2 = out.v2;
  expect(await liveIds()).toEqual(expect.arrayContaining([ids.v1, ids.v2]));
  await audit(`${step}: restored`, { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
}

describe("destroy when the service lies: never takes a lie for gone, and a lying DELETE leaves the instances", () => {
  // Destroy stops (v1) or deletes (v2) straight away, without a read first, so when only the GETs lie the service
  // does carry the deletion out. What matters is that no resource leaves the state before the service itself showed
  // its instance gone: a lie a retry may cure (an HTML page, another instance's body; this one lasts 20 answers) is
  // polled through until the service answers truthfully; one that cannot be (null, {}, the gateway's 404) fails the
  // destroy at once, naming the resource and the answer, and the resource stays in the state. Each step then puts
  // both instances back.
  test.each(LIES.map((l) => [l.label]))(
    "GET answered with %s",
    async (label) => {
      const l = lie(label);
      await armBoth(l, "GET");
      const destroy = await pulumi(`destroy: GET ${label}`, ["destroy", "--yes", "--skip-preview"], "any");
      await clearFaults(`destroy: GET ${label}`);
      const resources = await audit(`destroy: GET ${label}`);
      const live = await liveIds();
      for (const family of ["v1", "v2"] as const) {
        const kept = resources.some((r) => r.id === ids[family]);
        const failed = new RegExp(`${named("delete", family).source}.*${l.problem(family).source}`).test(text(destroy));
        // Kept in the state: the destroy failed for it, saying why. Gone from the state: gone from the service.
        expect({ family, kept, failed, live: live.includes(ids[family]) }).toEqual(
          kept
            ? { family, kept, failed: true, live: expect.any(Boolean) }
            : { family, kept, failed: false, live: false },
        );
      }
      await restore(`destroy: GET ${label}`);
    },
    STEP_TIMEOUT,
  );

  // Another instance's body on a DELETE that was applied is the garbled case above: the instance is then gone.
  test.each(LIES.filter((l) => !l.label.startsWith("another")).map((l) => [l.label]))(
    "DELETE answered with %s (not applied)",
    async (label) => {
      const l = lie(label);
      await armBoth(l, "DELETE");
      const destroy = await pulumi(`destroy: DELETE ${label}`, ["destroy", "--yes", "--skip-preview"], "fail");
      await clearFaults(`destroy: DELETE ${label}`);
      expectBothFailures(text(destroy), "delete", l);
      await audit(`destroy: DELETE ${label}`, { "NotebookInstance::v1": ids.v1, "Notebook::v2": ids.v2 });
      expect(await liveIds()).toEqual(expect.arrayContaining([ids.v1, ids.v2]));
    },
    STEP_TIMEOUT,
  );

  test(
    "with the faults cleared, destroy succeeds; someone else's instances are untouched",
    async () => {
      const destroy = await pulumi("destroy (truthful)", ["destroy", "--yes", "--skip-preview"]);
      expect(destroy.stdout).toContain("- 3 deleted");
      expect((await liveIds()).sort()).toEqual([foreign.v1, foreign.v2].sort());
      expect(await audit("destroy (truthful)")).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});

test(
  "a region like x@evil.example/# with IAM password sign-in: preview and up fail naming the region; no request is sent",
  async () => {
    for (const setting of ["accessKey", "secretKey", "securityToken", "projectId"]) {
      await ws.ok(["config", "rm", `modelarts:${setting}`]);
    }
    await ws.setConfig("modelarts:region", "x@evil.example/#");
    await ws.setConfig("modelarts:userName", DEFAULT_USER.name);
    await ws.setConfig("modelarts:password", DEFAULT_USER.password, true);
    await ws.setConfig("modelarts:domainName", DEFAULT_USER.domainName);
    const before = apiRequests().length;
    const regionError =
      'modelarts:region from stack config modelarts:region must look like "cn-north-4" or "ap-southeast-1" (got "x@evil.example/#")';
    const preview = await pulumi("region: preview", ["preview"], "fail");
    expect(text(preview)).toContain(regionError);
    const up = await pulumi("region: up", ["up", "--yes", "--skip-preview"], "fail");
    expect(text(up)).toContain(regionError);
    expect(apiRequests().slice(before)).toEqual([]);
    // Nothing was created: the state holds only the stack and its default provider (with the new settings).
    const resources = await audit("region");
    expect(resources.filter((r) => r.custom && !(r.type as string).startsWith("pulumi:providers:"))).toEqual([]);
  },
  STEP_TIMEOUT,
);

test("the count: 0 instances forgotten, 0 foreign instances touched, 0 secrets in any output", async () => {
  tally.foreignTouched = foreignRequests().length;
  const after = await foreignSnapshot();
  if (JSON.stringify(after) !== JSON.stringify(foreignBefore)) tally.foreignTouched++;
  const found: string[] = [];
  for (const { where, text: body } of corpus) {
    for (const secret of secretsOf(emulator)) if (body.includes(secret)) found.push(`${secret} in ${where}`);
  }
  tally.secretsFound = found.length;
  expect(corpus.some((c) => c.where.endsWith("event log") && c.text.includes("<redacted>"))).toBe(true);
  expect({ found, foreignRequests: foreignRequests(), after }).toEqual({
    found: [],
    foreignRequests: [],
    after: foreignBefore,
  });
  expect(tally).toEqual({ forgotten: 0, foreignTouched: 0, secretsFound: 0 });
});
