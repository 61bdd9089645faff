import { describe, expect, it } from "vitest";
import { createI18n, LANGUAGES } from "../../src/presentation/i18n.js";

// The fixed t of createI18n keeps what i18next resolved; i18n.t (not memoized) is the reference.
const i18n = await createI18n();

function keysOf(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value))
      keysOf(inner, prefix.endsWith(":") ? prefix + key : `${prefix}.${key}`, out);
  }
  return out;
}

const textsOf = (lang: string) => {
  const out = new Map<string, string>();
  for (const [ns, resource] of Object.entries(i18n.store.data[lang] ?? {})) keysOf(resource, `${ns}:`, out);
  return out;
};

describe("the memoized t", () => {
  for (const lang of LANGUAGES) {
    it(`gives i18next's own text for every key in ${lang}, with and without variables, twice`, () => {
      const t = i18n.getFixedT(lang);
      const texts = textsOf(lang);
      expect(texts.size).toBeGreaterThan(300);
      for (const [key, text] of texts) {
        const names = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!);
        const asStrings = Object.fromEntries(names.map((name) => [name, `‹${name} {{${name}}}›`]));
        const asNumbers = Object.fromEntries(names.map((name, i) => [name, 1000 + i]));
        for (let round = 0; round < 2; round++) {
          expect(t(key), key).toBe(i18n.t(key, { lng: lang }));
          expect(t(key, asStrings), key).toBe(i18n.t(key, { lng: lang, ...asStrings }));
          expect(t(key, asNumbers), key).toBe(i18n.t(key, { lng: lang, ...asNumbers }));
        }
      }
    });
  }

  it("leaves count, defaultValue and missing variables to i18next", () => {
    const t = i18n.getFixedT("ru");
    expect(t("admin:editor.saved", { count: 3 })).toBe(i18n.t("admin:editor.saved", { lng: "ru", count: 3 }));
    expect(t("admin:editor.saved", { count: 3 })).toContain("3");
    expect(t("admin:audit.action.no_such_action", { defaultValue: "no_such_action" })).toBe("no_such_action");
    expect(t("groups.private_only", {})).toBe(i18n.t("groups.private_only", { lng: "ru" }));
  });

  it("is one function per language, and i18next's own for anything else", () => {
    expect(i18n.getFixedT("kk")).toBe(i18n.getFixedT("kk"));
    expect(i18n.getFixedT("kk")).not.toBe(i18n.getFixedT("ru"));
    expect(i18n.getFixedT("ru", "admin")("editor.ask.nameRu")).toBe(i18n.t("admin:editor.ask.nameRu", { lng: "ru" }));
  });
});
