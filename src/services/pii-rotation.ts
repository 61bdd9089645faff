// Key rotation: every sealed IIN and phone decrypted with the old key and sealed with the new one,
// the IIN's lookup hash made anew, and every conversation's state sealed anew, in one transaction
// (all or nothing).
import type { Store } from "../db/store.js";
import { sql } from "kysely";
import { q } from "../db/typed.js";
import type { Pii } from "./pii.js";
import { isExpiredSession, openSession, sealSession } from "../db/prisma-storage.js";

const BATCH = 500;

export async function rotatePiiKey(store: Store, from: Pii, to: Pii): Promise<number> {
  return store.transaction(
    async (tx) => {
      let rotated = 0;
      for (let afterId = 0; ; ) {
        const profiles = await tx.all(
          q
            .selectFrom("SeekerProfile")
            .select(["id", "iinCipher", "phoneCipher"])
            .where("id", ">", afterId)
            .orderBy("id")
            .limit(BATCH),
        );
        if (profiles.length === 0) break;
        const iins = profiles.map((profile) => from.decrypt(profile.iinCipher)); // a value not sealed with the old key stops everything here
        // A batch in one statement: the arrays unnested side by side (unnest in a select list zips them).
        const sealed = q
          .selectNoFrom([
            sql<number>`unnest(${profiles.map((profile) => profile.id)}::int[])`.as("id"),
            sql<string>`unnest(${iins.map((iin) => to.encrypt(iin))}::text[])`.as("iin"),
            sql<string>`unnest(${iins.map((iin) => to.hash(iin))}::text[])`.as("hash"),
            sql<string>`unnest(${profiles.map((profile) => to.encrypt(from.decrypt(profile.phoneCipher)))}::text[])`.as(
              "phone",
            ),
          ])
          .as("x");
        await tx.run(
          q
            .updateTable("SeekerProfile as p")
            .from(sealed)
            .set((eb) => ({ iinCipher: eb.ref("x.iin"), iinHash: eb.ref("x.hash"), phoneCipher: eb.ref("x.phone") }))
            .whereRef("p.id", "=", "x.id"),
        );
        rotated += profiles.length;
        afterId = profiles.at(-1)!.id;
      }
      const sessions = await tx.all(q.selectFrom("Session").select(["key", "value"]));
      for (const session of sessions) {
        if (isExpiredSession(session.value)) continue;
        await tx.run(
          q
            .updateTable("Session")
            .set({ value: JSON.stringify(sealSession(to, openSession(from, session.value))) })
            .where("key", "=", session.key),
        );
      }
      return rotated;
    },
    { statementTimeoutMs: 10 * 60_000 },
  );
}
