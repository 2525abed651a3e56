/**
 * Error answers specific to the notebooks family ([notebooks §15], messages from the OTC error
 * table). The codes shared with demanager (6305–6308, 6327, 6329, 6334–6336, 6347, 6357) come from
 * `../shared/errors.ts`; the route family decides the body shape (`{error_code, error_msg}` here, [notebooks §1]).
 */
import { LEASE_DURATION_MAX_MS, LEASE_DURATION_MIN_MS } from "../../protocol/notebooks/wireTypes.js";
import { badRequest, EmulatorError } from "../shared/errors.js";
import type { NotebookSwitches } from "./switches.js";

/** EVS system volume bounds in GB ([notebooks §4.2]: default 5, at most 4096). */
export const EVS_MIN_GB = 5;
export const EVS_MAX_GB = 4096;

export const notebookErrors = {
  /** Which answer a missing notebook gets is an open question ([notebooks §19] question 1): the `notFound` switch. */
  notFound: (mode: NotebookSwitches["notFound"], what: string): EmulatorError => {
    if (mode === "6309") return badRequest("6309", "The instance does not exist.");
    const message = `The ${what} does not exist.`;
    return mode === "http404" ? new EmulatorError(404, "ModelArts.6404", message) : badRequest("6404", message);
  },
  /** Terraform treats 6404 as "image not found" [notebooks §13]. */
  imageGone: (id: string) => badRequest("6404", `The image ${id} does not exist.`),
  imageNotFound: (id: string) => badRequest("6797", `Specified image ${id} cannot be found.`),
  flavorSwitch: (id: string, flavor: string) =>
    badRequest("6792", `Instance ${id} does not support to update flavor to ${flavor}, please try another flavor.`),
  featureUnsupported: (flavor: string, feature: string) =>
    badRequest("6870", `Specified flavor ${flavor} does not support current instance feature ${feature}.`),
  evsSize: (min: number, max: number) => badRequest("6331", `The evs volume size ranges from ${min} GB to ${max} GB.`),
  frozen: () =>
    badRequest("6326", "The instance is frozen. Check whether your account is in arrears in Billing Center."),
  leaseDurationRange: () =>
    badRequest(
      "6349",
      `The 'duration' parameter is incorrect. The value ranges from ${LEASE_DURATION_MIN_MS} to ${LEASE_DURATION_MAX_MS}.`,
    ),
  leaseDurationMissing: () => badRequest("6348", "The 'duration' parameter is mandatory for enabling auto stop."),
};
