/**
 * What runs in a Pulumi program's process (the SDK's lookups) pointed at an emulator: its settings come from
 * `process.env` there, so the emulator's endpoint and credentials are set in this process's environment.
 */
import { emulatorCredentialsEnv } from "../../devkit/emulatorEnv.js";
import type { Emulator, EmulatorOptions } from "../../emulator/index.js";
import { useEmulator } from "./emulatorPerFile.js";
import { withProcessEnv } from "./processEnv.js";

/**
 * The jest hooks of a lookup test file: one emulator for the file (time scale 0.001 unless `options` say otherwise)
 * whose settings are in `process.env` until the file's last test, and a reset emulator before each test.
 */
export function useProgramOnEmulator(options: EmulatorOptions = {}): { emulator: Emulator } {
  let restoreEnv = () => {};
  const emulator = useEmulator(options);
  beforeAll(() => {
    restoreEnv = withProcessEnv(emulatorCredentialsEnv(emulator));
  });
  afterAll(() => restoreEnv());
  return { emulator };
}
