/**
 * The built provider (dist/, what the provider host loads) checks inputs with the validators the build precompiled:
 * its first check loads no Ajv, and every check answers exactly as the provider run from source, where Ajv compiles
 * schema.json at run time (custom wordings, suggestions and bounds included). Needs `npm run build`.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../../devkit/pulumiCli.js";
import { INSTANCE_INPUTS, NOTEBOOK_INPUTS } from "../support/inputFixtures.js";
import * as host from "../../provider/host.js";

const MOUNT = {
  notebookId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d",
  uri: "obs://my-bucket/datasets/",
  mountPath: "/data/datasets/",
};
const CASES: [keyof typeof host, Record<string, unknown>][] = [
  ["NotebookInstance", INSTANCE_INPUTS],
  ["NotebookInstance", { ...INSTANCE_INPUTS, name: "no spaces", description: "a<b", flavorr: "x" }],
  [
    "NotebookInstance",
    { ...INSTANCE_INPUTS, autoStop: { enabled: true, durationSeconds: 1 }, storage: { type: "evs" } },
  ],
  ["Notebook", NOTEBOOK_INPUTS],
  ["Notebook", { ...NOTEBOOK_INPUTS, workspaceId: "1", tags: { _sys_x: "v" }, volume: { capacityGb: "10" } }],
  ["NotebookStorageMount", MOUNT],
  ["NotebookStorageMount", { ...MOUNT, mountPath: "/home/x/", uri: "obs:///../" }],
];

const RUN_IN_DIST = `
const host = require(${JSON.stringify(path.join(REPO_ROOT, "dist/provider/host.js"))});
(async () => {
  const results = [];
  for (const [type, inputs] of ${JSON.stringify(CASES)}) results.push((await host[type].check({}, inputs)).failures ?? []);
  const ajvLoaded = Object.keys(require.cache).some((file) => file.includes("/node_modules/ajv/dist/2020"));
  process.stdout.write(JSON.stringify({ results, ajvLoaded }));
})();
`;

test("dist's checks load no Ajv and answer as the source's, where Ajv compiles at run time", async () => {
  const env = { ...process.env, HW_REGION_NAME: "cn-north-4", HW_AUTH_TOKEN: "MIIStaticToken-0123456789abcdef" };
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", RUN_IN_DIST], { env, cwd: REPO_ROOT });
  const built = JSON.parse(stdout) as { results: unknown[]; ajvLoaded: boolean };
  expect(built.ajvLoaded).toBe(false);

  const saved = { ...process.env };
  Object.assign(process.env, { HW_REGION_NAME: "cn-north-4", HW_AUTH_TOKEN: "MIIStaticToken-0123456789abcdef" });
  try {
    const fromSource = [];
    for (const [type, inputs] of CASES) fromSource.push((await host[type].check!({}, inputs)).failures ?? []);
    expect(fromSource.filter((failures) => failures.length > 0)).toHaveLength(4);
    expect(built.results).toEqual(fromSource);
  } finally {
    process.env = saved;
  }
});
