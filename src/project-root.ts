import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's folder (where package.json, locales/ and prisma/ are), wherever it was cloned. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
