import type { Db } from "../store.js";
import { seedDemoData, type SeedProgress } from "./demo.js";
import { seedReferenceData } from "./reference.js";

export interface SeedOutcome {
  reference: boolean;
  demo: boolean;
}

/** Fills what is missing: reference data always, demo data when asked and no project exists. */
export async function seedDatabase(db: Db, options: { demo: boolean; progress?: SeedProgress }): Promise<SeedOutcome> {
  const reference = await seedReference(db);
  const demo = options.demo && (await needsDemo(db));
  if (demo) await seedDemoData(db, options.progress);
  return { reference, demo };
}

/** The reference data (regions, districts, professions, rates), when missing: seconds at most. */
export async function seedReference(db: Db): Promise<boolean> {
  const missing = (await db.region.count()) === 0;
  if (missing) await seedReferenceData(db);
  return missing;
}

/** Whether the demo data would go in: no project yet. */
export const needsDemo = async (db: Db) => (await db.project.count()) === 0;

export { seedDemoData, type SeedProgress };
