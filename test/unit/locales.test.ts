import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Kazakh and Russian are twins: the same files, keys and {{variables}}.
const root = path.resolve(import.meta.dirname, "../../locales");
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, String(value));
  return out;
}

function load(lang: string) {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(root, lang)).sort()) {
    flatten(JSON.parse(readFileSync(path.join(root, lang, file), "utf8")), `${path.basename(file, ".json")}:`, out);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/{{\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe("locales", () => {
  const kk = load("kk");
  const ru = load("ru");

  it("have the same files", () => {
    expect(readdirSync(path.join(root, "kk")).sort()).toEqual(readdirSync(path.join(root, "ru")).sort());
  });

  it("have the same keys (plural forms aside)", () => {
    const base = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.replace(PLURAL, "")))].sort();
    expect(base(kk.keys())).toEqual(base(ru.keys()));
  });

  it("use the same {{variables}} in every key", () => {
    for (const [key, text] of kk) if (ru.has(key)) expect(variables(text), key).toEqual(variables(ru.get(key)!));
  });

  it("write Kazakh in Kazakh: no empty text, and Kazakh letters in the Kazakh texts", () => {
    for (const [key, text] of [...kk, ...ru]) expect(text.trim(), key).not.toBe("");
    const kazakhLetters = [...kk.values()].filter((text) => /[әғқңөұүһі]/i.test(text)).length;
    expect(kazakhLetters / kk.size).toBeGreaterThan(0.6);
  });
});
