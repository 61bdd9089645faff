// Key rotation: every sealed IIN and phone decrypted with the old key and sealed with the new one,
// the IIN's lookup hash made anew, and every conversation's state sealed anew, in one transaction
// (all or nothing).
import type { Store } from "../db/store.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Pii } from "./pii.js";
import { isExpiredSession, openSession, sealSession } from "../db/prisma-storage.js";

const BATCH = 500;

export async function rotatePiiKey(store: Store, from: Pii, to: Pii): Promise<number> {
  return store.transaction(async (tx) => {
    let rotated = 0;
    for (let afterId = 0; ; ) {
      const profiles = await tx.rows<{ id: number; iinCipher: string; phoneCipher: string }>(Prisma.sql`
        select id, "iinCipher", "phoneCipher" from "SeekerProfile" where id > ${afterId} order by id limit ${BATCH}`);
      if (profiles.length === 0) break;
      const iins = profiles.map((profile) => from.decrypt(profile.iinCipher)); // a value not sealed with the old key stops everything here
      await tx.execute(Prisma.sql`
        update "SeekerProfile" p set "iinCipher" = x.iin, "iinHash" = x.hash, "phoneCipher" = x.phone
        from unnest(${profiles.map((profile) => profile.id)}::int[], ${iins.map((iin) => to.encrypt(iin))}::text[],
          ${iins.map((iin) => to.hash(iin))}::text[], ${profiles.map((profile) => to.encrypt(from.decrypt(profile.phoneCipher)))}::text[]) as x(id, iin, hash, phone)
        where p.id = x.id`);
      rotated += profiles.length;
      afterId = profiles.at(-1)!.id;
    }
    const sessions = await tx.rows<{ key: string; value: unknown }>(Prisma.sql`select key, value from "Session"`);
    for (const session of sessions) {
      if (isExpiredSession(session.value)) continue;
      await tx.execute(Prisma.sql`update "Session" set value = ${JSON.stringify(sealSession(to, openSession(from, session.value)))}::jsonb where key = ${session.key}`);
    }
    return rotated;
  }, { statementTimeoutMs: 10 * 60_000 });
}
