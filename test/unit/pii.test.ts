import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPii, loadOrCreateKeyFile } from "../../src/services/pii.js";

const key = Buffer.alloc(32, 7);

describe("personal data at rest", () => {
  it("encrypts so that the text does not show and decrypts back", () => {
    const pii = createPii(key);
    const sealed = pii.encrypt("900101300126");
    expect(sealed).not.toContain("900101300126");
    expect(pii.encrypt("900101300126")).not.toBe(sealed); // a fresh IV each time
    expect(pii.decrypt(sealed)).toBe("900101300126");
  });

  it("refuses a tampered value and another key", () => {
    const sealed = createPii(key).encrypt("+77012345678");
    const [v, iv, tag, body] = sealed.split(":");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    expect(() => createPii(key).decrypt([v, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
    expect(() => createPii(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
  });

  it("hashes with the key: stable for lookup, different under another key", () => {
    expect(createPii(key).hash("900101300126")).toBe(createPii(key).hash("900101300126"));
    expect(createPii(key).hash("900101300126")).not.toBe(createPii(Buffer.alloc(32, 8)).hash("900101300126"));
  });

  it("creates the embedded key file once, owner-only", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pii-")), "keys", "pii.key");
    const first = loadOrCreateKeyFile(file);
    expect(loadOrCreateKeyFile(file).equals(first)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
