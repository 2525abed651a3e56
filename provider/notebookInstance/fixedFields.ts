import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { NotebookInstanceInputs } from "./types.js";

/**
 * Fields that cannot change in place and differ between an existing instance (one to adopt, or one an interrupted
 * run left) and the declared inputs: it cannot become what is declared.
 */
export function fixedFieldConflicts(instance: Instance, inputs: NotebookInstanceInputs): string[] {
  const conflicts: string[] = [];
  const compare = (field: string, declared: unknown, actual: unknown) => {
    if (declared !== undefined && actual !== undefined && actual !== null && declared !== actual) {
      conflicts.push(`${field} (declared ${JSON.stringify(declared)}, the instance has ${JSON.stringify(actual)})`);
    }
  };
  // A generated name is not a declared one: an adopted or resumed instance keeps its own.
  if (inputs.namePrefix === undefined) compare("name", inputs.name, instance.name);
  compare("flavor", inputs.flavor, instance.flavor);
  compare("storage.path", inputs.storage?.path, instance.spec?.storage?.location?.path);
  compare("workspaceId", inputs.workspaceId, instance.workspace?.id);
  return conflicts;
}
