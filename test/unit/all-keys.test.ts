// Every key of every namespace, in both languages, rendered as the bot renders it: with each count a
// person may meet (0, 1, 2, 3, 5, 11, 21, 22) and every {{variable}} filled. Plural forms follow the
// language's own rules (Intl.PluralRules: Kazakh one/other, Russian one/few/many/other): a key that
// lacks the form a count selects prints its own name, and this test fails. It reads the files, not a
// list, so a key added tomorrow is covered without touching it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/domain/language.js";
import { testI18n } from "../helpers/harness.js";

const root = path.resolve(import.meta.dirname, "../../locales");
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  else out.set(prefix, String(value));
  return out;
}

/** Each language's keys as `ns:path` (plural forms apart) with their texts. */
function keysOf(lang: string) {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(root, lang)).filter((f) => f.endsWith(".json"))) {
    const texts = flatten(JSON.parse(readFileSync(path.join(root, lang, file), "utf8")), "", new Map());
    for (const [key, text] of texts) out.set(`${path.basename(file, ".json")}:${key}`, text);
  }
  return out;
}

const variablesOf = (texts: string[]) => [
  ...new Set(texts.flatMap((text) => [...text.matchAll(/{{\s*([\w.]+)/g)].map((m) => m[1]!))),
];
const BROKEN = ["{{", "undefined", "NaN", "Invalid Date", "[object", "$t("];

describe.each(LANGUAGES)("every key in %s", (lang) => {
  const keys = keysOf(lang);
  const bases = new Map<string, string[]>();
  for (const [key, text] of keys) {
    const base = key.replace(PLURAL, "");
    bases.set(base, [...(bases.get(base) ?? []), text]);
  }
  const namespaces = new Set([...keys.keys()].map((key) => key.split(":")[0]!));
  /** A key's name left in a text: `ns:path.to.key` of a namespace that exists. */
  const keyName = new RegExp(`\\b(?:${[...namespaces].join("|")}):[a-z_]+(?:\\.[a-z_0-9]+)+`);

  it("has every plural form its language's rules select", () => {
    const rules = new Intl.PluralRules(lang);
    const forms = new Set([...COUNTS, 1.5].map((n) => rules.select(n)));
    const missing = [...keys.keys()]
      .filter((key) => PLURAL.test(key))
      .map((key) => key.replace(PLURAL, ""))
      .flatMap((base) => [...forms].filter((form) => !keys.has(`${base}_${form}`)).map((form) => `${base}_${form}`));
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each([...bases.keys()].sort())("%s reads as a sentence with every count", async (base) => {
    const t = (await testI18n()).getFixedT(lang);
    const variables = variablesOf(bases.get(base)!);
    for (const count of COUNTS) {
      const values = Object.fromEntries(variables.map((name) => [name, count]));
      const text = t(base, { ...values, count });
      const where = `${base} with ${count}: ${text}`;
      expect(text, where).not.toBe(base);
      expect(text, where).not.toBe(base.split(":")[1]);
      expect(text, where).not.toMatch(keyName);
      for (const broken of BROKEN) expect(text.includes(broken), where).toBe(false);
    }
  });
});
