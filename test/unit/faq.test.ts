// The question answering's reading of text and its accuracy on the evaluation set (test/faq/).
import { describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "../../prisma/data/faq.js";
import { createFaqIndex } from "../../src/services/faq/faq-index.js";
import { detectLanguage, fold, searchTerm, stem } from "../../src/services/faq/text.js";
import { evaluate, percent } from "../faq/evaluate.js";
import { EVAL_QUESTIONS } from "../faq/questions.js";

describe("reading a question", () => {
  it("folds case, ё and the Kazakh letters to what Russian keyboards type", () => {
    expect(fold("Көтермеақы")).toBe("котермеакы");
    expect(fold("ЖАЛАҚЫ")).toBe(fold("жалакы"));
    expect(fold("Подъёмные")).toBe("подъемные");
    expect(fold("үйің")).toBe("уйин");
    expect(fold("һәм")).toBe("хам");
  });

  it("spells words typed on a Latin keyboard in Cyrillic", () => {
    expect(fold("zhalaqy")).toBe(fold("жалақы"));
    expect(fold("kredit")).toBe("кредит");
    expect(fold("qansha")).toBe(fold("қанша"));
  });

  it("strips Russian and Kazakh endings to a common stem", () => {
    expect(stem(fold("зарплата"))).toBe(stem(fold("зарплаты")));
    expect(stem(fold("молодежи"))).toBe(stem(fold("молодёжь")));
    expect(stem(fold("вакансии"))).toBe(stem(fold("вакансия")));
    expect(stem(fold("жобалар"))).toBe(stem(fold("жобаның")));
    expect(stem(fold("несиені"))).toBe(stem(fold("несие")));
    expect(stem(fold("жастардың"))).toBe(stem(fold("жастар")));
    expect(stem("ип")).toBe("ип"); // never shorter than four letters
  });

  it("drops words that carry no topic", () => {
    expect(searchTerm("как")).toBeNull();
    expect(searchTerm("қалай")).toBeNull();
    expect(searchTerm("квота")).toBe("квот");
  });

  it.each([
    ["көтермеақы деген не?", "kk"],
    ["жалакы канша болады", "kk"], // no Kazakh letters, Kazakh words
    ["какая зарплата?", "ru"],
    ["сколько платят", "ru"],
    ["20 %", null],
  ])("tells %s is %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe("the knowledge base", () => {
  it("has at least 50 entries, each in both languages with a source and other phrasings", () => {
    expect(FAQ_ENTRIES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(FAQ_ENTRIES.map((e) => e.id)).size).toBe(FAQ_ENTRIES.length);
    for (const entry of FAQ_ENTRIES) {
      for (const lang of ["kk", "ru"] as const) {
        const text = entry[lang];
        expect(text.q.length, entry.id).toBeGreaterThan(5);
        expect(text.a.length, entry.id).toBeGreaterThan(20);
        expect(text.source.length, entry.id).toBeGreaterThan(5);
        expect(text.alt.length, entry.id).toBeGreaterThanOrEqual(2);
      }
      expect(/[әғқңөұүһі]/i.test(entry.kk.q + entry.kk.a), `${entry.id}: Kazakh text`).toBe(true);
    }
  });
});

describe("the evaluation set", () => {
  const result = evaluate(createFaqIndex(), EVAL_QUESTIONS);

  it("has at least 80 questions, half Kazakh and half Russian", () => {
    expect(EVAL_QUESTIONS.length).toBeGreaterThanOrEqual(80);
    const kk = EVAL_QUESTIONS.filter((q) => q.lang === "kk").length;
    expect(Math.abs(kk - (EVAL_QUESTIONS.length - kk))).toBeLessThanOrEqual(2);
    for (const q of EVAL_QUESTIONS)
      if (q.expected)
        expect(
          FAQ_ENTRIES.some((e) => e.id === q.expected),
          q.expected,
        ).toBe(true);
  });

  it("finds the right entry first for at least 80 % of the questions", () => {
    console.log(
      `FAQ top-1 ${percent(result.top1, result.answerable)} %, top-3 ${percent(result.top3, result.answerable)} %`,
    );
    expect(percent(result.top1, result.answerable)).toBeGreaterThanOrEqual(80);
  });

  it("gives no answer to most questions off the topic", () => {
    expect(result.offTopicUnanswered / result.offTopic).toBeGreaterThanOrEqual(0.8);
  });
});
