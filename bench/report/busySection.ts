/** The Busy section: creates behind a rate-limited gateway, with and without the service's busy answers. */
import { BUSY_SETTINGS, BUSY_TARGETS, busyGroups, refusedByGateway, refusedShare } from "../busy.js";
import { pct, perInstance, sec, table } from "./format.js";
import { BUSY_BEFORE } from "./history.js";
import { BUSY_COMMAND } from "./targets.js";
import type { Report } from "./types.js";

export function busySection(report: Report): string[] {
  const runs = report.busy;
  if (!runs?.length) return [];
  const s = report.settings;
  const rate = BUSY_SETTINGS.rateLimit;
  const repeated = busyGroups(runs).some((group) => group.length > 1);
  const rows = runs.flatMap(({ scenario, run, repeat }) =>
    (["up", "destroy"] as const).map((name) => {
      const phase = run[name];
      const f = phase.floors;
      return [
        `${run.resource}, ${scenario === "busy" ? "busy answers" : "gateway only"}${repeated ? ` (run ${(repeat ?? 0) + 1})` : ""}: ${name}`,
        phase.exitCode === 0 ? "0" : `**${phase.exitCode}**${phase.timedOut ? " (timed out)" : ""}`,
        sec(phase.wallMs),
        sec(f.floorMs),
        `${(phase.wallMs / f.floorMs).toFixed(2)}x`,
        phase.firstRequestAtMs !== undefined && phase.lastRequestAtMs !== undefined
          ? `${sec(phase.firstRequestAtMs)}; ${((phase.lastRequestAtMs - phase.firstRequestAtMs) / f.floorMs).toFixed(2)}x`
          : "–",
        phase.requests.total,
        `${refusedByGateway(phase)} (${pct(refusedShare(phase))}; ${phase.throttledEarly} 429s in the first 2 s)`,
        phase.injectedFaults ?? 0,
        `${phase.acceptedPerInstance} / ${phase.minimumPerInstance}`,
        perInstance(phase),
        name === "up" && phase.lastCreateAcceptedAtMs !== undefined ? sec(phase.lastCreateAcceptedAtMs) : "–",
        run.loadBefore[name],
      ];
    }),
  );
  return [
    `## Busy: ${BUSY_SETTINGS.count} creates behind a ${rate.requestsPerSecond} req/s gateway, with and without busy answers`,
    "",
    `Command: ${BUSY_COMMAND} (a subset: \`--resource=NotebookInstance|Notebook\`), which runs the Scale stack with ` +
      `${BUSY_SETTINGS.count} instances against a fresh emulator (\`rateLimit: { requestsPerSecond: ` +
      `${rate.requestsPerSecond}, burst: ${rate.burst} }\`, time scale ${s.timeScale}), pacing on, twice: **gateway ` +
      "only**, and **busy answers**, where the service also answers each instance's first GET `429 ModelArts.6101 " +
      `"The system is busy now"\` with \`Retry-After: ${BUSY_SETTINGS.retryAfterSeconds}\` (an emulator fault, ` +
      `\`firstPerPath\`, \`behindGateway\`, armed for the up: ${BUSY_SETTINGS.busyAnswers} answers spread over the run ` +
      "as the creates reach their first poll; each passed the gateway and took one of its tokens, as a busy answer " +
      "from the service behind APIG would). The gateway's own refusals are the same answer with the same code, so " +
      "the client cannot tell the two apart. Targets: `pulumi up` with the busy answers within " +
      `${BUSY_TARGETS.upOverFloor}x its floor, and at most ${BUSY_TARGETS.refusedShare * 100}% of the requests refused ` +
      "by the gateway in every run (the busy answers are counted apart: the service chose to give them). The floor is " +
      "Scale's, with the busy answers counted among the requests the gateway must carry (no client avoids them); the " +
      "wall time holds the CLI's own start-up." +
      (repeated
        ? " Each scenario ran several times, the scenarios interleaved (single runs at rest vary by about 2 s): the " +
          "wall time target is judged on the median `pulumi up`, the refusals in every run."
        : ""),
    "",
    BUSY_BEFORE,
    "",
    table(
      [
        "run",
        "exit",
        "wall time",
        "floor",
        "wall / floor",
        "first request at; (last − first request) / floor",
        "API requests",
        "refused by the gateway",
        "busy answers",
        "not throttled per instance / minimum",
        "requests per instance by route",
        "last create accepted at",
        "load",
      ],
      rows,
    ),
    "",
  ];
}
