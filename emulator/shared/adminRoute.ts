/** What each API family's part of the admin API (`demanager/admin.ts`, `notebooks/admin.ts`) is to `../admin.ts`. */
import type { ServiceContext } from "./context.js";
import type { HandlerResult } from "./router.js";

/** The admin answer for one of the family's paths, or `undefined` when the path is not one of them. */
export type FamilyAdmin = (
  method: string,
  path: string,
  body: unknown,
  service: ServiceContext,
) => HandlerResult | undefined;

/**
 * `METHOD /template` for a path one of `templates` matches (a template ends in one `{…}` segment), else
 * `METHOD path`; `id` is that last segment, decoded ("" when no template matched).
 */
export function adminRoute(method: string, path: string, templates: readonly string[]): { key: string; id: string } {
  for (const template of templates) {
    const prefix = template.slice(0, template.lastIndexOf("/") + 1);
    const rest = path.startsWith(prefix) ? path.slice(prefix.length) : "";
    if (rest !== "" && !rest.includes("/")) return { key: `${method} ${template}`, id: decodeURIComponent(rest) };
  }
  return { key: `${method} ${path}`, id: "" };
}
