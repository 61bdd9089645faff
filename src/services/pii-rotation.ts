// Key rotation: every sealed IIN and phone decrypted with the old key and sealed with the new one,
// the IIN's lookup hash made anew, and every conversation's state sealed anew, in one transaction
// (all or nothing).
import type { Db } from "../db/client.js";
import type { Pii } from "./pii.js";
import { isExpiredSession, openSession, sealSession } from "../db/prisma-storage.js";

const BATCH = 500;

export async function rotatePiiKey(db: Db, from: Pii, to: Pii): Promise<number> {
  return db.$transaction(async (tx) => {
    let rotated = 0;
    for (let afterId = 0; ; ) {
      const profiles = await tx.seekerProfile.findMany({
        where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, iinCipher: true, phoneCipher: true },
      });
      if (profiles.length === 0) break;
      for (const profile of profiles) {
        const iin = from.decrypt(profile.iinCipher); // a value not sealed with the old key stops everything here
        await tx.seekerProfile.update({
          where: { id: profile.id },
          data: { iinCipher: to.encrypt(iin), iinHash: to.hash(iin), phoneCipher: to.encrypt(from.decrypt(profile.phoneCipher)) },
        });
      }
      rotated += profiles.length;
      afterId = profiles.at(-1)!.id;
    }
    const sessions = await tx.session.findMany({ select: { key: true, value: true } });
    for (const session of sessions) {
      if (isExpiredSession(session.value)) continue;
      await tx.session.update({ where: { key: session.key }, data: { value: sealSession(to, openSession(from, session.value)) } });
    }
    return rotated;
  }, { timeout: 10 * 60_000 });
}
