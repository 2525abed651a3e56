/**
 * Settings are checked at `pulumi preview`, before any API call: no credentials, or a region of the wrong form,
 * fail the preview with one short line per problem that names what a user can set, printed once for a stack of
 * several notebooks; a credential kept in plain text is warned about once. Through the real CLI, against an
 * emulator that counts requests.
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace } from "../../devkit/pulumiCli.js";

const PROGRAM = path.join(__dirname, "programs/settings");

let emulator: Emulator;
let ws: PulumiWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01 });
  const bin = await getPulumiBin();
  // Only the endpoint and the project: no credentials anywhere (the emulator serves IAM on loopback too).
  ws = await createWorkspace({
    programDir: PROGRAM,
    bin,
    stack: `settings-${process.pid}`,
    env: { HW_MODELARTS_ENDPOINT: emulator.url, HW_PROJECT_ID: emulator.projectId },
  });
}, 10 * 60_000);

afterAll(async () => {
  ws?.dispose();
  await emulator?.close();
});

test(
  "no credentials: preview fails once with what to set, and nothing is sent",
  async () => {
    await emulator.admin.resetRequestCounts();
    const preview = await ws.run(["preview"]);
    const text = `${preview.stdout}\n${preview.stderr}`;
    expect(preview.code).not.toBe(0);
    const line = "ModelArts credentials are not set: run `pulumi config set --secret modelarts:accessKey <AK>`";
    // The text display shows an error on its resource's row and again in the summary; it is one diagnostic.
    const json = await ws.run(["preview", "--json"]);
    const diagnostics = (JSON.parse(json.stdout) as { diagnostics?: { message: string }[] }).diagnostics ?? [];
    expect(diagnostics.filter((d) => d.message.includes(line))).toHaveLength(1);
    expect(text).toContain("`pulumi config set --secret modelarts:secretKey <SK>`");
    expect(text).not.toMatch(/accessKey option|the accessKey setting/);
    expect((await emulator.admin.requestCounts()).total).toBe(0);
  },
  10 * 60_000,
);

test(
  "a region of the wrong form fails the preview, naming the setting",
  async () => {
    await ws.setConfig("modelarts:accessKey", "AKEXAMPLE0000000000");
    await ws.setConfig("modelarts:secretKey", "SKEXAMPLE", true);
    await ws.setConfig("modelarts:region", "x@evil.example/#");
    await emulator.admin.resetRequestCounts();
    const preview = await ws.run(["preview"]);
    const text = `${preview.stdout}\n${preview.stderr}`;
    expect(preview.code).not.toBe(0);
    expect(text).toContain(
      'modelarts:region from stack config modelarts:region must look like "cn-north-4" or "ap-southeast-1" (got "x@evil.example/#")',
    );
    expect(text).not.toContain("SKEXAMPLE");
    expect((await emulator.admin.requestCounts()).total).toBe(0);
  },
  10 * 60_000,
);

interface Diagnostic {
  message: string;
  severity: string;
}

async function previewDiagnostics(): Promise<Diagnostic[]> {
  const preview = await ws.ok(["preview", "--json"]);
  return (JSON.parse(preview.stdout) as { diagnostics?: Diagnostic[] }).diagnostics ?? [];
}

test(
  "a credential set without --secret: the preview warns once, naming the setting and the command that fixes it",
  async () => {
    const key = emulator.credentials.accessKeys[0]!;
    await ws.setConfig("modelarts:region", emulator.region);
    await ws.setConfig("modelarts:accessKey", key.accessKey, true);
    await ws.setConfig("modelarts:secretKey", key.secretKey);
    const plain = await previewDiagnostics();
    const warnings = plain.filter((d) => d.message.includes("modelarts:secretKey is set in stack config without"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe("warning");
    expect(warnings[0]!.message).toContain("run `pulumi config set --secret modelarts:secretKey <SK>`");
    expect(JSON.stringify(plain)).not.toContain(key.secretKey);
    // Only the credential that is not a secret is named.
    expect(JSON.stringify(plain)).not.toContain("modelarts:accessKey is set in stack config");

    await ws.setConfig("modelarts:secretKey", key.secretKey, true);
    const secret = await previewDiagnostics();
    expect(secret.filter((d) => d.message.includes("without --secret"))).toEqual([]);
  },
  10 * 60_000,
);
