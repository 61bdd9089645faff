// The programme's terms stay its own: no locale string (nor the FAQ's text in that language) may
// use a word locales/GLOSSARY.md marks as wrong.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "../../prisma/data/faq.js";

const root = path.resolve(import.meta.dirname, "../..");
const rows = readFileSync(path.join(root, "locales/GLOSSARY.md"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| meaning"));
const wrong = { kk: [] as string[], ru: [] as string[] };
for (const row of rows) {
  const cells = row
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
  wrong.kk.push(
    ...cells[3]!
      .split(";")
      .map((w) => w.trim())
      .filter(Boolean),
  );
  wrong.ru.push(
    ...cells[4]!
      .split(";")
      .map((w) => w.trim())
      .filter(Boolean),
  );
}

function texts(lang: "kk" | "ru"): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") out.push([where, value]);
    else if (value && typeof value === "object")
      for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
  };
  for (const file of readdirSync(path.join(root, "locales", lang)))
    walk(JSON.parse(readFileSync(path.join(root, "locales", lang, file), "utf8")), file);
  // the FAQ's question, answer and source; its other phrasings are what people type, wrong words included
  for (const entry of FAQ_ENTRIES)
    walk({ q: entry[lang].q, a: entry[lang].a, source: entry[lang].source }, `faq ${entry.id}`);
  return out;
}

describe("the glossary", () => {
  it("has wrong terms to look for", () => {
    expect(wrong.kk.length).toBeGreaterThan(8);
  });

  it.each(["kk", "ru"] as const)("is kept by every %s text", (lang) => {
    const found = texts(lang).flatMap(([where, text]) =>
      wrong[lang]
        .filter((term) => text.toLowerCase().includes(term.toLowerCase()))
        .map((term) => `${where}: «${term}»`),
    );
    expect(found).toEqual([]);
  });
});

describe("the FAQ's buttons", () => {
  it.each(["kk", "ru"] as const)(
    "are named by their real labels in %s, every one of them a key that exists",
    async (lang) => {
      const { testI18n } = await import("../helpers/harness.js");
      const { withLabels, BUTTON_LABEL } = await import("../../src/bot/faq-labels.js");
      const i18n = await testI18n();
      const t = i18n.getFixedT(lang);
      let labels = 0;
      for (const entry of FAQ_ENTRIES) {
        for (const match of entry[lang].a.matchAll(BUTTON_LABEL)) {
          labels++;
          expect(i18n.exists(match[1]!, { lng: lang }), `${entry.id}: ${match[1]}`).toBe(true);
        }
        expect(withLabels(t, entry[lang].a)).not.toContain("$t(");
      }
      expect(labels).toBeGreaterThan(10);
      const register = FAQ_ENTRIES.find((e) => e[lang].a.includes("$t(seeker:profile.register)"))!;
      expect(withLabels(t, register[lang].a)).toContain(`«${t("seeker:profile.register")}»`);
    },
  );
});
