/**
 * The notebooks API's open questions [notebooks §19] as switches: each documented choice of
 * the service's behaviour can be picked at start-up or through the admin API, so a client can be tested
 * against every plausible answer. The defaults are the ones Terraform's behaviour points to.
 */

export interface NotebookSwitches {
  /** A missing or deleted notebook ([notebooks §5, §19] question 1): HTTP 400 ModelArts.6404, 400 ModelArts.6309, or a real 404. */
  notFound: "6404" | "6309" | "http404";
  /** DELETE of a RUNNING notebook ([notebooks §8, §19] question 2): Terraform deletes running notebooks; `refused` answers 6304. */
  deleteRunning: "allowed" | "refused";
  /** PUT of flavor, image_id, endpoints (and the other restart-bound fields) while RUNNING ([notebooks §7, §19] question 3). */
  updateRunning: "refused" | "allowed";
  /** PUT of name, description or storage_new_size while STOPPED ([notebooks §7, §19] question 3). */
  updateStopped: "allowed" | "refused";
  /**
   * Which flavors a notebook can switch to ([notebooks §10.2, §19] question 13): `sameCategory`, its own category;
   * `imageCategories`, also every category its image runs on (`resource_categories`: a CPU notebook on a CPU and GPU
   * image may become a GPU one). Either way the same architecture and feature, billed, not its own flavor.
   */
  switchableFlavors: "sameCategory" | "imageCategories";
}

export const DEFAULT_NOTEBOOK_SWITCHES: Readonly<NotebookSwitches> = {
  notFound: "6404",
  deleteRunning: "allowed",
  updateRunning: "refused",
  updateStopped: "allowed",
  switchableFlavors: "sameCategory",
};

export const NOTEBOOK_SWITCH_VALUES: { readonly [K in keyof NotebookSwitches]: readonly NotebookSwitches[K][] } = {
  notFound: ["6404", "6309", "http404"],
  deleteRunning: ["allowed", "refused"],
  updateRunning: ["refused", "allowed"],
  updateStopped: ["allowed", "refused"],
  switchableFlavors: ["sameCategory", "imageCategories"],
};

/** Checks a partial set of switches (from options, the CLI or the admin API); throws on an unknown key or value. */
export function checkNotebookSwitches(value: unknown): Partial<NotebookSwitches> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("notebook switches must be an object");
  }
  const result: Record<string, string> = {};
  for (const [key, given] of Object.entries(value)) {
    const allowed = (NOTEBOOK_SWITCH_VALUES as Record<string, readonly string[]>)[key];
    if (allowed === undefined) {
      throw new Error(`unknown notebook switch ${key} (known: ${Object.keys(NOTEBOOK_SWITCH_VALUES).join(", ")})`);
    }
    if (given === undefined) continue;
    if (typeof given !== "string" || !allowed.includes(given)) {
      throw new Error(`notebook switch ${key} must be one of ${allowed.join(", ")} (got ${JSON.stringify(given)})`);
    }
    result[key] = given;
  }
  return result as Partial<NotebookSwitches>;
}
