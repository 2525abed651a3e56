/**
 * The real provider host (`providerHost.ts`) against an emulator, as the host tests use it. They load the compiled
 * package (`pulumi-modelarts/host` from the repository), so they need `npm run build` first.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import type { Emulator } from "../../emulator/index.js";
import { useEmulator } from "./emulatorPerFile.js";
import { filledBeforeAll } from "./filledBeforeAll.js";
import { startProviderHost, type ProviderHost } from "./providerHost.js";

/** The repository: the program directory the host runs in. */
export const ROOT = path.resolve(__dirname, "../..");

export type ResourceKind = "NotebookInstance" | "Notebook" | "NotebookStorageMount";

/** What Pulumi's closure serializer makes of a real resource of this kind (`serializeProvider.js`). */
export interface SerializedResource {
  provider: string;
  ownerKey?: string;
  urn: string;
}

export function serializedResource(kind: ResourceKind): SerializedResource {
  if (!existsSync(path.join(ROOT, "dist/provider/index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first");
  }
  const script = path.join(ROOT, "test/support/serializeProvider.js");
  return JSON.parse(execFileSync(process.execPath, [script, kind], { cwd: ROOT }).toString()) as SerializedResource;
}

export interface HostOnEmulator {
  emulator: Emulator;
  /** A host configured with no stack config (the settings come from the emulator's environment). */
  host: ProviderHost;
  serialized: SerializedResource;
}

/**
 * The jest hooks of a host test file: the serialized resource of `kind`, one emulator (time scale 0.001) and one
 * host for the file, closed after its last test, and a reset emulator before each test.
 */
export function useHostOnEmulator(kind: ResourceKind): HostOnEmulator {
  const serialized = filledBeforeAll(async () => serializedResource(kind));
  const emulator = useEmulator();
  const host = filledBeforeAll(
    async () => {
      const started = await startProviderHost({ cwd: ROOT, env: emulatorEnv(emulator) });
      await started.configure({});
      return started;
    },
    (started) => started.close(),
  );
  return { emulator, host, serialized };
}
