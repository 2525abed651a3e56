/**
 * An example of the native provider (examples/native-<language>) as examples/README.md runs one here: a copy whose
 * plugin path is this repository's bin/, the emulator's settings as environment variables; up with both lookups,
 * its outputs, then destroy. The native e2e test of each language runs its own example with it.
 */
import { rmSync } from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT } from "../../devkit/pulumiCli.js";
import { programCopy } from "./programCopy.js";

export async function nativeExampleUpAndDestroy(example: string, emulator: Emulator): Promise<void> {
  const dir = programCopy(path.join(REPO_ROOT, "examples", example), "node_modules/pulumi-modelarts/bin");
  const ws = await createWorkspace({
    programDir: dir,
    stack: `example-${process.pid}`,
    bin: await getPulumiBin(),
    env: emulatorEnv(emulator),
  });
  try {
    const up = await ws.ok(["up", "--yes"]);
    expect(up.stdout).toContain("+ 3 created");
    const out = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as Record<string, string>;
    expect(out).toMatchObject({ status: "RUNNING", url: expect.stringMatching(/^https:\/\//) });
    expect((await ws.ok(["destroy", "--yes"])).stdout).toContain("- 3 deleted");
  } finally {
    ws.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
