/**
 * Points a stack at an emulator through stack config, as a user would set it (README, "Configuration"): the keys
 * with `--secret`, so the tests that read the state back check the encrypted config Pulumi copies into it.
 */
import type { Emulator } from "../../emulator/index.js";
import type { PulumiWorkspace } from "../../devkit/pulumiCli.js";

export async function setEmulatorConfig(ws: PulumiWorkspace, emulator: Emulator): Promise<void> {
  const key = emulator.credentials.accessKeys[0]!;
  await ws.setConfig("modelarts:endpoint", emulator.url);
  await ws.setConfig("modelarts:projectId", emulator.projectId);
  await ws.setConfig("modelarts:accessKey", key.accessKey, true);
  await ws.setConfig("modelarts:secretKey", key.secretKey, true);
}
