/**
 * The in-process provider pointed at an emulator, as the provider tests use it: the emulator's endpoint,
 * credentials and poll scale (devkit/emulatorEnv.ts), and retries of 5-20 ms instead of the real 1-30 s.
 */
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import type { AnswerStyle, Emulator } from "../../emulator/index.js";
import type { ClientOptions } from "../../provider/api/createClient.js";
import { forgetRecentListings } from "../../provider/api/recentListing.js";
import { setProgressSink, stdoutSink } from "../../provider/frame/progress.js";
import { setProviderOverrides } from "../../provider/frame/providerContext.js";
import { useEmulator } from "./emulatorPerFile.js";

/** Retry delays short enough for tests; the retry rules themselves are the real ones. */
export const QUICK_RETRIES = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

/** `clientOptions`: besides the quick retries (a transport that rewrites answers, say). */
export function pointProviderAt(emulator: Emulator, clientOptions: ClientOptions = {}): void {
  setProviderOverrides({ env: emulatorEnv(emulator), clientOptions: { ...QUICK_RETRIES, ...clientOptions } });
}

export interface ProviderOnEmulatorOptions {
  /** Default 0.001: a create takes about 40 ms. */
  timeScale?: number;
  answerStyle?: AnswerStyle;
  /** Progress lines are collected into `progress` (the default) or dropped. */
  progress?: "collect" | "drop";
  /** Reads the emulator's request log into `requests` (requestLog.ts has one reader per API family). */
  requestLog?: (line: string) => string | undefined;
  clientOptions?: ClientOptions;
}

export interface ProviderOnEmulator {
  /** The file's emulator, started before its first test. */
  emulator: Emulator;
  /** Progress lines of the current test. */
  progress: string[];
  /** `requestLog`'s reading of the current test's requests. */
  requests: string[];
  /** Resolves once the emulator has answered a request that `requests` records as `entry` (from now on). */
  answered(entry: string): Promise<void>;
}

/**
 * The jest hooks of a provider test file: one emulator for the file, the provider pointed at it, and before each
 * test a reset emulator (no instances, faults, counts or switches), no remembered listing (each test is a new run,
 * of a new provider process), and empty `progress` and `requests` (the arrays stay the same; clear them with
 * `length = 0` in a test).
 */
export function useProviderOnEmulator(options: ProviderOnEmulatorOptions = {}): ProviderOnEmulator {
  const progress: string[] = [];
  const requests: string[] = [];
  const { requestLog } = options;
  let waiters: { entry: string; resolve: () => void }[] = [];
  const log = (line: string) => {
    const request = requestLog?.(line);
    if (request === undefined) return;
    requests.push(request);
    for (const waiter of waiters.filter((w) => w.entry === request)) waiter.resolve();
    waiters = waiters.filter((w) => w.entry !== request);
  };
  const answered = (entry: string) => new Promise<void>((resolve) => waiters.push({ entry, resolve }));
  const emulator = useEmulator({ timeScale: options.timeScale, answerStyle: options.answerStyle, log });
  beforeAll(() => pointProviderAt(emulator, options.clientOptions));
  afterAll(() => setProgressSink(stdoutSink));
  beforeEach(() => {
    forgetRecentListings();
    progress.length = 0;
    requests.length = 0;
    setProgressSink(options.progress === "drop" ? () => {} : (line) => progress.push(line));
  });
  return { emulator, progress, requests, answered };
}
