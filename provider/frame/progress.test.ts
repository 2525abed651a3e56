import { forgetSecretsForTests, registerSecret } from "../base/redact.js";
import { createProgressTracker, reportProgress, setProgressSink, stdoutSink } from "./progress.js";

let lines: string[];
beforeEach(() => {
  lines = [];
  setProgressSink((line) => lines.push(line));
  forgetSecretsForTests();
});
afterAll(() => setProgressSink(stdoutSink));

test("text from the service cannot fake lines or colours in `pulumi up`", () => {
  const tracker = createProgressTracker({ label: 'create notebook instance "nb"', now: () => 0 });
  tracker.observe('RUNNING\n\u001b[32mcreate notebook instance "other": RUNNING\u001b[0m\r');
  expect(lines).toEqual([
    'create notebook instance "nb": RUNNING [32mcreate notebook instance "other": RUNNING[0m  (0s elapsed)',
  ]);
  expect([...lines[0]!].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
});

test("a secret the provider knows never reaches a progress line", () => {
  registerSecret("ObsSecretValue-123456");
  reportProgress("status text with ObsSecretValue-123456 inside");
  expect(lines).toEqual(["status text with <redacted> inside"]);
});
