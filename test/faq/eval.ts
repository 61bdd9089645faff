// `npm run eval:faq`: prints the question answering's accuracy on the evaluation set.
import { createFaqIndex } from "../../src/services/faq/faq-index.js";
import { evaluate, percent } from "./evaluate.js";
import { EVAL_QUESTIONS } from "./questions.js";

const r = evaluate(createFaqIndex(), EVAL_QUESTIONS);
console.log(`questions: ${EVAL_QUESTIONS.length} (${r.answerable} with an answer, ${r.offTopic} off topic)`);
console.log(`top-1: ${r.top1}/${r.answerable} = ${percent(r.top1, r.answerable)} %`);
console.log(`top-3: ${r.top3}/${r.answerable} = ${percent(r.top3, r.answerable)} %`);
console.log(`off topic left unanswered: ${r.offTopicUnanswered}/${r.offTopic}`);
console.log(`language detected right: ${r.languageRight}/${EVAL_QUESTIONS.length}`);
for (const miss of r.misses)
  console.log(
    `  miss: "${miss.text}" expected ${miss.expected ?? "no answer"}, got ${miss.got ?? "no answer"} (score ${miss.score.toFixed(1)})`,
  );
