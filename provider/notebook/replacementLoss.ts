/**
 * What deleting a notebook deletes with it, for the replacement guard (frame/replacementGuard.ts). A notebook's
 * delete "removes the container and all its storage" [notebooks §8]: its MANAGED volume, which the service made for
 * it (an EVS disk, or a managed EFS share), goes with it. A DEDICATED EFS volume is the user's own SFS Turbo, and
 * an OBS or OBSFS volume a directory of the user's bucket: the notebook only mounts them, and they outlive it.
 */
export function lostByReplacement(olds: object): string | undefined {
  const stored = olds as Record<string, unknown>;
  const volume = isObject(stored.volume) ? stored.volume : {};
  const category = typeof volume.category === "string" ? volume.category.toUpperCase() : undefined;
  const ownership = typeof volume.ownership === "string" ? volume.ownership.toUpperCase() : "MANAGED";
  const keeps = "and every file saved on it";
  if (category === "EVS") {
    const size = typeof volume.capacityGb === "number" ? ` (${volume.capacityGb} GB)` : "";
    return `its EVS volume${size} ${keeps}`;
  }
  if (category === "EFS") return ownership === "DEDICATED" ? undefined : `its managed EFS volume ${keeps}`;
  if (category === "OBS" || category === "OBSFS") return undefined;
  // A state that does not say what the volume is: assume the worst.
  return `its volume ${keeps}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
