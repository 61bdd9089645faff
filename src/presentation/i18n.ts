import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import i18next, { type i18n, type TFunction } from "i18next";
import { projectRoot } from "../project-root.js";
import { memoizeFixedT } from "./i18n-memo.js";

import { LANGUAGES, type Lang } from "../domain/language.js";

export { LANGUAGES, type Lang };
export type Translate = TFunction;

export function isLang(value: unknown): value is Lang {
  return value === "kk" || value === "ru";
}

/** Telegram's language_code → the language offered first: kk → Kazakh, anything else → Russian. */
export function guessLang(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}

function loadResources(localesDir: string) {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lang of LANGUAGES) {
    resources[lang] = {};
    for (const file of readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith(".json"))) {
      resources[lang][path.basename(file, ".json")] = JSON.parse(
        readFileSync(path.join(localesDir, lang, file), "utf8"),
      );
    }
  }
  return resources;
}

/** One i18next instance with every namespace of locales/kk and locales/ru; keys are `ns:key`. */
export async function createI18n(localesDir = path.join(projectRoot, "locales")): Promise<i18n> {
  const resources = loadResources(localesDir);
  const instance = i18next.createInstance();
  await instance.init({
    resources: resources as never,
    lng: "ru",
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources.ru ?? {}),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  memoizeFixedT(instance);
  return instance;
}
