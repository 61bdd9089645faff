// Rotating the personal-data key: the operator's script on a database of registered people.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPii } from "../../src/services/pii.js";
import { rotatePiiKey } from "../../src/services/pii-rotation.js";
import { readProfile } from "../../src/services/seekers.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, TEST_PII_KEY, type Harness } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const NEW_KEY = Buffer.alloc(32, 7);
let database: TestDatabase;
let harness: Harness;
const people: Array<{ userId: number; iin: string; phone: string }> = [];

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
  for (const phone of ["+77011112233", "+77022223344", "+77033334455"]) {
    const iin = makeIin("900101", 3);
    const user = await registerSeeker(database.store, harness.person(), { iin, phone, districtKato: MEDEU });
    people.push({ userId: user.id, iin, phone });
  }
});
afterAll(() => closeTestBot({ database, harness }));

describe("npm run pii:rotate", () => {
  it("refuses to run without both keys", async () => {
    const failed = await run("npx", ["tsx", "scripts/rotate-pii-key.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, PII_OLD_KEY: "", PII_KEY: "" },
    }).then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failed).toContain("PII_OLD_KEY must be 32 bytes");
  });

  it("re-encrypts every IIN and phone under the new key, and the IIN is found by its new hash", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/rotate-pii-key.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PII_OLD_KEY: TEST_PII_KEY.toString("base64"),
        PII_KEY: NEW_KEY.toString("base64"),
      },
    });
    expect(stdout).toContain(`${people.length} profiles re-encrypted`);
    const [oldPii, newPii] = [createPii(TEST_PII_KEY), createPii(NEW_KEY)];
    for (const person of people) {
      const profile = await readProfile(database.store, newPii, person.userId);
      expect([profile?.iin, profile?.phone]).toEqual([person.iin, person.phone]);
      expect(
        (await database.db.seekerProfile.findUnique({ where: { iinHash: newPii.hash(person.iin) } }))?.userId,
      ).toBe(person.userId);
      expect(() => oldPii.decrypt(profile!.iinCipher)).toThrow();
    }
  });

  it("changes nothing when one value does not open with the old key", async () => {
    const [newPii, newerPii] = [createPii(NEW_KEY), createPii(Buffer.alloc(32, 8))];
    await database.db.seekerProfile.update({
      where: { userId: people[2]!.userId },
      data: { phoneCipher: createPii(Buffer.alloc(32, 1)).encrypt("+77000000000") },
    });
    const before = await database.db.seekerProfile.findMany({ orderBy: { id: "asc" } });
    await expect(rotatePiiKey(database.store, newPii, newerPii)).rejects.toThrow();
    expect(await database.db.seekerProfile.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
