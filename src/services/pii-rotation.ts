// Key rotation: every sealed IIN and phone decrypted with the old key and sealed with the new one,
// and the IIN's lookup hash made anew, in one transaction (all or nothing).
import type { Db } from "../db/client.js";
import type { Pii } from "./pii.js";

const BATCH = 500;

export async function rotatePiiKey(db: Db, from: Pii, to: Pii): Promise<number> {
  return db.$transaction(async (tx) => {
    let rotated = 0;
    for (let afterId = 0; ; ) {
      const profiles = await tx.seekerProfile.findMany({
        where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, iinCipher: true, phoneCipher: true },
      });
      if (profiles.length === 0) return rotated;
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
  }, { timeout: 10 * 60_000 });
}
