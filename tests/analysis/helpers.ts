// The analysis tests' conference: the shipped sample table (with criteria and the appraisal's notes) imported and published.
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";

/** An organizer imports the sample table and, unless told, publishes it. */
export async function importSample(h: TestApp, options: { publish?: boolean } = {}): Promise<void> {
  const org = h.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  await org.say("1");
  if (options.publish !== false) await org.say("/congbo xacnhan");
}

/** An app some weeks before the conference, the sample table imported and, unless told, published. */
export async function publishedSample(options: { publish?: boolean; now?: string } = {}): Promise<TestApp> {
  const h = await createTestApp({ now: options.now ?? "2027-05-01T02:00:00Z" });
  await importSample(h, options);
  return h;
}
