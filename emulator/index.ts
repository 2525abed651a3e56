/**
 * A local ModelArts DevEnviron emulator on 127.0.0.1 (the "demanager" v1 API, the notebooks v2 API and IAM),
 * for tests, examples, the demo and benchmarks. `startEmulator()` starts one; see ARCHITECTURE.md, the API
 * references and emulator/README.md for what it follows.
 */
import type { AddressInfo } from "node:net";
import type { AdminContext } from "./admin.js";
import { AdminClient } from "./AdminClient.js";
import { checkNotebookSwitches, DEFAULT_NOTEBOOK_SWITCHES, type NotebookSwitches } from "./notebooks/switches.js";
import { RateLimiter, type RateLimitOptions } from "./RateLimiter.js";
import { RequestCounts } from "./RequestCounts.js";
import { ROUTES } from "./routes.js";
import { createEmulatorServer } from "./server.js";
import { checkAnswerStyle, DEFAULT_ANSWER_STYLE, type AnswerStyle } from "./shared/answerStyle.js";
import type { ServiceContext } from "./shared/context.js";
import {
  DEFAULT_CREDENTIALS,
  DEFAULT_DOMAIN_ID,
  DEFAULT_PROJECT_ID,
  DEFAULT_REGION,
  DEFAULT_USER_ID,
  type AccessKeyCredential,
  type EmulatorCredentials,
  type IamUser,
} from "./shared/defaults.js";
import { Faults } from "./shared/Faults.js";
import { Store } from "./shared/Store.js";

export * from "./shared/defaults.js";
export {
  AdminClient,
  type AdminInstance,
  type AdminFlavor,
  type AdminNotebook,
  type AdminNotebookFlavor,
} from "./AdminClient.js";
export { callApi, type CallAuth, type CallOptions, type RawResponse } from "./callApi.js";
export type { AdminInstancePatch } from "./demanager/admin.js";
export type { AdminNotebookPatch } from "./notebooks/admin.js";
export {
  FAULT_KINDS,
  type FaultSpec,
  type FaultKind,
  type ArmedFault,
  type CreateFailureSpec,
  type NotebookCreateFailureSpec,
} from "./shared/Faults.js";
export { DEFAULT_NOTEBOOK_SWITCHES, NOTEBOOK_SWITCH_VALUES, type NotebookSwitches } from "./notebooks/switches.js";
export { ANSWER_STYLES, DEFAULT_ANSWER_STYLE, type AnswerStyle } from "./shared/answerStyle.js";
export { NOTEBOOK_FLAVORS, type NotebookFlavorSpec } from "./notebooks/flavorCatalog.js";
export { NOTEBOOK_IMAGES, type NotebookImageSpec } from "./notebooks/imageCatalog.js";
export { NOTEBOOK_NOMINAL_SECONDS } from "./notebooks/timeline.js";
export type { RateLimitOptions } from "./RateLimiter.js";
export type { RequestCountSnapshot } from "./RequestCounts.js";
export { FLAVORS, type Flavor } from "./demanager/flavors.js";
export { PROFILES, type Profile } from "./demanager/profiles.js";
export { NOMINAL_SECONDS } from "./demanager/timeline.js";
export { AUTO_STOP_MIN_S, AUTO_STOP_MAX_S } from "./demanager/requestChecks.js";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1";
  /** Shared JSON state; without it, state lives in memory and dies with the process. */
  stateFile?: string;
  /** Multiplies every lifecycle duration (1 = realistic: ~30 s create, ~10 s start). Tests use 0.001–0.01. */
  timeScale?: number;
  /** Replace the default credentials (each list given replaces that list). */
  credentials?: { accessKeys?: AccessKeyCredential[]; users?: IamUser[]; tokens?: string[] };
  projectId?: string;
  region?: string;
  rateLimit?: RateLimitOptions;
  /** IAM token lifetime in seconds (default 24 h, [demanager §8.3]); not scaled; `PUT /_admin/iam` changes it. */
  tokenTtlSeconds?: number;
  /** One line per request (method, path, status, ms); never headers or tokens. */
  log?: (line: string) => void;
  /**
   * Answers to the notebooks API's open questions (emulator/README.md); each one left out keeps its default
   * (`DEFAULT_NOTEBOOK_SWITCHES`). `/_admin/reset` restores these start-up values.
   */
  notebookSwitches?: Partial<NotebookSwitches>;
  /**
   * How both APIs write unset fields: `compact` (default) leaves them out, `nulls` writes them as null the way
   * Huawei's Java backends do (emulator/README.md). `/_admin/reset` restores this start-up value.
   */
  answerStyle?: AnswerStyle;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`: the endpoint for ModelArts and IAM alike. */
  url: string;
  port: number;
  projectId: string;
  region: string;
  credentials: EmulatorCredentials;
  admin: AdminClient;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error("timeScale must be > 0");
  const credentials: EmulatorCredentials = {
    accessKeys: options.credentials?.accessKeys ?? DEFAULT_CREDENTIALS.accessKeys,
    users: options.credentials?.users ?? DEFAULT_CREDENTIALS.users,
    tokens: options.credentials?.tokens ?? DEFAULT_CREDENTIALS.tokens,
  };
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const region = options.region ?? DEFAULT_REGION;
  const firstUser = credentials.users[0];
  const startupSwitches: NotebookSwitches = {
    ...DEFAULT_NOTEBOOK_SWITCHES,
    ...checkNotebookSwitches(options.notebookSwitches ?? {}),
  };
  const startupTokenTtlMs = (options.tokenTtlSeconds ?? 24 * 3600) * 1000;
  const startupAnswerStyle = checkAnswerStyle(options.answerStyle ?? DEFAULT_ANSWER_STYLE);
  const service: ServiceContext = {
    store: new Store({ stateFile: options.stateFile }),
    faults: new Faults(),
    projectId,
    region,
    timeScale,
    now: Date.now,
    credentials,
    user: {
      id: DEFAULT_USER_ID,
      name: firstUser?.name ?? "emulator-user",
      domainId: DEFAULT_DOMAIN_ID,
      domainName: firstUser?.domainName ?? "emulator-domain",
    },
    tokenTtlMs: startupTokenTtlMs,
    switches: { ...startupSwitches },
    answerStyle: startupAnswerStyle,
  };
  const counts = new RequestCounts();
  let limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  const admin: AdminContext = {
    service,
    counts,
    rateLimit: () => limiter?.options,
    setRateLimit: (rate) => {
      limiter = rate ? new RateLimiter(rate) : undefined;
    },
    resetAll: () => {
      service.store.reset();
      service.faults.clear();
      counts.reset();
      limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
      Object.assign(service.switches, startupSwitches);
      service.tokenTtlMs = startupTokenTtlMs;
      service.answerStyle = startupAnswerStyle;
    },
  };
  const server = createEmulatorServer({
    service,
    admin,
    counts,
    routes: ROUTES,
    limiter: () => limiter,
    log: options.log,
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  return {
    url,
    port,
    projectId,
    region,
    credentials,
    admin: new AdminClient(url),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
