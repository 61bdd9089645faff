// Personal data at rest: AES-256-GCM for the IIN and the phone, and a keyed hash (HMAC-SHA-256)
// of the IIN for uniqueness and lookup. Both keys are derived from one 32-byte master key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Store } from "../db/store.js";
import { q } from "../db/typed.js";

export interface Pii {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  hash(plain: string): string;
  /** A signature of `text` for links the bot gives out (a referral's check): HMAC-SHA-256, base64url. */
  sign(text: string): string;
}

const VERSION = "v1";

export function createPii(masterKey: Buffer): Pii {
  if (masterKey.length !== 32) throw new Error("the personal-data key must be 32 bytes");
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, 32));
  const encryptionKey = derive("roadmap-bot pii encryption");
  const hashKey = derive("roadmap-bot pii lookup hash");
  const linkKey = derive("roadmap-bot signed links");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(
        ":",
      );
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
    hash: (plain) => createHmac("sha256", hashKey).update(plain).digest("hex"),
    sign: (text) => createHmac("sha256", linkKey).update(text).digest("base64url"),
  };
}

/** The embedded default: a key generated once into the data folder, readable by its owner only. */
export function loadOrCreateKeyFile(file: string): Buffer {
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
  return key;
}

/** Whether the key opens the personal data already stored (true when there is none yet). */
export async function keyOpensData(store: Store, pii: Pii): Promise<boolean> {
  const [sealed] = await store.all(q.selectFrom("SeekerProfile").select("iinCipher").orderBy("id").limit(1));
  if (!sealed) return true;
  try {
    pii.decrypt(sealed.iinCipher);
    return true;
  } catch {
    return false;
  }
}
