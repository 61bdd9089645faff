import type { Db } from "../store.js";
import { seedDemoData } from "./demo.js";
import { seedReferenceData } from "./reference.js";

export interface SeedOutcome {
  reference: boolean;
  demo: boolean;
}

/** Fills what is missing: reference data always, demo data when asked and no project exists. */
export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<SeedOutcome> {
  const reference = (await db.region.count()) === 0;
  if (reference) await seedReferenceData(db);
  const demo = options.demo && (await db.project.count()) === 0;
  if (demo) await seedDemoData(db);
  return { reference, demo };
}
