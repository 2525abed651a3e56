/**
 * The emulator's keys for the notebooks API's routes (`METHOD template`, as emulator/notebooks/routes.ts declares
 * them), named by what the request does: what a provider test counts (`admin.requestCount`) or arms a fault on.
 */
import { NOTEBOOKS } from "../../emulator/notebooks/routes.js";

const STORAGE = `${NOTEBOOKS}/{instance_id}/storage`;

export const NOTEBOOK_ROUTE = {
  create: `POST ${NOTEBOOKS}`,
  show: `GET ${NOTEBOOKS}/{id}`,
  update: `PUT ${NOTEBOOKS}/{id}`,
  delete: `DELETE ${NOTEBOOKS}/{id}`,
  start: `POST ${NOTEBOOKS}/{id}/start`,
  stop: `POST ${NOTEBOOKS}/{id}/stop`,
  attach: `POST ${STORAGE}`,
  showMount: `GET ${STORAGE}/{storage_id}`,
  detach: `DELETE ${STORAGE}/{storage_id}`,
  createTags: `POST ${NOTEBOOKS}/{resource_id}/tags/create`,
} as const;
