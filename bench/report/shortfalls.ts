/**
 * Why a target is not met, where the provider cannot do better or chose not to: written by hand from the numbers
 * and the analysis in this report, keyed by a pattern of the check's "what".
 */
export const SHORTFALL_REASONS: { match: RegExp; why: string }[] = [
  {
    match: /20 busy answers: `pulumi up` wall time/,
    why:
      "Measured at load 7-8.5 on 2 CPUs (in the table) while other tests ran: the CLI's own start-up took 6-10 s " +
      "before the provider's first request (3-4 s at rest, Scale). From the first request to the last the runs took " +
      "1.21x (Notebook) and 1.62x (NotebookInstance) their floors, the gateway-only runs 1.27x and 1.06x. Where the " +
      "NotebookInstance run's time goes (devkit/throttleSimulation.ts, no CLI, no load: 1.42x): while pacing, each " +
      "instance is polled once, at its typical ready time (provider/wait/pollSchedule.ts, `congested`), so its busy " +
      "first GET comes when its create ends and its retry a second later: 20 first GETs and 20 retries fall in the " +
      "3.4 s in which the instances become ready, which the 5 req/s gateway carries in 8 s. The floor lets the busy answers spread over the run, which only a " +
      "client that knew the first GET would be refused could do. Tried in the simulation and not shipped: polling " +
      "the phases before the last one as when not pacing brings this run to 1.25x but the gateway-only run from " +
      "1.09x to 1.17x, with 75 requests instead of 52; putting the rate back when a cut did not lower the share " +
      "refused brings it to 1.36x but follows a gateway whose quota fell from 5 to 2 req/s only down to 2.8 req/s " +
      "(AdaptiveRateLimiter.test.ts, 'follows a gateway down').",
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
      "out 3.8-4.3 s into the command (the CLI, the language host, the program registering 50 resources, the " +
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
