// i18next 26 spreads all its options into a new object on every call of a fixed t (about 10 µs a
// call, 25 with variables; the bench's updates made dozens of calls each). Our texts are fixed
// strings with {{variables}}, so each language's t keeps what i18next resolved once: a text as it is,
// or its template, whose variables it fills in itself. Anything else (count, context, defaultValue,
// a missing or unusual variable, another language or namespace) goes to i18next as before.
import type { i18n, TFunction } from "i18next";

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;
/** Templates that only hold plain {{name}} variables, no nesting, formats or unescaped markers. */
const PLAIN_TEMPLATE = /^(?:[^{$]|\{(?!\{)|\$(?!t\()|\{\{\s*\w+\s*\}\})*$/;
/** Options that change what i18next looks up, not only what it fills in. */
const LOOKUP_OPTIONS = new Set(["count", "context", "ordinal"]);

interface Template {
  text: string;
  variables: Set<string>;
}

export function memoizeFixedT(instance: i18n): void {
  const fixedT = instance.getFixedT.bind(instance);
  const byLang = new Map<string, TFunction>();
  instance.getFixedT = ((lng: unknown, ns?: unknown, keyPrefix?: unknown, ...rest: unknown[]) => {
    if (typeof lng !== "string" || ns !== undefined || keyPrefix !== undefined || rest.length) {
      return (fixedT as (...args: unknown[]) => TFunction)(lng, ns, keyPrefix, ...rest);
    }
    let t = byLang.get(lng);
    if (!t) {
      t = memoizedT(instance, lng, fixedT(lng));
      byLang.set(lng, t);
    }
    return t;
  }) as i18n["getFixedT"];
}

function memoizedT(instance: i18n, lng: string, original: TFunction): TFunction {
  const texts = new Map<string, string>();
  const templates = new Map<string, Template | null>();
  const nsSeparator = String(instance.options.nsSeparator ?? ":");
  const defaultNs = String(instance.options.defaultNS ?? "translation");

  function templateOf(key: string): Template | null {
    let template = templates.get(key);
    if (template !== undefined) return template;
    const at = key.indexOf(nsSeparator);
    const [ns, path] = at >= 0 ? [key.slice(0, at), key.slice(at + nsSeparator.length)] : [defaultNs, key];
    const text: unknown = instance.getResource(lng, ns, path);
    template =
      typeof text === "string" && PLAIN_TEMPLATE.test(text)
        ? { text, variables: new Set([...text.matchAll(VARIABLE)].map((match) => match[1]!)) }
        : null;
    templates.set(key, template);
    return template;
  }

  function filled(key: string, options: Record<string, unknown>): string | undefined {
    const template = templateOf(key);
    if (!template) return undefined;
    const names = Object.keys(options);
    if (names.length !== template.variables.size) return undefined;
    for (const name of names) {
      const value = options[name];
      if (
        !template.variables.has(name) ||
        LOOKUP_OPTIONS.has(name) ||
        (typeof value !== "string" && typeof value !== "number")
      )
        return undefined;
    }
    return template.text.replace(VARIABLE, (_, name: string) => String(options[name]));
  }

  const call = original as unknown as (...args: unknown[]) => unknown;
  const t = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length) return call(key, options, ...rest);
    if (options === undefined) {
      const known = texts.get(key);
      if (known !== undefined) return known;
      const text = call(key);
      if (typeof text === "string") texts.set(key, text);
      return text;
    }
    if (typeof options !== "object" || options === null) return call(key, options);
    return filled(key, options as Record<string, unknown>) ?? call(key, options);
  };
  return t as unknown as TFunction;
}
