// Every Russian sentence with a number of things takes the noun's form for that number (one/few/many):
// rendered with 1, 2, 5, 11, 21 and 22, each must read as Russian does.
import { describe, expect, it } from "vitest";
import { testI18n } from "../helpers/harness.js";

const NUMBERS = [1, 2, 5, 11, 21, 22] as const;
/** Russian's choice among three forms: one for 1, 21, 31…; few for 2–4, 22–24…; many otherwise (5–20, 11–14…). */
const ruForm = (n: number, [one, few, many]: readonly [string, string, string]) =>
  n % 10 === 1 && n % 100 !== 11 ? one : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? few : many;

/** Each key, the variables a number goes into, and the words that must follow the number. */
const CASES: Array<{
  key: string;
  vars: (n: number) => Record<string, unknown>;
  forms: readonly [string, string, string];
}> = [
  {
    key: "projects:card.quota",
    vars: (n) => ({ quota: n, percent: 20, issued: 0 }),
    forms: ["место", "места", "мест"],
  },
  { key: "seeker:profile.card", vars: (n) => ({ age: n }), forms: ["год", "года", "лет"] },
  { key: "staff:card.person", vars: (n) => ({ age: n }), forms: ["год", "года", "лет"] },
  { key: "seeker:invalid.too_young", vars: (n) => ({ age: n }), forms: ["года", "лет", "лет"] },
  { key: "applications:refusal.minor", vars: (n) => ({ age: n }), forms: ["года", "лет", "лет"] },
  { key: "entrepreneur:fix.new_jobs", vars: (n) => ({ months: n }), forms: ["месяца", "месяцев", "месяцев"] },
  { key: "loans:calc.ask.term", vars: (n) => ({ max: n }), forms: ["месяца", "месяцев", "месяцев"] },
  { key: "loans:calc.limit.term_range", vars: (n) => ({ max: n }), forms: ["месяца", "месяцев", "месяцев"] },
  {
    key: "loans:got.saved",
    vars: (n) => ({ useDays: n, jobs: 3, count: 6 }),
    forms: ["календарный день", "календарных дня", "календарных дней"],
  },
  {
    key: "loans:got.saved",
    vars: (n) => ({ useDays: 90, jobs: n, count: 6 }),
    forms: ["новое рабочее место", "новых рабочих места", "новых рабочих мест"],
  },
  {
    key: "loans:reminder.jobs",
    vars: (n) => ({ jobs: n }),
    forms: ["новое рабочее место", "новых рабочих места", "новых рабочих мест"],
  },
  { key: "staff:import.help", vars: (n) => ({ max: n, columns: "" }), forms: ["строки", "строк", "строк"] },
  { key: "staff:import.unreadable.too_many_rows", vars: (n) => ({ max: n }), forms: ["строки", "строк", "строк"] },
  { key: "staff:import.more", vars: (n) => ({ count: n }), forms: ["строка", "строки", "строк"] },
  { key: "applications:more", vars: (n) => ({ count: n }), forms: ["заявка", "заявки", "заявок"] },
  { key: "projects:card.more_positions", vars: (n) => ({ count: n }), forms: ["вакансия", "вакансии", "вакансий"] },
  { key: "notifications:projects_match_more", vars: (n) => ({ count: n }), forms: ["проект", "проекта", "проектов"] },
  {
    key: "notifications:projects_match",
    vars: (n) => ({ count: n }),
    forms: ["новый проект", "новых проекта", "новых проектов"],
  },
  { key: "admin:undelivered.title", vars: (n) => ({ count: n }), forms: ["сообщение", "сообщения", "сообщений"] },
  { key: "admin:undelivered.retried", vars: (n) => ({ count: n }), forms: ["сообщение", "сообщения", "сообщений"] },
  { key: "admin:search.too_short", vars: (n) => ({ count: n }), forms: ["букву", "буквы", "букв"] },
];

describe("Russian plurals", () => {
  it.each(CASES.flatMap((c) => NUMBERS.map((n) => [c.key, n, c] as const)))("%s with %i", async (key, n, c) => {
    const t = (await testI18n()).getFixedT("ru");
    expect(t(key, c.vars(n))).toContain(`${n} ${ruForm(n, c.forms)}`);
  });

  it("the rule itself reads as Russian: 1 год, 2 года, 5 лет, 11 лет, 21 год, 22 года", () => {
    expect(NUMBERS.map((n) => `${n} ${ruForm(n, ["год", "года", "лет"])}`)).toEqual([
      "1 год",
      "2 года",
      "5 лет",
      "11 лет",
      "21 год",
      "22 года",
    ]);
  });
});
