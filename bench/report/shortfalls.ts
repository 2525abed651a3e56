/**
 * Why a target is not met, where the provider cannot do better or chose not to: written by hand from the numbers
 * and the analysis in this report, keyed by a pattern of the check's "what".
 */
export const SHORTFALL_REASONS: { match: RegExp; why: string }[] = [
  {
    match: /NotebookInstance, 5 req\/s: `pulumi up` wall time/,
    why:
      "Within the runs' noise of the target (1.3x is 24.7 s): last session's interleaved runs gave main 6337860 " +
      "26.1, 26.5, 27.0 s and its final code 25.2-26.6 s; this run 25.3 s, 1.09x without the CLI's own time. The " +
      "first request goes out about 3.5 s into the command (see 10 req/s).",
  },
  {
    match: /no limit: `pulumi (up|destroy)`, median/,
    why:
      "Pacing never turns on without a limit (no refusal), so both columns run the same code; the difference is " +
      "the machine between interleaved runs. In this run the four medians differ by -1.0% to +6.0% (destroys of " +
      "4-6 s, where one slow run of three moves the median by 0.3 s); the run before: -7.0% and -1.0% for the ups.",
  },
  {
    match: /10 req\/s: `pulumi up` wall time/,
    why:
      "The floor starts at the provider's first request, the wall time at the CLI's start: the first request goes " +
      "out about 3.4 s into the command (the CLI, the language host, the program registering 50 resources, the " +
      "provider host and 50 checks). Without the CLI's own time (the no-op stack's whole `pulumi up`, Overhead; " +
      "the column under Scale) the runs are 1.01x (NotebookInstance) and 0.99x (Notebook) their floors. What is " +
      "left to the provider is pacing: the last create was accepted 4.3 s (NotebookInstance) and 5.6 s (Notebook) " +
      "after the first request against the bound's 4 s, with 2.1% and 2.6% of the requests refused. Earlier " +
      "rounds took the program's own second out: @pulumi/pulumi records `new Error().stack` for every promise a " +
      "registration makes, and the classes now register with those stacks paused (sdk/registrationStacks.ts); " +
      "this round the SDK stopped loading Ajv and the lookups' client at import and the host's first check " +
      "stopped compiling (sdk/lazyLookupClient.ts, protocol/validation/validatorCode.ts).",
  },
];
