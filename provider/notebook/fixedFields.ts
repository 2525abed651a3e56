import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { NotebookInputs } from "./types.js";

/**
 * Fields that only a new notebook can change, where an existing notebook (one to adopt, or one an interrupted
 * run left) differs from the declared inputs: it cannot become what is declared.
 */
export function fixedFieldConflicts(notebook: Notebook, inputs: NotebookInputs): string[] {
  const conflicts: string[] = [];
  const compare = (field: string, declared: unknown, actual: unknown) => {
    if (declared !== undefined && actual !== undefined && actual !== null && declared !== actual) {
      conflicts.push(`${field} (declared ${JSON.stringify(declared)}, the notebook has ${JSON.stringify(actual)})`);
    }
  };
  compare("volume.category", inputs.volume.category, notebook.volume?.category?.toUpperCase());
  compare("volume.ownership", inputs.volume.ownership, notebook.volume?.ownership?.toUpperCase());
  compare("poolId", inputs.poolId, notebook.pool?.id);
  compare("workspaceId", inputs.workspaceId, notebook.workspace_id);
  return conflicts;
}
