// The move's check, before anything is written. An adoption (`adoptId`) brings the notebook to the declared values
// at `pulumi up`: a flavor or image that differs stops and starts it, a tag left out is deleted, an auto-stop that is
// not declared is switched on (the provider's default). Its preview shows a create, not those changes. So the
// notebook is read as it is (`Notebook.get`: a GET, never a write, at `pulumi preview` too) and a declared value it
// does not have fails the program, naming the input, the declared value and the notebook's: nothing is written.
//
// What every notebook reports is compared at `pulumi preview`, and so are its tags and SSH when it has some; there
// the adoption waits only for the former: a read leaves what it did not report unknown at preview (the tags of a
// notebook that has none), and an unknown `adoptId` would skip the provider's own checks at preview (that the
// notebook exists and carries no other stack's owner mark). At `pulumi up` it waits for all. The volume's category
// and ownership, the pool and the workspace are not compared here: the provider itself refuses, before it writes
// anything, an adoption that differs there.
import { inspect } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { Notebook, type NotebookArgs } from "pulumi-modelarts";

/** A Notebook's inputs as plain values. */
export type Declared = pulumi.Unwrap<NotebookArgs>;

type Difference = [input: string, declared: unknown, notebookHas: unknown];

/**
 * `id`, once the notebook `id` has every value of `declared` that an adoption would change in place: give it to
 * `adoptId`, so that the adoption waits for the check. `name` names the read (`<name>-as-is`).
 */
export function sameAsNotebook(name: string, id: string, declared: Declared): pulumi.Output<string> {
  const live = Notebook.get(`${name}-as-is`, id);
  const autoStop = declared.autoStop ?? { enabled: true, type: "TIMING" }; // the provider's default
  const reported = pulumi
    .all([live.name, live.description, live.flavor, live.imageId, live.volume, live.autoStop])
    .apply(([liveName, description, flavor, imageId, volume, liveAutoStop]) =>
      refuseDifferences(id, [
        // An adoption keeps the notebook's name unless one is declared.
        ["name", declared.name, declared.name === undefined ? undefined : liveName],
        ["description", declared.description ?? "", description ?? ""],
        ["flavor", declared.flavor, flavor],
        ["imageId", declared.imageId, imageId],
        ["volume.capacityGb", evsCapacity(declared.volume), evsCapacity(volume)],
        ["autoStop.enabled", autoStop.enabled, liveAutoStop?.enabled],
        ["autoStop.type", autoStop.enabled ? (autoStop.type ?? "TIMING") : "", liveAutoStop?.type ?? ""],
      ]),
    );
  // The whole set: a tag the notebook has and the declaration leaves out would be deleted.
  const tags = live.tags.apply((have) => refuseDifferences(id, [["tags", sorted(declared.tags), sorted(have)]]));
  const ssh = declared.ssh
    ? live.ssh.apply((have) => refuseDifferences(id, [["ssh", sshOf(declared.ssh), sshOf(have)]]))
    : undefined;
  return pulumi.all(pulumi.runtime.isDryRun() ? [reported] : [reported, tags, ssh]).apply(() => id);
}

function refuseDifferences(id: string, compared: Difference[]): void {
  const problems = compared
    .filter(([, declared, has]) => JSON.stringify(declared) !== JSON.stringify(has))
    .map(([input, declared, has]) => `${input} (declared ${show(declared)}, the notebook has ${show(has)})`);
  if (problems.length > 0) {
    throw new DeclarationMismatch(
      `notebook ${id} differs from the declaration in ${problems.join("; ")}. Adopting it would change that, so ` +
        "nothing was written: declare the values it has, or change the notebook first",
    );
  }
}

/** The program's error, reported by its message alone. */
class DeclarationMismatch extends pulumi.RunError {
  // Pulumi's run handler inspects every unhandled error (for a trace event, even with tracing off), and this one
  // carries the promise Pulumi attached to it: inspecting that took 70-190 s of a failed preview here.
  [inspect.custom](): string {
    return this.message;
  }
}

/** An EVS volume's size (5 GB unless declared, as the provider creates it); other categories have none to grow. */
function evsCapacity(volume: Declared["volume"] | undefined): number | undefined {
  return volume?.category === "EVS" ? (volume.capacityGb ?? 5) : undefined;
}

/** Tags in key order, so that two maps with the same entries compare equal; no tags and `{}` alike. */
function sorted(tags: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(tags ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

function sshOf(ssh: Declared["ssh"] | undefined) {
  return ssh ? { keyPairName: ssh.keyPairName, allowedAccessIps: ssh.allowedAccessIps ?? [] } : null;
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
