import type { NotebookFlavor, NotebookFlavorsResponse } from "../../protocol/notebooks/wireTypes.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { ConflictError } from "../base/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { sanitizeServiceText } from "../base/redact.js";
import { describeSubject, operationError, type Subject } from "../base/operationError.js";
import type { ChangePlan } from "../frame/changePlan.js";
import { reportProgress } from "../frame/progress.js";

/**
 * What the notebook's switchable list ([notebooks §10.2]) says of a flavor change. The service takes a new flavor
 * only from that list, and refuses any other with ModelArts.6792 [notebooks §7], which a running notebook meets
 * only after it was stopped; so the change is judged before anything is stopped, at preview and again at up.
 * - `allowed`: the flavor is listed and not sold out, or it is the one the notebook already runs (drift).
 * - `refused`: `reason` names the flavor and the ones the notebook can switch to.
 * - `unchecked`: the list could not be read or trusted; `reason` says why. The change goes ahead as before.
 */
export type FlavorSwitchVerdict =
  { kind: "allowed" } | { kind: "refused"; reason: string } | { kind: "unchecked"; reason: string };

/**
 * From diff, so that `pulumi preview` fails (and `pulumi up` stops before any step) on a flavor change the notebook
 * cannot make. When that cannot be told (a flavor known only at up, the list unreadable), a line on the resource
 * says so and the change is planned as before; update judges it again before it stops anything.
 */
export async function refuseFlavorSwitchAtPreview(
  client: () => Promise<NotebooksClient>,
  subject: Subject,
  id: string,
  flavor: unknown,
): Promise<void> {
  if (flavor === UNKNOWN_VALUE) {
    reportProgress(
      `update ${describeSubject(subject)}: the new flavor is not known until \`pulumi up\`, which checks that the ` +
        "notebook can switch to it before stopping anything",
      "notice",
    );
    return;
  }
  let verdict: FlavorSwitchVerdict;
  try {
    verdict = await judgeFlavorSwitch(await client(), id, String(flavor));
  } catch (err) {
    verdict = { kind: "unchecked", reason: err instanceof Error ? err.message : String(err) };
  }
  settle(verdict, subject, String(flavor));
}

/**
 * From update, before anything is stopped: the list may have changed since the preview (a flavor sold out, the
 * notebook changed outside Pulumi). `liveFlavor` is the flavor of the notebook as just read.
 */
export async function refuseFlavorSwitchBeforeUpdate(
  step: { client: NotebooksClient; subject: Subject },
  id: string,
  liveFlavor: string | undefined,
  flavor: string,
): Promise<void> {
  settle(await judgeFlavorSwitch(step.client, id, flavor, liveFlavor), step.subject, flavor);
}

function settle(verdict: FlavorSwitchVerdict, subject: Subject, flavor: string): void {
  if (verdict.kind === "refused") {
    throw operationError("update", subject, new ConflictError(verdict.reason, "FlavorNotSwitchable"));
  }
  if (verdict.kind === "unchecked") {
    reportProgress(
      `update ${describeSubject(subject)}: the flavors this notebook can switch to could not be read ` +
        `(${verdict.reason}); the change to flavor ${quoted(flavor)} goes ahead unchecked, and a flavor it cannot ` +
        "switch to is refused by the service only after the stop (ModelArts.6792)",
      "notice",
    );
  }
}

/** Flavors named in a refusal; a longer list ends with "and N more". */
const NAMED_AT_MOST = 12;

/**
 * Reads the list and judges the change to `flavor`. `liveFlavor` is the flavor the notebook runs when the caller
 * has just read it; otherwise it is read only when the list does not offer `flavor` (a flavor changed outside
 * Pulumi and declared again is no switch, and the list need not show a notebook's own flavor).
 */
