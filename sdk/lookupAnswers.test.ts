/**
 * The lookups (getNotebookFlavors, getNotebookImages) on answers with nulls, other types and unknown fields
 * (issue 15 point 1): the documented samples (provider/api/testdata/huaweiSamples) and their generated variants,
 * served by the emulator's `body` fault, and the emulator's own answers in its `nulls` style. What a lookup returns
 * never holds null or the string "null"; an entry it could return whose id (or, for an exact name, whose name)
 * cannot be read fails the lookup, naming it.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { useProgramOnEmulator } from "../test/support/programOnEmulator.js";
import { everyField, withUnknownFields, type Mutation } from "../test/support/answerVariants.js";
import { nullsInside } from "../test/support/outputNulls.js";
import { getNotebookFlavors } from "./getNotebookFlavors.js";
import { getNotebookImages } from "./getNotebookImages.js";

type Json = Record<string, unknown>;
const SAMPLES = path.join(__dirname, "../provider/api/testdata/huaweiSamples");
const body = (file: string) =>
  (JSON.parse(readFileSync(path.join(SAMPLES, `${file}.json`), "utf8")) as { body: Json }).body;
const FLAVORS = body("notebooks-flavors");
const IMAGES = body("notebooks-images");
const PYTORCH = "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04";

const { emulator } = useProgramOnEmulator();

async function answer(route: string, value: unknown, count = 1): Promise<void> {
  await emulator.admin.injectFault({ route: `GET ${route}`, kind: "body", rawBody: JSON.stringify(value), count });
}

const cleanly = (result: object) => expect(nullsInside(result as Json)).toEqual([]);

test.each(["null", "absent", "otherType", "otherForm"] as Mutation[])(
  "flavors and images with every optional field %s, and unknown fields at every level",
  async (mutation) => {
    await answer(
      "/v1/{project_id}/notebooks/flavors",
      withUnknownFields(everyField("NotebookFlavorsResponse", FLAVORS, mutation, { keepActedOn: true })),
    );
    const flavors = await getNotebookFlavors({ availableOnly: false });
    expect(flavors.id).toBe("modelarts.vm.cpu.2u");
    cleanly(flavors);

    await answer(
      "/v1/{project_id}/images",
      withUnknownFields(everyField("NotebookImagesResponse", IMAGES, mutation, { keepActedOn: true })),
    );
    const images = await getNotebookImages({ name: PYTORCH });
    expect(images.id).toBe("278e88d1-5b71-4766-8502-b3ba72e824d9");
    cleanly(images);
  },
);

test("the emulator's own answers written with nulls", async () => {
  await emulator.admin.setAnswerStyle("nulls");
  cleanly(await getNotebookFlavors({ category: "GPU", availableOnly: false }));
  // A CPU flavor's gpu comes as an object of nulls: it reports no card.
  const cpu = await getNotebookFlavors({ category: "CPU" });
  expect(cpu.flavors.map((f) => [f.id, f.gpu, f.ascend])).toEqual(cpu.flavors.map((f) => [f.id, undefined, undefined]));
  cleanly(await getNotebookImages({ name: "cuda", nameFuzzy: true }));
});

test("an image the lookup could return, listed without a readable id or name, fails the lookup naming it", async () => {
  const [first, second] = IMAGES.data as Json[];
  await answer("/v1/{project_id}/images", { ...IMAGES, data: [first, { ...second, id: null }] });
  await expect(getNotebookImages({ name: PYTORCH })).rejects.toThrow(
    `look up notebook images: the service listed an image named "${PYTORCH}" without a readable id, so the lookup ` +
      "cannot tell which image to return",
  );
  await answer("/v1/{project_id}/images", { ...IMAGES, data: [first, { ...second, name: null }] });
  await expect(getNotebookImages({ name: PYTORCH })).rejects.toThrow(
    'the service listed image "278e88d1-5b71-4766-8502-b3ba72e824d9" without a readable name',
  );
  await answer("/v1/{project_id}/images", { ...IMAGES, data: [first, { ...second, name: 42 }] });
  await expect(getNotebookImages({ name: PYTORCH })).rejects.toThrow(
    "does not match NotebookImagesResponse (data[1].name must be a string (got 42))",
  );
  // Another name's entry is not one the lookup could return: it is not needed, and not an error.
  await answer("/v1/{project_id}/images", { ...IMAGES, data: [{ ...first, id: null }, second] });
  expect((await getNotebookImages({ name: PYTORCH })).id).toBe("278e88d1-5b71-4766-8502-b3ba72e824d9");
});
