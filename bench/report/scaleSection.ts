/** The Scale section: each run of the 50-notebook stack, with its floor, requests, 429s, memory and load. */
import { describeRun } from "../scale.js";
import { code, pct, perInstance, sec, table } from "./format.js";
import { throttledShare } from "./scaleTargets.js";
import type { Report } from "./types.js";

export function scaleSection(report: Report): string[] {
  const runs = report.scale;
  if (!runs?.length) return [];
  const s = report.settings;
  const trivialUp = report.overhead?.trivialUp.medianMs;
  const trivialDestroy = report.overhead?.trivialDestroy.medianMs;
  const out = [
    `## Scale: ${s.count} notebooks, \`pulumi up\` then \`pulumi destroy\``,
    "",
    "Command: `npm run bench -- scale` (a subset: `--resource=NotebookInstance|Notebook`, `--rate=none,10,5`, " +
      "`--pacing=on,off`, `--repeats=N`), which runs, for each resource, rate limit and pacing mode, against a fresh " +
      `emulator (\`startEmulator({ timeScale: ${s.timeScale}, rateLimit })\`, poll schedule scaled by ${s.timeScale}) a ` +
      `local-backend stack of \`bench/programs/notebooks\` (${s.count} \`NotebookInstance\`s or \`Notebook\`s with ` +
      "generated names, auto-stop on, credentials from the environment); pacing off is `MODELARTS_RATE_LIMIT=off` " +
      `in the provider host's environment. Without a limit, pacing on and off run interleaved, ${s.unthrottledRepeats} ` +
      "times each:",
    "",
    `- ${code(runs[0]!.up.command)}, then ${code(runs[0]!.destroy.command)};`,
    "- requests: the emulator's own counts (`GET /_admin/requests`, by route and status), reset between the two; " +
      "timings from its request log;",
    "- peak memory: VmHWM (the kernel's RSS high-water mark) of the `node …/cmd/dynamic-provider` process, " +
      "read from /proc every 200 ms while the command runs; load: the 1-minute load average before the command " +
      `(${report.meta.cpus} CPUs, shared: above ${report.meta.cpus} the CPUs were contended and wall times suffer).`,
    "",
  ];
  const cliOwn = (phase: "up" | "destroy") => (phase === "up" ? trivialUp : trivialDestroy);
  const rows: (string | number)[][] = [];
  const ordered = [...runs].sort(
    (a, b) =>
      a.resource.localeCompare(b.resource) ||
      (b.rateLimit?.requestsPerSecond ?? 1e9) - (a.rateLimit?.requestsPerSecond ?? 1e9) ||
      Number(b.pacing) - Number(a.pacing),
  );
  for (const run of ordered) {
    for (const [name, phase] of [
      ["up", run.up],
      ["destroy", run.destroy],
    ] as const) {
      const f = phase.floors;
      rows.push([
        `${describeRun(run)}: ${name}`,
        phase.exitCode === 0 ? "0" : `**${phase.exitCode}**${phase.timedOut ? " (timed out)" : ""}`,
        sec(phase.wallMs),
        `**${sec(f.floorMs)}** (${sec(f.lifecycleMs)} / ${sec(f.throughputMs)} / ${name === "up" ? sec(f.pipelineMs) : "–"})`,
        `${(phase.wallMs / f.floorMs).toFixed(2)}x`,
        cliOwn(name) === undefined ? "–" : `${((phase.wallMs - cliOwn(name)!) / f.floorMs).toFixed(2)}x`,
        phase.requests.total,
        `${phase.requests.throttled429} (${pct(throttledShare(phase))}; ${phase.throttledEarly} in the first 2 s)`,
        `${phase.acceptedPerInstance} / ${phase.minimumPerInstance} = ${(phase.acceptedPerInstance / phase.minimumPerInstance).toFixed(2)}x`,
        perInstance(phase),
        phase.longest429Streak,
        phase.firstRequestAtMs !== undefined ? sec(phase.firstRequestAtMs) : "–",
        name === "up" && phase.lastCreateAcceptedAtMs !== undefined ? sec(phase.lastCreateAcceptedAtMs) : "–",
        phase.providerHosts.map((p) => `${p.peakRssMb} MB`).join(", "),
        run.loadBefore[name],
        name === "up"
          ? `${phase.inventoryAfter.instances} (${JSON.stringify(phase.inventoryAfter.byStatus)})`
          : phase.inventoryAfter.instances,
      ]);
    }
  }
  out.push(
    table(
      [
        "run",
        "exit",
        "wall time",
        "floor (lifecycle / throughput / pipeline)",
        "wall / floor",
        "(wall − the CLI's own) / floor",
        "API requests",
        "429s",
        "not throttled per instance / minimum",
        "requests per instance by route",
        "longest 429 run of one call",
        "first request at",
        "last create accepted at",
        "provider host peak RSS",
        "load",
        "instances after",
      ],
      rows,
    ),
    "",
    "How to read it:",
    "",
    `- **Floor**: what no client can beat, the largest of three bounds (\`floorsFor\` in bench/scale.ts). ` +
      `*Lifecycle*: the emulator's own time with every instance at once (\`--parallel ${s.parallel}\`): NotebookInstance ` +
      `up = (30 s CREATING + 10 s STARTING) x ${s.timeScale}, destroy = (5 s STOPPING + 5 s DELETING) x ${s.timeScale}; ` +
      `Notebook up = 30 s CREATING x ${s.timeScale}, destroy = 5 s DELETING x ${s.timeScale} (a running notebook may be ` +
      "deleted). *Throughput*: the minimum requests (below) of all instances, less the gateway's burst, at its rate. " +
      "*Pipeline* (up): the N-th create cannot be accepted before (N − burst) / rate, and then takes a whole create: " +
      "at 10 req/s the 50th NotebookInstance is accepted at 4 s at the earliest and RUNNING at 14 s, which the " +
      "0.1 report's floor (10 s) left out. The floor leaves out the CLI's own cost: `pulumi up` / `destroy` of " +
      `${s.count} no-op dynamic resources take ${trivialUp === undefined ? "(run the overhead section)" : sec(trivialUp)} / ` +
      `${trivialDestroy === undefined ? "–" : sec(trivialDestroy)} here (Overhead): "(wall − the CLI's own) / floor" ` +
      'takes them off, and "first request at" shows how long the CLI and the provider host took before the ' +
      "provider's first request.",
    "- **Minimum requests per instance**: NotebookInstance up = 1 POST + 1 GET that sees RUNNING (the POST " +
      "answers CREATING); destroy = 1 stop action (a RUNNING instance cannot be deleted, ModelArts.6304) + 1 GET " +
      "that sees STOPPED (a DELETE while STOPPING fails) + 1 DELETE + 1 GET that sees it gone (deletion is " +
      "asynchronous). Notebook up = 1 POST + 1 owner-tag POST (the create body carries no tags: without the mark an " +
      "interrupted run's notebook cannot be told from a namesake) + 1 GET that sees RUNNING; destroy = 1 DELETE + " +
      "1 GET that sees it gone. The creates' one shared listing (the look-up for an interrupted run's leftovers) " +
      "is not in the minimum. Everything else is polling while the instance changes state (see Waiting) and 429s; " +
      '"not throttled" counts every answer but a 429 (a 400 such as "already stopped" included).',
    `- **Retries**: a 429 is a retry. The emulator answers \`Retry-After\` in whole seconds (at least 1 s, not ` +
      "scaled). With pacing on, the provider's one limiter holds every request for it and paces after it " +
      "(provider/api/AdaptiveRateLimiter.ts); with pacing off each call sleeps it out alone, plus jitter. " +
      `With the poll schedule scaled by ${s.timeScale}, a limit of R req/s here throttles like about ` +
      `R x ${s.timeScale} req/s would for the same stack at real time.`,
    "",
  );
  return out;
}
