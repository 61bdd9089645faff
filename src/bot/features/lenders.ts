import { LENDERS, LENDER_DOCUMENTS } from "../../../prisma/data/lenders.js";
import type { ConvContext } from "../context.js";

/** Where to apply for a programme loan and what to bring. */
export function showLenders(ctx: ConvContext) {
  const kk = ctx.lang === "kk";
  const lenders = LENDERS.map((lender) => `• ${kk ? lender.nameKk : lender.nameRu}\n  ${lender.website}`);
  const documents = LENDER_DOCUMENTS.map((document) => `• ${kk ? document.kk : document.ru}`);
  const text = [
    ctx.t("loans:where.lenders"),
    ...lenders,
    "",
    ctx.t("loans:where.branches"),
    "",
    ctx.t("loans:where.documents"),
    ...documents,
  ].join("\n");
  return ctx.reply(text, { link_preview_options: { is_disabled: true } });
}
