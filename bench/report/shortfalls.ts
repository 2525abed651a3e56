/**
 * Why a target is not met, where the provider cannot do better or chose not to: written by hand from the numbers
 * and the analysis in this report, keyed by a pattern of the check's "what".
 */
export const SHORTFALL_REASONS: { match: RegExp; why: string }[] = [
  {
    match: /20 busy answers: `pulumi up` wall time/,
    why:
      "Single runs at rest vary by about 2 s; this session's runs of the final code and of the one before the last " +
      "fix (all at load 0.3-2): NotebookInstance 20.5, 21.1, 21.6, 22.0 s (1.58-1.69x), Notebook 20.9, 21.4, 22.1, " +
      "23.7 s (1.40-1.58x), against 27.0 s and 24.1 s on main 6337860 at rest (2.07x, 1.61x). About 4.5 s of each " +
      "is the CLI's own start-up before the provider's first request (the floor leaves it out): from the first " +
      "request to the last the runs take 1.21-1.30x (NotebookInstance) and 1.12-1.25x (Notebook) their floors. Two " +
      "changes got them there: each wait's one early look with spare quota (provider/wait/SpareLook.ts) takes the " +
      "busy answer to an instance's first GET while the gateway is idle between the creates and the polls, instead " +
      "of in the rush at the typical ready time where all 20 come due; and retries that are accepted show the " +
      "limiter the refusals were not the rate's, so it no longer stays at 0.7x for the rest of the run. What is " +
      "left for NotebookInstance: the looks go out at half the paced rate (their share: more would cost the Scale " +
      "runs more requests than their target allows, 1.56x the minimum at 10 req/s in the simulation), so 8-12 of " +
      "the 20 get one before their regular poll; the instances created last meet their busy answer and its retry " +
      "at the end. The simulation (devkit/throttleSimulation.ts, no CLI) puts this run at 1.15x (1.42x before); " +
      "the real run's 1.21-1.30x from the first request adds the engine's calls arriving over a second.",
  },
  {
    match: /NotebookInstance, 5 req\/s: 429s/,
    why:
      "The destroy's refusals: 23 of 224 in this run; two more runs of the final code: 18 of 218 each (8.3%); " +
      "main 6337860 in the same hour: 12-15 of 212-215 (5.7-7.0%). Retries now weigh refusals (an accepted retry " +
      "lets the rate back up when fewer retries than requests are refused), which probes the 5 req/s gateway a " +
      "little harder in the stop-then-delete rush of 50 instances: about 3-5 more refusals per destroy. Left as " +
      "is: the same rule is what keeps busy answers from holding a run at 0.7x its rate.",
  },
  {
    match: /NotebookInstance, 5 req\/s: `pulumi up` wall time/,
    why:
      "Not a change of this round: interleaved runs in the same hour gave main 6337860 26.1, 26.5, 27.0 s and the " +
      "final code 25.2-26.6 s (six runs); the 24.2 s (1.27x) of the earlier report was a quieter hour. The first " +
      "request goes out about 4 s into the command (see 10 req/s).",
  },
  {
    match: /Notebook, 10 req\/s: `pulumi destroy` wall time/,
    why:
      "At the edge of the target (1.3x is 11.7 s): interleaved runs in the same hour gave main 6337860 11.3, 11.6, " +
      "12.0 s and the final code 11.2, 11.4, 11.7, 12.0 s. (Before the last fix of this round a look that saw " +
      "DELETING shortly before the typical end pushed the regular poll about 1 s late: 12.0-12.6 s.)",
  },
  {
    match: /no limit: `pulumi up`, median/,
    why:
      "Pacing never turns on without a limit (no refusal), so both columns run the same code; the difference is " +
      "the machine between interleaved runs (the run before this one: -7.0% for Notebook, -1.0% for NotebookInstance).",
  },
  {
    match: /NotebookInstance, 20 at 5 req\/s, gateway only: requests the gateway refused/,
    why:
      "4 of the 6 came in the first 2 s: what the cold-start guard (3 requests out without an answer) had in " +
      "flight when the gateway's burst ran out, and the first paced second at 0.9 x what the gateway took in the " +
      "second before (its burst included); 2 later. 20 creates make only 53 requests, so 6 is 11%; the Notebook " +
      "run, 66 requests, 7.6%.",
  },
  {
    match: /10 req\/s: `pulumi up` wall time/,
    why:
      "The floor starts at the provider's first request, the wall time at the CLI's start: the first request goes " +
      "out about 4 s into the command (the CLI, the language host, the program registering 50 resources, the " +
      "provider host and 50 checks; the no-op stack's whole `pulumi up` takes 2.9 s). Without the CLI's own " +
      "time (the column under Scale) the run is 1.19x (NotebookInstance) and 1.22x (Notebook) its floor; from the " +
      "first request to the end, 1.09x and 1.15x. What is left to the provider is pacing: the last create was " +
      "accepted 5.1 s (NotebookInstance) and 7.5 s (Notebook) after the first request against the bound's 4 s, " +
      "with 2.6% and 3.2% of the requests refused. The second before the first request that the no-op stack does " +
      "not have is spent in the program, in @pulumi/pulumi: it wraps every registered property of every resource " +
      "in a promise that records `new Error().stack`, which ts-node's source-map support makes slow; 50 resources " +
      "of 29 registered properties each took 0.7-1.2 s to construct. Every output must be registered to exist " +
      "(pulumi/pulumi#5174), so the classes cannot shed them; since this run they register with those stacks " +
      "paused (sdk/registrationStacks.ts; the source position Pulumi records sets its own limit and is kept): 50 " +
      "NotebookInstances construct in 0.17 s instead of 0.97 s, and 20 send their first request about 0.5 s " +
      "sooner.",
  },
];
