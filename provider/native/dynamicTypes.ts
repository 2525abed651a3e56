/**
 * The type tokens the dynamic SDK classes register (`pulumi-nodejs:dynamic/modelarts:Notebook`): the package
 * schema names them as each native resource's alias, so a stack made with a dynamic class moves to the native
 * type in place, and the native provider recognises the state those classes wrote (stateMigration.ts).
 */
export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic/modelarts:";

export function dynamicTypeOf(resourceName: string): string {
  return `${DYNAMIC_TYPE_PREFIX}${resourceName}`;
}
