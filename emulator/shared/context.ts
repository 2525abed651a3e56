import type { NotebookSwitches } from "../notebooks/switches.js";
import type { AnswerStyle } from "./answerStyle.js";
import type { EmulatorCredentials } from "./defaults.js";
import type { Faults } from "./Faults.js";
import type { Store } from "./Store.js";

/** What request handlers (the gateway's and both families') share: one per emulator process. */
export interface ServiceContext {
  store: Store;
  faults: Faults;
  projectId: string;
  region: string;
  timeScale: number;
  now: () => number;
  credentials: EmulatorCredentials;
  /** The IAM user every credential belongs to (`user` on instances, the token's user). */
  user: { id: string; name: string; domainId: string; domainName: string };
  /** IAM token lifetime; real tokens live 24 h [demanager §8.3]. Not scaled: clients cache tokens by wall clock. */
  tokenTtlMs: number;
  /** The notebooks family's answers to its open questions; the admin API changes them in place. */
  switches: NotebookSwitches;
  /** How unset fields are written in both families' answers (answerStyle.ts); the admin API changes it. */
  answerStyle: AnswerStyle;
}
