/**
 * The whole life of a `Notebook` (the notebooks API) through the real Pulumi CLI: the lifecycle scenario
 * (test/support/lifecycleScenario.ts) with a generated name, description and tags changed in place with no stop,
 * a replacement that would delete the EVS volume refused at preview and up, then made with the opt-in, and a create
 * that ends CREATE_FAILED (replaced without the opt-in: it holds nothing). Its own steps: the EVS volume growing,
 * and a shrink refused at preview; a stop and a start for flavor and image, and a flavor the notebook cannot switch
 * to refused at preview with nothing stopped; the declared power state. Besides the scenario's checks: the image
 * it runs, its tags, and how many requests of each kind an update sent. Needs `npm run build`.
 *
 * Durations of every CLI step go to test/.work/e2e-notebook.json (and the console).
 */
import { FAKE_NOTEBOOK_TOKEN, type Emulator } from "../../emulator/index.js";
import { cliText as text } from "../support/CliSteps.js";
import { DESCRIPTIONS, lifecycleScenario, type LifecycleRun } from "../support/lifecycleScenario.js";

const TYPE = "pulumi-nodejs:dynamic/modelarts:Notebook";
/** Two images of the emulator's catalogue (emulator/notebooks/imageCatalog.ts). */
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const OTHER_IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9";
const NOTEBOOK = "/v1/{project_id}/notebooks/{id}";
const STOP = `POST ${NOTEBOOK}/stop`;
const START = `POST ${NOTEBOOK}/start`;
const PUT = `PUT ${NOTEBOOK}`;
const SWITCHABLE = `GET ${NOTEBOOK}/flavors`;
const POST = "POST /v1/{project_id}/notebooks";
const DELETE = `DELETE ${NOTEBOOK}`;

/** The name check generated (`main-xxxxxxx`); a replacement gets a new one. */
let generatedName: string;

/** Requests per route since the last reset, as `{ "POST …/stop": 1 }`. */
async function counts(run: LifecycleRun): Promise<Record<string, number>> {
  return (await run.emulator.admin.requestCounts()).byRoute;
}

