/** What earlier rounds of the benchmark measured and changed, written by hand (that code is gone). */

/**
 * The same section on main 455aa10, before pacing met busy answers in proportion (written by hand: that code is
 * gone). Its busy answers came before the gateway and took none of its tokens, so its floor left them out.
 */
export const BUSY_BEFORE =
  "Before (main 455aa10, this section with the busy answers answered before the gateway, so the floor left them " +
  "out; load 3.6-5.5): busy answers, `pulumi up`: NotebookInstance 73.8 s = 5.68x its 13.0 s floor, Notebook " +
  "75.9 s = 6.90x its 11.0 s floor, every busy answer pausing everyone for a second and cutting the rate by 0.7, " +
  "down to 0.5 req/s; gateway only, refused by the gateway: NotebookInstance up 4.5% (2 of 44), destroy 7.0% (6 of " +
  "86), Notebook up 3.2% (2 of 63), destroy 13.0% (6 of 46: five at the cold start).";

/** What this round of the benchmark changed in the provider, and what earlier rounds did. */
export const CHANGES = [
  "## Changes this benchmark led to",
  "",
  "This round (each with tests that fail without it):",
  "",
  "- **Refused looks earn the spare share** (`provider/api/AdaptiveRateLimiter.ts`, `spareShareNow`; section " +
    "Busy): the early looks kept to half the paced rate, so only 8-13 of 20 NotebookInstance waits got one while " +
    "the gateway sat idle between the creates and the polls, and the rest met their busy answer, and its retry, in " +
    'the rush at the end. A look refused "system busy" took an answer its regular poll would otherwise have met ' +
    "there, so while looks are refused they may use up to the whole rate (in proportion to the share of looks " +
    "refused in the last 10 s); looks that are answered keep to half, which holds Scale's request count. Busy " +
    "NotebookInstance `pulumi up`, interleaved with the code before: 17.6-18.8 s against 19.3-20.7 s; the request " +
    "log shows 20 of 20 waits with their look.",
  "- **Start-up loads only what is used** (`sdk/lazyLookupClient.ts`, `protocol/validation/validatorCode.ts`; " +
    "section Overhead): importing the SDK no longer loads Ajv and the lookups' API client (64 -> 11 ms, 156 -> 44 " +
    "modules, after @pulumi/pulumi); the provider host's first check uses validators Ajv's standalone code " +
    "generation wrote at build, so it neither loads Ajv nor compiles (loading the host and answering the first " +
    "check: 189 -> 60 ms). Medians of 10 runs interleaved with the code before; the CLI runs of this report do not " +
    "resolve differences that small.",
  "",
  "The round before (each with unit tests that fail without it):",
  "",
  "- **One early look per wait, with spare quota** (`provider/wait/SpareLook.ts`, the limiter's `spare` priority; " +
    "section Busy): while pacing, a wait polled only at its typical end, so the instances created together came due " +
    "at once and each busy answer to a first GET was retried in that rush. Each wait now also offers one GET sent " +
    "only with a token no other request is queued for (at most half the paced rate), before its regular poll or " +
    "never; it is not retried, and its refusal slows nobody. Scale at 10 req/s: requests not throttled per " +
    "NotebookInstance 1.11x -> 1.38x the minimum (the looks that went out while the gateway was idle).",
  "- **Retries weigh refusals** (`provider/api/AdaptiveRateLimiter.ts`): once a few retries of refused requests " +
    "were answered within the share window, the share of them refused again sizes the slow-down when it is the " +
    "lower (a gateway over its quota refuses retries as often as anything; a service busy for one request does not " +
    "refuse its retry), and an accepted retry that lowers it lets the rate back up.",
  "- **Registration without per-promise stacks** (`sdk/registrationStacks.ts`): Pulumi formats a stack for each " +
    "of the ~140 promises a class's registration makes; the SDK's classes pause that while they register. 20 " +
    "NotebookInstances construct in 55 ms instead of 615 ms; the first API request comes about 0.5 s sooner.",
  "",
  "Two rounds before:",
  "",
  "- **Busy answers in proportion** (`provider/api/AdaptiveRateLimiter.ts`, `retryStrategy.ts`; section Busy): a " +
    "`Retry-After` holds only the request that got it, no longer everyone; once pacing has settled, refusals after a " +
    "calm spell lower the rate by the share of answers refused (at most 30% per episode, never compounding) from " +
    "the pacing rate they met, and the curve is back within seconds of clean answers. 20 creates with 20 busy " +
    "answers: 5.7-6.9x their floor before. The cold-start guard's window is 3 (was 5).",
  "- **One deadline per operation** (`provider/wait/deadline.ts`, `core/timeouts.ts`): `timeouts.*` bound the whole " +
    "operation; every wait, request retry loop, per-request timeout and rate-limiter queue inside it ends there, " +
    "and a request queued behind the limiter gives up at its own budget.",
  "",
  "Three rounds before:",
  "",
  "- **Cold-start guard** (`provider/api/AdaptiveRateLimiter.ts`): until 24 answers have come back without a " +
    "refusal, at most 5 requests (3 since) are out without an answer (each answer lets the next out); a refusal turns pacing " +
    "on and paces what the guard held; 24 clean answers end it for the process. The provider host handles no answer " +
    "in the first second of a 50-instance run, so a limiter that sends freely until its first refusal is refused " +
    "18-25 times at the start of each command; now about the window. Measured without a limit (pacing on vs off " +
    "below, and windows 8, 5 and 0 while tuning): no difference beyond the run-to-run noise. " +
    "`MODELARTS_RATE_LIMIT_COLD_START=0` turns it off.",
  "- **NotebookInstance destroy stops straight away** (`provider/notebookInstance/deleteNotebookInstance.ts`): no " +
    "read before the stop; the stop's own answer says what the read would have (6307 stopped, 6308 stopping, 6309 " +
    "gone); any other ModelArts refusal reads the instance and goes the long way; a gateway's answer, or a stop " +
    "answer that cannot be read, is an error, never gone; a DELETE answer that cannot be read is settled by a " +
    "validated GET (deleting or gone completes the delete). 4 requests per instance, the minimum (5 before).",
  "- **Notebook destroy sends the DELETE straight away**, as Terraform does (`provider/notebook/deleteNotebook.ts`), " +
    "with the same rules: 2 requests per notebook at the minimum (3 before).",
  "- **Notebook creates share one listing** for their owner look-up (as NotebookInstance creates already did), " +
    "confirm what it shows of their owner with a fresh GET, and list a declared name afresh right before the POST " +
    "(a namesake made in the console a moment ago is never taken for a lost create's); a create with nothing left " +
    "to apply after its wait returns what the wait's last GET showed (`provider/notebook/createNotebook.ts`, " +
    "`ownership.ts`). 3 requests per notebook at the minimum (POST, owner tag, GET), plus one listing per run.",
  "",
  "Earlier rounds (0.1): throttled answers bounded by time, not count (`provider/api/retryPolicy.ts` " +
    "`isThrottled`); a DELETE whose answer was lost no longer fails destroy (6357 read as already deleting); " +
    "`pulumi up --replace` no longer deletes the instance it keeps (`deleteBeforeReplace` by default); a " +
    "CREATE_FAILED instance is replaced by the next `pulumi up`; the poll cap 15 s → 12 s.",
  "",
];