async function judgeFlavorSwitch(
  client: NotebooksClient,
  id: string,
  flavor: string,
  liveFlavor?: string,
): Promise<FlavorSwitchVerdict> {
  let page: NotebookFlavorsResponse;
  try {
    page = await client.listSwitchableFlavors(id);
  } catch (err) {
    return { kind: "unchecked", reason: err instanceof Error ? err.message : String(err) };
  }
  const verdict = judgeSwitchableAnswer(page, flavor, liveFlavor);
  if (verdict.kind !== "refused" || liveFlavor !== undefined) return verdict;
  try {
    const notebook = await client.findNotebook(id);
    if (notebook === undefined) return { kind: "unchecked", reason: "the notebook was not found" };
    return judgeSwitchableAnswer(page, flavor, notebook.flavor);
  } catch (err) {
    return { kind: "unchecked", reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The judgement on an answer already checked against its shape. Strict where it decides: the flavors come from
 * `flavors` and `data` (the docs fill both, [notebooks §10.2]), which must not disagree, and the answer must hold
 * every flavor it counts in `total` (no limit was sent: the docs say none means all); otherwise nothing is
 * refused on it. A listed flavor marked `sold_out: true` cannot be switched to now (the service answers 6329).
 */
export function judgeSwitchableAnswer(
  page: NotebookFlavorsResponse,
  flavor: string,
  current: string | undefined,
): FlavorSwitchVerdict {
  const lists = [page.flavors, page.data].filter((list): list is NotebookFlavor[] => Array.isArray(list));
  if (lists.length === 0) return { kind: "unchecked", reason: "the answer lists no flavors in flavors or data" };
  const listed = lists[0]!;
  if (listed.some((f) => typeof f?.id !== "string" || f.id === "")) {
    return { kind: "unchecked", reason: "a listed flavor has no id" };
  }
  if (lists.length === 2 && !sameIds(lists[0]!, lists[1]!)) {
    return { kind: "unchecked", reason: "the answer's flavors and data lists differ" };
  }
  if (typeof page.total === "number" && page.total > listed.length) {
    return { kind: "unchecked", reason: `the answer holds ${listed.length} of the ${page.total} flavors it counts` };
  }
  if (flavor === current) return { kind: "allowed" };
  const target = listed.find((f) => f.id === flavor);
  if (target !== undefined && target.sold_out !== true) return { kind: "allowed" };

  const others = listed.filter((f) => f.id !== current && f.id !== flavor);
  const available = others.filter((f) => f.sold_out !== true).map((f) => f.id!);
  const soldOut = others.filter((f) => f.sold_out === true).map((f) => f.id!);
  const runs = current === undefined ? "" : ` (it runs ${quoted(current)})`;
  const what =
    target !== undefined
      ? `flavor ${quoted(flavor)} is sold out now, so this notebook cannot switch to it${runs}`
      : `flavor ${quoted(flavor)} is not one this notebook can switch to${runs}`;
  const offered =
    available.length > 0 ? `it can switch to ${named(available)}` : "it can switch to no other flavor now";
  const alsoSoldOut = soldOut.length > 0 ? ` (sold out now: ${named(soldOut)})` : "";
  return {
    kind: "refused",
    reason:
      `${what}; ${offered}${alsoSoldOut}. Nothing was changed and the ` +
      "notebook was not stopped: declare one of those, or keep the flavor it runs",
  };
}

function sameIds(a: NotebookFlavor[], b: NotebookFlavor[]): boolean {
  const ids = (list: NotebookFlavor[]) => list.map((f) => String(f?.id)).sort();
  return JSON.stringify(ids(a)) === JSON.stringify(ids(b));
}

/** A flavor id from the service, masked and stripped of control characters, quoted. */
function quoted(id: string): string {
  return JSON.stringify(sanitizeServiceText(id).slice(0, 128));
}

function named(ids: string[]): string {
  const shown = ids.slice(0, NAMED_AT_MOST).map(quoted).join(", ");
  return ids.length > NAMED_AT_MOST ? `${shown} and ${ids.length - NAMED_AT_MOST} more` : shown;
}

/**
 * Diff's part of an in-place update, before `pulumi up`: a flavor the notebook cannot switch to fails here, not after
 * `up` has stopped it; and a stop and a start, which the engine does not show, is said on the resource.
 */
export async function previewNotebookUpdate(
  client: () => Promise<NotebooksClient>,
  subject: Subject,
  id: string,
  olds: { status?: unknown },
  news: { flavor?: unknown },
  plan: ChangePlan,
): Promise<void> {
  if (plan.restarts.includes("flavor")) await refuseFlavorSwitchAtPreview(client, subject, id, news.flavor);
  if (plan.restarts.length > 0 && olds.status === "RUNNING") {
    reportProgress(
      `update ${describeSubject(subject)}: ${plan.restarts.join(", ")} change in place with a stop and a start ` +
        "(the notebook is RUNNING); it is started again afterwards",
      "notice",
    );
  }
}
