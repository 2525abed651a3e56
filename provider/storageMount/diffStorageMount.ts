import { same } from "../base/compareInputs.js";
import { inputsWith } from "../frame/fieldCatalogue.js";
import { INPUT_FIELDS } from "./fields.js";

type Props = Record<string, unknown>;

export interface StorageMountDiff {
  changes: boolean;
  replaces: string[];
  /** What an update does: apply new timeouts, or resume the wait of a mount left MOUNTING. */
  updates: string[];
  deleteBeforeReplace: boolean;
}

const REPLACED = inputsWith(INPUT_FIELDS, "replace");

/**
 * Compares the stored outputs with new checked inputs. Every input but the timeouts replaces the mount (the API
 * cannot change one), and the old one is unmounted first: the new one usually takes the same path, which is unique
 * per notebook. A mount that ended MOUNT_FAILED is replaced too (like a tainted resource); one left MOUNTING (a
 * create that timed out) is an update, which resumes the wait.
 */
export function diffStorageMount(oldValues: object, newValues: object): StorageMountDiff {
  const olds = oldValues as Props;
  const news = newValues as Props;
  const replaces: string[] = REPLACED.filter((field) => !same(olds[field], news[field]));
  if (olds.status === "MOUNT_FAILED") replaces.push("status");
  const updates: string[] = [];
  if (!same(olds.timeouts, news.timeouts)) updates.push("timeouts");
  if (olds.status === "MOUNTING") updates.push("status");
  return { changes: replaces.length > 0 || updates.length > 0, replaces, updates, deleteBeforeReplace: true };
}
