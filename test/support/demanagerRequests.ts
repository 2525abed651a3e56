/**
 * Create requests of the demanager API for the client tests, which drive the API without the provider: a CPU
 * instance whose owner annotation is `test/<name>`, so a test finds what its own create made.
 */
import type { CreateRequest } from "../../protocol/demanager/wireTypes.js";

/** The annotation the tests mark their instances with (the provider's own owner key is another). */
export const TEST_OWNER = "pulumi-modelarts/owner";

/** A create request of a CPU instance named `name`, marked `test/<name>`; `spec` is merged into its spec. */
export function markedCreateRequest(name: string, spec: Partial<CreateRequest["spec"]> = {}): CreateRequest {
  return {
    name,
    profile_id: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    spec: {
      storage: { type: "obs", location: { path: "/bucket/notebooks/" } },
      annotations: { [TEST_OWNER]: `test/${name}` },
      ...spec,
    },
  };
}
