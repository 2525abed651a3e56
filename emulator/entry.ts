/**
 * `pulumi-modelarts/emulator`: what a program or a test of the package's users needs to run the local emulator.
 * The emulator's fake credentials, catalogues and timings are not part of it: a started emulator reports its
 * credentials, project and region (`emulator.credentials`, ...), and the repository's own tests read the rest
 * from `emulator/index.ts`.
 */
export { startEmulator, type Emulator, type EmulatorOptions } from "./index.js";
export type { AccessKeyCredential, EmulatorCredentials, IamUser } from "./shared/defaults.js";
export type { AdminClient, AdminInstance, AdminFlavor, AdminNotebook, AdminNotebookFlavor } from "./AdminClient.js";
export type { AdminInstancePatch } from "./demanager/admin.js";
export type { AdminNotebookPatch } from "./notebooks/admin.js";
export type {
  FaultSpec,
  FaultKind,
  ArmedFault,
  CreateFailureSpec,
  NotebookCreateFailureSpec,
} from "./shared/Faults.js";
export type { NotebookSwitches } from "./notebooks/switches.js";
export type { RateLimitOptions } from "./RateLimiter.js";
export type { RequestCountSnapshot } from "./RequestCounts.js";
