// A stand-in for `terraform apply` of main.tf, for the emulator: Terraform cannot run here (no registry serves the
// huaweicloud provider to this machine), so this sends the requests the huaweicloud provider sends for main.tf's
// two resources, with its fields, signed with the same AK/SK:
//   1. POST /v1/{project}/notebooks with Terraform's create body (duration -1: no auto-stop), then GET until RUNNING;
//   2. POST …/{id}/storage for the mount (Terraform always sends category OBS), then GET until MOUNTED.
// It prints the ids Terraform keeps in its state (the mount's is `<notebook id>/<mount id>`). Settings from the
// environment: HW_MODELARTS_ENDPOINT, HW_PROJECT_ID, HW_ACCESS_KEY, HW_SECRET_KEY.
/* global fetch -- Node.js 18 and later */
const { signRequest } = require("pulumi-modelarts/provider");

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see README.md)`);
  return value;
};
const endpoint = env("HW_MODELARTS_ENDPOINT").replace(/\/+$/, "");
const notebooks = `/v1/${env("HW_PROJECT_ID")}/notebooks`;
const keys = { accessKey: env("HW_ACCESS_KEY"), secretKey: env("HW_SECRET_KEY") };
const pollMs = Number(process.env.POLL_MS ?? 500);

// main.tf's values, as the huaweicloud provider puts them on the wire.
const CREATE_BODY = {
  name: "analysis_tf",
  description: "analysis notebook",
  feature: "NOTEBOOK",
  flavor: "modelarts.vm.cpu.8u",
  image_id: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  duration: -1,
  volume: { category: "EVS", ownership: "MANAGED", capacity: 20 },
};
const MOUNT_BODY = { category: "OBS", mount_path: "/data/datasets/", uri: "obs://analytics-datasets/raw/" };

async function call(method, path, body) {
  const url = `${endpoint}${path}`;
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers = body === undefined ? {} : { "Content-Type": "application/json" };
  const signed = signRequest({ method, url, headers, body: text, ...keys });
  const response = await fetch(url, { method, headers: { ...headers, ...signed.headers }, body: text || undefined });
  const answer = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${answer}`);
  return answer === "" ? {} : JSON.parse(answer);
}

async function until(path, status, deadlineMs = 20 * 60_000) {
  const started = Date.now();
  for (;;) {
    const current = await call("GET", path);
    if (current.status === status) return current;
    if (/FAILED|ERROR/.test(String(current.status))) throw new Error(`${path} is ${current.status}`);
    if (Date.now() - started > deadlineMs) throw new Error(`${path} is still ${current.status}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function main() {
  const notebook = await call("POST", notebooks, CREATE_BODY);
  await until(`${notebooks}/${notebook.id}`, "RUNNING");
  console.log(`huaweicloud_modelarts_notebook.analysis: id = ${notebook.id}`);

  const mount = await call("POST", `${notebooks}/${notebook.id}/storage`, MOUNT_BODY);
  await until(`${notebooks}/${notebook.id}/storage/${mount.id}`, "MOUNTED");
  console.log(
    `huaweicloud_modelarts_notebook_mount_storage.datasets: id = ${notebook.id}/${mount.id}, mount_id = ${mount.id}`,
  );
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
