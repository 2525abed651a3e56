import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { ConflictError } from "../base/errors.js";
import { operationError, type Subject } from "../base/operationError.js";

/**
 * The input by which a user accepts that a replacement deletes what the old instance's storage holds (like
 * Terraform's `enable_force_new`, but only where data is at stake). It steers diff only: its change calls no API.
 */
export const ALLOW_DATA_LOSS_INPUT = "allowDataLossOnReplace";

type Props = Record<string, unknown>;

export interface ReplacementAtStake {
  subject: Subject;
  /** The stored outputs diff compares with (the inputs as applied and what the service reported). */
  olds: object;
  /** The new checked inputs. */
  news: object;
  /** The fields diff found changed that only a new instance can take, as diff names them (`volume.category`). */
  replaces: readonly string[];
  /** What deleting the old instance would delete with it ("its EVS volume (20 GB)"); undefined: nothing kept. */
  lost: string | undefined;
}

/**
 * Refuses, from diff (so `pulumi preview` fails and `pulumi up` changes nothing), a replacement that would delete
 * data: it names the inputs that force it, their old and new values, and what would be lost, unless the new inputs
 * set {@link ALLOW_DATA_LOSS_INPUT}. Not refused: an instance whose create failed (CREATE_FAILED holds nothing; its
 * replacement is Terraform's taint), a replacement only a value unknown at preview may force (decided again at
 * `pulumi up`, when it is known), and an opt-in unknown at preview. `pulumi up --replace` and a tainted resource
 * never reach diff, and `replaceOnChanges` overrides its answer [pulumi §8.4, §8.10]: each is the user's own request.
 */
export function refuseReplacementLosingData(at: ReplacementAtStake): void {
  const olds = at.olds as Props;
  const news = at.news as Props;
  const lost = at.lost;
  if (lost === undefined || olds.status === "CREATE_FAILED") return;
  const optIn = news[ALLOW_DATA_LOSS_INPUT];
  if (optIn === true || optIn === UNKNOWN_VALUE) return;
  const certain = at.replaces.filter((key) => key !== "status" && valueAt(news, key) !== UNKNOWN_VALUE);
  if (certain.length === 0) return;
  const changes = certain.map((key) => `${key} (${shown(valueAt(olds, key))} → ${shown(valueAt(news, key))})`);
  const kind = at.subject.kind;
  throw operationError(
    "replace",
    at.subject,
    new ConflictError(
      `${joined(changes)} can only change on a new ${kind}, and the replacement would delete this ${kind} with ` +
        `${lost}. Nothing was changed. ` +
        `To replace it anyway, set ${ALLOW_DATA_LOSS_INPUT}: true on the resource (copy what you need first); ` +
        `otherwise keep ${joined(certain)} as ${certain.length === 1 ? "it was" : "they were"}`,
      "ReplacementLosesData",
    ),
  );
}

/** The value at a dotted path (`volume.category`); undefined when absent on the way. */
function valueAt(props: Props, path: string): unknown {
  let node: unknown = props;
  for (const key of path.split(".")) {
    if (node === UNKNOWN_VALUE) return UNKNOWN_VALUE;
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Props)[key];
  }
  return node;
}

function shown(value: unknown): string {
  if (value === undefined) return "unset";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function joined(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
