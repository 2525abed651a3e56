/**
 * The emulator's request log (`METHOD /path STATUS 12ms`, one line per request) read as `METHOD what STATUS`, so
 * a test can assert a request sequence in a few words. Lines of the other API family (and IAM) read as undefined.
 */

/** Notebooks API: `what` is list, create, notebook (one notebook), or the action after its id (stop, tags, ...). */
export function notebooksRequest(line: string): string | undefined {
  const m = /^(GET|POST|PUT|PATCH|DELETE) \/v1\/[^/]+\/notebooks(\/[^/ ]+)?(\/[a-z]+)?\S* (\S+)/.exec(line);
  if (!m) return undefined;
  const [, method, id, action, status] = m;
  const what = action ? action.slice(1) : id ? "notebook" : method === "POST" ? "create" : "list";
  return `${method} ${what} ${status}`;
}

/** Demanager API: `what` is list, create, instance (one instance), or action. */
export function demanagerRequest(line: string): string | undefined {
  const m = /^(GET|POST|PUT|DELETE) \/v1\/[^/]+\/demanager\/instances(\/[^/ ]+)?(\/action)? (\S+)/.exec(line);
  if (!m) return undefined;
  const [, method, id, action, status] = m;
  const what = action ? "action" : id ? "instance" : method === "POST" ? "create" : "list";
  return `${method} ${what} ${status}`;
}
