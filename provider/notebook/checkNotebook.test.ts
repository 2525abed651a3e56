/**
 * What `check` refuses at `pulumi preview` before any API call, each failure naming the field (camelCase) and the
 * rule: caps on every free-form input, the forms the API documents, and no path that climbs out of its directory.
 */
import { checkInputs } from "../frame/resourceVerbs.js";
import { notebookProvider } from "./notebookProvider.js";

const checkNotebook = (olds: object | undefined, news: object) => checkInputs(notebookProvider.definition, olds, news);

const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const SFS_TURBO = "3f6b8d0e-1a2c-4e5f-9b7d-2c4e6a8b0d13";
const base = { flavor: "modelarts.vm.cpu.2u", imageId: IMAGE, volume: { category: "EVS" } };
const obs = (uri: string) => ({ volume: { category: "OBS", uri, dewSecretName: "obs-keys" } });
const efs = (uri: string) => ({ volume: { category: "EFS", ownership: "DEDICATED", uri, id: SFS_TURBO } });
const MEGABYTE = "a".repeat(1 << 20);
const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_v, i) => [`k${i}`, "v"]));

const CONTROL = "must not contain control or invisible formatting characters";
const DOT_SEGMENTS = 'must not contain a "." or ".." segment, a backslash, or a percent-encoded';
const IPV4 = 'must be an IPv4 address such as "203.0.113.10": the API takes addresses, not CIDR ranges or IPv6';

function failuresOf(patch: Record<string, unknown>) {
  return checkNotebook(undefined, { ...base, ...patch }).failures;
}

test.each<[string, Record<string, unknown>, string, string]>([
  ["a 1 MB flavor", { flavor: MEGABYTE }, "flavor", "flavor must be at most 128 characters (got 1048576)"],
  ["a flavor with ESC", { flavor: "modelarts.vm.cpu.2u\u001b[2J" }, "flavor", 'flavor must be a flavor id such as "'],
  ["a flavor with a newline", { flavor: "modelarts.vm.cpu.2u\nx" }, "flavor", "flavor must be a flavor id"],
  ["a 1 MB namePrefix", { namePrefix: MEGABYTE }, "namePrefix", "namePrefix must be at most 128 characters"],
  ["a namePrefix with ESC", { namePrefix: "dev\u001b]0;x\u0007" }, "namePrefix", `namePrefix ${CONTROL}`],
  ["a namePrefix with a newline", { namePrefix: "dev\nprod" }, "namePrefix", `namePrefix ${CONTROL}`],
  [
    "a 1 MB key pair name",
    { ssh: { keyPairName: MEGABYTE } },
    "ssh.keyPairName",
    "ssh.keyPairName must be at most 64 characters (got 1048576)",
  ],
  [
    "a key pair name with a newline",
    { ssh: { keyPairName: "dev\nkey" } },
    "ssh.keyPairName",
    'ssh.keyPairName may contain only letters, digits, ".", "_" and "-"',
  ],
  [
    "an allowed IP that is not an IP",
    { ssh: { keyPairName: "dev", allowedAccessIps: ["not-an-ip"] } },
    "ssh.allowedAccessIps[0]",
    `ssh.allowedAccessIps[0] ${IPV4}`,
  ],
  [
    "an IPv4 range for everyone",
    { ssh: { keyPairName: "dev", allowedAccessIps: ["203.0.113.10", "0.0.0.0/0"] } },
    "ssh.allowedAccessIps[1]",
    `ssh.allowedAccessIps[1] ${IPV4}`,
  ],
  [
    "an IPv6 range for everyone",
    { ssh: { keyPairName: "dev", allowedAccessIps: ["::/0"] } },
    "ssh.allowedAccessIps[0]",
    "leave allowedAccessIps out to allow any address",
  ],
  [
    "the unspecified address",
    { ssh: { keyPairName: "dev", allowedAccessIps: ["0.0.0.0"] } },
    "ssh.allowedAccessIps[0]",
    'ssh.allowedAccessIps[0] must be the address of a host, not "0.0.0.0" or "255.255.255.255"',
  ],
  [
    "an address listed twice",
    { ssh: { keyPairName: "dev", allowedAccessIps: ["203.0.113.10", "203.0.113.10"] } },
    "ssh.allowedAccessIps",
    "ssh.allowedAccessIps must not list a value twice",
  ],
  [
    "an OBS volume uri without its scheme",
    obs("/bucket/dir/"),
    "volume.uri",
    'volume.uri must be an OBS directory such as "obs://bucket/dir/" for category OBS (got "/bucket/dir/")',
  ],
  ["an OBS volume uri that climbs out", obs("obs://b/../../x/"), "volume.uri", `volume.uri ${DOT_SEGMENTS}`],
  ["an OBS volume uri with %2e%2e", obs("obs://bucket/%2e%2e/x/"), "volume.uri", `volume.uri ${DOT_SEGMENTS}`],
  ["a volume uri with a newline", obs("obs://bucket/dir/\n"), "volume.uri", `volume.uri ${CONTROL}`],
  [
    "an EFS volume uri that is not an SFS Turbo path",
    efs("obs://bucket/dir/"),
    "volume.uri",
    'volume.uri must be an SFS Turbo path such as "192.168.0.1:/share/" for category EFS',
  ],
  ["an EFS volume uri that climbs out", efs("192.168.0.1:/share/../../x"), "volume.uri", DOT_SEGMENTS],
  [
    "a mount path that climbs out",
    { volume: { category: "EVS", mountPath: "/../../etc/" } },
    "volume.mountPath",
    `volume.mountPath ${DOT_SEGMENTS}`,
  ],
  [
    "a mount path with a newline",
    { volume: { category: "EVS", mountPath: "/home/ma-user/work/\n" } },
    "volume.mountPath",
    `volume.mountPath ${CONTROL}`,
  ],
  ["a description with NUL", { description: "notes\u0000" }, "description", `description ${CONTROL}`],
  ["a description with an RTL override", { description: "ok\u202Etxt.exe" }, "description", `description ${CONTROL}`],
  ["a description with a bidi isolate", { description: "a\u2067b" }, "description", `description ${CONTROL}`],
  [
    "1000 tags",
    { tags: tags(1000) },
    "tags",
    "tags must have at most 19 entries: the service keeps 20 tags per notebook, one of them the provider's owner tag (got 1000)",
  ],
  [
    "a tag key of the provider's own storage mount marks",
    { tags: { "pulumi-modelarts.mount.0123456789abcdef": "x" } },
    "tags",
    '(got "pulumi-modelarts.mount.0123456789abcdef")',
  ],
  [
    "a create timeout of a millisecond",
    { timeouts: { create: "0.001s" } },
    "timeouts.create",
    'timeouts.create must be at least 1s (got "0.001s")',
  ],
])("%s fails check, naming the field and the rule", (_name, patch, property, reason) => {
  const failures = failuresOf(patch);
  expect(failures).toEqual(expect.arrayContaining([{ property, reason: expect.stringContaining(reason) }]));
  for (const failure of failures) expect(failure.reason.startsWith(failure.property)).toBe(true);
});