lifecycleScenario({
  type: "Notebook",
  noun: "notebook",
  idOutput: "notebookId",
  stack: "notebook",
  config: {
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    capacityGb: "10",
    tags: JSON.stringify({ team: "ml" }),
  },
  live: (emulator: Emulator) => emulator.admin.listNotebooks(),
  report: { title: "e2e notebook", file: "e2e-notebook.json", stepWidth: 34 },

  created: {
    title: "pulumi up creates the notebook: RUNNING, with a URL and the image it runs",
    async check(run, { out, live }) {
      expect(out).toMatchObject({
        name: expect.stringMatching(/^main-[a-z0-9]{7}$/),
        image: { id: IMAGE, name: "notebook2.0-mul-kernel-cpu-cp36", type: "BUILD_IN" },
        volume: { category: "EVS", ownership: "MANAGED", capacityGb: 10 },
        failReason: "",
      });
      generatedName = out.name as string;
      expect(live[0]).toMatchObject({ name: generatedName });
      expect(live[0]!.tags).toEqual(expect.arrayContaining([{ key: "team", value: "ml" }]));
      // The API does return the notebook's token (so the state checks mean something).
      expect(JSON.stringify(await run.emulator.admin.getNotebook(run.firstId))).toContain(FAKE_NOTEBOOK_TOKEN);
    },
  },

  inPlace: {
    title: "description and tags change in place: no stop, no start",
    config: { tags: JSON.stringify({ team: "ml", owner: "alice" }) },
    diff: "~description,tags",
    beforeUp: (run) => run.emulator.admin.resetRequestCounts(),
    async check(run, live) {
      const requests = await counts(run);
      expect({ put: requests[PUT], stop: requests[STOP] ?? 0, start: requests[START] ?? 0 }).toEqual({
        put: 1,
        stop: 0,
        start: 0,
      });
      expect(live[0]!.tags).toEqual(
        expect.arrayContaining([
          { key: "team", value: "ml" },
          { key: "owner", value: "alice" },
        ]),
      );
    },
  },

  ownSteps: [
    {
      title: "the EVS volume grows in place; a shrink fails at preview, naming volume.capacityGb, with no API call",
      async run(run) {
        await run.setConfig("capacityGb", "20");
        const preview = await run.pulumi("preview (grow)", ["preview", "--diff"]);
        expect(preview.stdout).toMatch(/~ capacityGb\s*: 10 => 20/);
        expect(preview.stdout).toContain("~ 1 to update");
        expect(preview.stdout).not.toMatch(/replace/);
        const up = await run.pulumi("up (grow)", ["up", "--yes"]);
        expect(up.stdout).toMatch(run.row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~volume\\]"));
        const live = await run.emulator.admin.getNotebook(run.currentId);
        expect(live).toMatchObject({ id: run.currentId, status: "RUNNING", volume: { capacity: 20 } });

        await run.setConfig("capacityGb", "15");
        await run.emulator.admin.resetRequestCounts();
        const shrink = await run.pulumi("preview (shrink refused)", ["preview"], "fail");
        expect(text(shrink)).toContain("volume.capacityGb can only grow (the volume has 20 GB, got 15)");
        expect((await run.emulator.admin.requestCounts()).total).toBe(0);
        await run.setConfig("capacityGb", "20");
      },
    },
    {
      title: "flavor and image change with one stop and one start, said at preview; the notebook runs again",
      async run(run) {
        await run.setConfig("flavor", "modelarts.vm.cpu.8u");
        await run.setConfig("imageId", OTHER_IMAGE);
        const preview = await run.pulumi("preview (stop and start)", ["preview"]);
        expect(preview.stdout).toMatch(run.row("~", "main", "update \\[diff: ~flavor,imageId\\]"));
        expect(preview.stdout).not.toMatch(/replace/);
        // The notice is logged against the resource: it shows under its name among the diagnostics.
        const notice = new RegExp(
          `update notebook "${generatedName}" \\(${run.currentId}\\): flavor, imageId change in place with a stop ` +
            "and a start \\(the notebook is RUNNING\\); it is started again afterwards",
        );
        expect(preview.stdout).toMatch(notice);
        expect(preview.stdout).toMatch(
          new RegExp(`${TYPE.replace(/[/.]/g, "\\$&")} \\(main\\):\\n\\s+${notice.source}`),
        );

        await run.emulator.admin.resetRequestCounts();
        const up = await run.pulumi("up (stop and start)", ["up", "--yes"]);
        expect(up.stdout).toMatch(run.row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~flavor,imageId\\]"));
        const requests = await counts(run);
        expect({ stop: requests[STOP], start: requests[START] }).toEqual({ stop: 1, start: 1 });

        const out = await run.outputs();
        expect(out).toMatchObject({
          id: run.currentId,
          status: "RUNNING",
          flavor: "modelarts.vm.cpu.8u",
          image: { id: OTHER_IMAGE },
        });
        expect(await run.emulator.admin.getNotebook(run.currentId)).toMatchObject({
          status: "RUNNING",
          flavor: "modelarts.vm.cpu.8u",
          image: { id: OTHER_IMAGE },
        });
      },
    },
    {
      title:
        "a flavor the notebook cannot switch to fails preview and up, naming it and the allowed ones; nothing is stopped",
      async run(run) {
        await run.setConfig("flavor", "modelarts.vm.gpu.v100");
        const refusal =
          `update notebook "${generatedName}" (${run.currentId}): flavor "modelarts.vm.gpu.v100" is not one this ` +
          'notebook can switch to (it runs "modelarts.vm.cpu.8u"); it can switch to "modelarts.vm.cpu.2u", ' +
          '"modelarts.vm.cpu.16u". Nothing was changed and the notebook was not stopped';
        await run.emulator.admin.resetRequestCounts();
        const preview = await run.pulumi("preview (flavor refused)", ["preview"], "fail");
        expect(text(preview)).toContain(refusal);
        const up = await run.pulumi("up (flavor refused)", ["up", "--yes"], "fail");
        expect(text(up)).toContain(refusal);
        // Each run read the switchable list (and the notebook, to tell a switch from drift); nothing was sent to
        // change it.
        const requests = await counts(run);
        expect(requests[SWITCHABLE]).toBe(2);
        expect({ stop: requests[STOP] ?? 0, put: requests[PUT] ?? 0, start: requests[START] ?? 0 }).toEqual({
          stop: 0,
          put: 0,
          start: 0,
        });
        expect(await run.emulator.admin.getNotebook(run.currentId)).toMatchObject({
          status: "RUNNING",
          flavor: "modelarts.vm.cpu.8u",
        });
        await run.setConfig("flavor", "modelarts.vm.cpu.8u");
        await run.pulumi("preview (no changes)", ["preview", "--expect-no-changes"]);
      },
    },
    {
      title: "desiredStatus STOPPED stops it, then RUNNING starts it again, in place",
      async run(run) {
        await run.setConfig("desiredStatus", "STOPPED");
        await run.emulator.admin.resetRequestCounts();
        const stop = await run.pulumi("up (STOPPED)", ["up", "--yes"]);
        expect(stop.stdout).toMatch(run.row("~", "main", "updated \\([\\d.]+s\\) \\[diff: \\+desiredStatus\\]"));
        expect((await run.outputs()).status).toBe("STOPPED");
        expect((await run.emulator.admin.getNotebook(run.currentId)).status).toBe("STOPPED");
        expect((await counts(run))[STOP]).toBe(1);
        await run.pulumi("preview (no changes)", ["preview", "--expect-no-changes"]);

        await run.setConfig("desiredStatus", "RUNNING");
        await run.emulator.admin.resetRequestCounts();
        const start = await run.pulumi("up (RUNNING)", ["up", "--yes"]);
        expect(start.stdout).toMatch(run.row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~desiredStatus\\]"));
        expect((await run.outputs()).status).toBe("RUNNING");
        expect((await run.emulator.admin.getNotebook(run.currentId)).status).toBe("RUNNING");
        const requests = await counts(run);
        expect({ stop: requests[STOP] ?? 0, start: requests[START] }).toEqual({ stop: 0, start: 1 });
      },
    },
  ],

  drift: {
    async edit(run) {
      await run.emulator.admin.updateNotebook(run.currentId, { description: DESCRIPTIONS.edited });
    },
  },

  replacement: {
    title:
      "a volume category change that would delete the EVS volume fails preview and up, naming the input; with the " +
      "opt-in it replaces the notebook, deleting the old one first, under a new name",
    config: { volumeCategory: "EFS" },
    optIn: {
      config: { allowDataLossOnReplace: "true" },
      async refused(run) {
        const size = ((await run.outputs()).volume as { capacityGb: number }).capacityGb;
        const refusal = new RegExp(
          `replace notebook "${generatedName}" \\(${run.currentId}\\): volume\\.category \\("EVS" → "EFS"\\) can ` +
            "only change on a new notebook, and the replacement would delete this notebook with its EVS volume " +
            `\\(${size} GB\\) and every file saved on it\\. Nothing was changed\\. To replace it anyway, set ` +
            "allowDataLossOnReplace: true on the resource",
        );
        await run.emulator.admin.resetRequestCounts();
        const refused = await run.pulumi("preview (replace refused)", ["preview"], "fail");
        expect(text(refused)).toMatch(refusal);
        expect(refused.stdout).not.toMatch(run.row("+-", "main", "replace"));
        expect((await run.emulator.admin.requestCounts()).total).toBe(0);
        const refusedUp = await run.pulumi("up (replace refused)", ["up", "--yes"], "fail");
        expect(text(refusedUp)).toMatch(refusal);
        expect((await counts(run))[DELETE] ?? 0).toBe(0);
        expect(await run.live()).toEqual([
          expect.objectContaining({
            id: run.currentId,
            status: "RUNNING",
            volume: expect.objectContaining({ category: "EVS" }),
          }),
        ]);
      },
    },
    // A replacement gets a new owner mark, so a new generated name, which preview cannot know yet (frame/ownerMark.ts).
    diff: "\\+allowDataLossOnReplace~name,volume",
    check(_run, { out, live }) {
      expect(out).toMatchObject({ name: expect.stringMatching(/^main-[a-z0-9]{7}$/), volume: { category: "EFS" } });
      expect(out.name).not.toBe(generatedName);
      generatedName = out.name as string;
      expect(live[0]).toMatchObject({ name: generatedName, volume: { category: "EFS" } });
    },
  },

  deleteOutOfBand: (run) => run.emulator.admin.deleteNotebook(run.currentId),

  failedCreate: {
    arm: (run) => run.emulator.admin.failNextNotebookCreates({ reason: "Insufficient resources in the pool." }),
    error:
      /create notebook "second-[a-z0-9]{7}" \([0-9a-f-]{36}\): the notebook is CREATE_FAILED; Insufficient resources in the pool\./,
    reason: "Insufficient resources in the pool.",
    failedOutputs: { failReason: "Insufficient resources in the pool." },
    // It holds no data, so no allowDataLossOnReplace is needed.
    replacedOutputs: { failReason: "" },
    beforeReplace: (run) => run.emulator.admin.resetRequestCounts(),
    async checkReplace(run) {
      const requests = await counts(run);
      expect({ post: requests[POST], delete: requests[DELETE] }).toEqual({ post: 1, delete: 1 });
    },
  },
});
