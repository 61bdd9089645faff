// Re-encrypts the personal data under a new key. With the bot stopped:
//   PII_OLD_KEY=<current key> PII_KEY=<new key> npm run pii:rotate
// then start the bot with the new PII_KEY. Nothing changes unless every value rotates.
import { openStore } from "../src/db/store.js";
import { provisionDatabase } from "../src/db/provision.js";
import { createPii } from "../src/services/pii.js";
import { rotatePiiKey } from "../src/services/pii-rotation.js";

const key = (name: string) => {
  const value = Buffer.from(process.env[name] ?? "", "base64");
  if (value.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return value;
};
const [oldKey, newKey] = [key("PII_OLD_KEY"), key("PII_KEY")];
if (oldKey.equals(newKey)) throw new Error("PII_KEY is the same as PII_OLD_KEY");
const database = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
const store = openStore(database.url);
try {
  const rotated = await rotatePiiKey(store, createPii(oldKey), createPii(newKey));
  console.log(`${rotated} profiles re-encrypted: start the bot with the new PII_KEY`);
} finally {
  await store.close();
  await database.stop();
}