test("a refused value is shown with its invisible characters escaped, and cut short", () => {
  const reasons = [
    ...failuresOf({ description: "ok\u202Etxt\u0000" }),
    ...failuresOf({ flavor: `x\u001b${MEGABYTE}` }),
  ].map((f) => f.reason);
  expect(reasons.join("\n")).toContain('(got "ok\\u202etxt\\u0000")');
  for (const reason of reasons) {
    expect(reason).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(reason.length).toBeLessThan(400);
  }
});

test.each<[string, Record<string, unknown>]>([
  ["the documented forms", {}],
  ["a flavor with dots, digits and capitals", { flavor: "modelarts.bm.gpu.v100NV32" }],
  ["a 128-character namePrefix", { namePrefix: "n".repeat(128) }],
  ["a namePrefix the provider cleans up", { namePrefix: "my notebook:1" }],
  ["a description with ordinary punctuation", { description: "GPU notebook, team #3 (test): ok!" }],
  ["a description in another script", { description: "团队的笔记本 (测试)" }],
  [
    "SSH from five addresses",
    {
      ssh: {
        keyPairName: "KeyPair-dev_1.2",
        allowedAccessIps: ["203.0.113.10", "198.51.100.7", "192.0.2.1", "10.0.0.1", "255.255.255.254"],
      },
    },
  ],
  ["an OBS directory", obs("obs://my-bucket.v2/team/data-1/")],
  ["an SFS Turbo path by address", efs("192.168.0.1:/user-9sfdsdgdfgh5ea4d56871e75d6966aa274/mount/")],
  ["an SFS Turbo path by name", efs("3f6b8d0e.sfsturbo.internal:/")],
  ["a mount path with dot files", { volume: { category: "EVS", mountPath: "/home/ma-user/work/.cache/.../" } }],
  ["19 tags", { tags: tags(19) }],
  ["a tag key that only begins like the provider's own", { tags: { "pulumi-modelarts.mountain": "x" } }],
  ["a one-second timeout", { timeouts: { create: "1s", update: "1m", delete: "24h" } }],
])("%s pass check", (_name, patch) => {
  expect(failuresOf(patch)).toEqual([]);
});
