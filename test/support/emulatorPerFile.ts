/** One emulator for a test file, as most tests that talk to it directly or through the provider want it. */
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator/index.js";
import { filledBeforeAll } from "./filledBeforeAll.js";

/**
 * The jest hooks of a test file that needs an emulator: started before its first test (time scale 0.001 unless
 * `options` say otherwise), closed after its last, and reset before each test (no instances, notebooks, faults or
 * counts; the start-up rate limit, switches, answer style and token lifetime).
 */
export function useEmulator(options: EmulatorOptions = {}): Emulator {
  const emulator = filledBeforeAll(
    () => startEmulator({ ...options, timeScale: options.timeScale ?? 0.001 }),
    (started) => started.close(),
  );
  beforeEach(() => emulator.admin.reset());
  return emulator;
}
