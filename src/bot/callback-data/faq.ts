import { z } from "zod";
import { colonSeparated } from "./codec.js";

// faq:e:<entry id> (open an entry) | faq:no:<question id> (this did not help)
export const parseFaqCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("faq"), z.literal("e"), z.string().regex(/^[a-z_]{2,40}$/)]),
    z.tuple([z.literal("faq"), z.literal("no"), z.string().regex(/^[1-9]\d{0,9}$/).transform(Number)]),
  ]),
);

export const faqData = {
  entry: (id: string) => `faq:e:${id}`,
  notHelpful: (questionId: number) => `faq:no:${questionId}`,
};

export const FAQ_CALLBACK = /^faq:/;
