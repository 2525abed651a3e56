#!/usr/bin/env node
/**
 * `node dist/emulator/cli.js --port <n> [--state-file f] [--time-scale x] [--rate-limit rps] [--quiet]
 *   [--notebooks-not-found 6404|6309|http404] [--notebooks-delete-running allowed|refused]
 *   [--notebooks-update-running refused|allowed] [--notebooks-update-stopped allowed|refused]
 *   [--notebooks-switchable-flavors sameCategory|imageCategories] [--answer-style compact|nulls]`
 * Prints where it listens and the fake credentials to use, logs one line per request, stops on SIGINT/SIGTERM.
 */
import { startEmulator, type EmulatorOptions } from "./index.js";
import { checkNotebookSwitches, type NotebookSwitches } from "./notebooks/switches.js";
import { checkAnswerStyle } from "./shared/answerStyle.js";

const USAGE =
  "usage: cli.js [--port n] [--state-file path] [--time-scale x] [--rate-limit rps] [--quiet]\n" +
  "  [--notebooks-not-found 6404|6309|http404] [--notebooks-delete-running allowed|refused]\n" +
  "  [--notebooks-update-running refused|allowed] [--notebooks-update-stopped allowed|refused]\n" +
  "  [--notebooks-switchable-flavors sameCategory|imageCategories]\n" +
  "  [--answer-style compact|nulls]";

/** One flag per notebooks switch (see emulator/README.md). */
const SWITCH_FLAGS: Record<string, keyof NotebookSwitches> = {
  "--notebooks-not-found": "notFound",
  "--notebooks-delete-running": "deleteRunning",
  "--notebooks-update-running": "updateRunning",
  "--notebooks-update-stopped": "updateStopped",
  "--notebooks-switchable-flavors": "switchableFlavors",
};

function parseArgs(argv: string[]): { options: EmulatorOptions; quiet: boolean } {
  const options: EmulatorOptions = {};
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const number = (): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag}: not a number: ${raw}\n${USAGE}`);
      return n;
    };
    switch (flag) {
      case "--port":
        options.port = number();
        break;
      case "--state-file":
        options.stateFile = value();
        break;
      case "--time-scale":
        options.timeScale = number();
        break;
      case "--rate-limit":
        options.rateLimit = { requestsPerSecond: number() };
        break;
      case "--quiet":
        quiet = true;
        break;
      case "--answer-style":
        try {
          options.answerStyle = checkAnswerStyle(value());
        } catch (err) {
          throw new Error(`${flag}: ${(err as Error).message}\n${USAGE}`, { cause: err });
        }
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default: {
        const name = SWITCH_FLAGS[flag];
        if (name === undefined) throw new Error(`unknown argument ${flag}\n${USAGE}`);
        const switches = { ...options.notebookSwitches, [name]: value() };
        try {
          options.notebookSwitches = checkNotebookSwitches(switches);
        } catch (err) {
          throw new Error(`${flag}: ${(err as Error).message}\n${USAGE}`, { cause: err });
        }
      }
    }
  }
  return { options, quiet };
}

async function main(): Promise<void> {
  const { options, quiet } = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({ ...options, log: quiet ? undefined : (line) => console.log(line) });
  // Before anything is printed: whoever read the banner may stop the process at once.
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  const key = emulator.credentials.accessKeys[0];
  const user = emulator.credentials.users[0];
  // The first line is what scripts wait for; the keys are the emulator's own fakes, fine to print.
  console.log(`ModelArts emulator listening on ${emulator.url}`);
  console.log(`project id:  ${emulator.projectId}`);
  console.log(`region:      ${emulator.region}`);
  if (key) console.log(`access key:  ${key.accessKey}\nsecret key:  ${key.secretKey}`);
  if (user) console.log(`IAM user:    ${user.name} / ${user.password} (domain ${user.domainName})`);
  console.log(
    `time scale:  ${options.timeScale ?? 1}${options.stateFile ? `\nstate file:  ${options.stateFile}` : ""}`,
  );
  console.log(
    `answers:     ${await emulator.admin.answerStyle()} (unset fields ${options.answerStyle === "nulls" ? "written as null" : "left out"})`,
  );
  const switches = await emulator.admin.switches();
  console.log(
    `notebooks:   ${Object.entries(switches)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
