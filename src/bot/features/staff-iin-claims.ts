// Requests of people whose IIN is registered from another account, in the staff queue of their
// district: the contact to call, the IIN masked, and after the identity document was checked in
// person, "move the registration" or "decline".
import { iinClaimKeyboard, iinClaimsKeyboard } from "../keyboards/staff.js";
import { staffData } from "../callback-data/staff.js";
import type { ConvContext } from "../context.js";
import { formatDateTime, localName } from "../format.js";
import { pageOf } from "../paging.js";
import type { Show } from "../show.js";

const CLAIMS_PAGE_SIZE = 10;

/** The queue's button for the open requests, when there are any. */
export async function iinClaimsButton(ctx: ConvContext): Promise<[string, string] | null> {
  const open = await ctx.services.openIinClaimCount(ctx.account!.userId);
  return open ? [ctx.t("staff:iin_claims.button", { count: open }), staffData.iinClaims()] : null;
}

export async function showIinClaims(ctx: ConvContext, show: Show, requested = 1) {
  const page = pageOf(await ctx.services.openIinClaims(ctx.account!.userId), requested, CLAIMS_PAGE_SIZE);
  const keyboard = iinClaimsKeyboard(ctx.t, ctx.lang, page);
  return show(ctx.t(page.items.length ? "staff:iin_claims.title" : "staff:iin_claims.none", { count: page.items.length }), keyboard);
}

export async function showIinClaim(ctx: ConvContext, show: Show, claimId: number) {
  const claim = await ctx.services.iinClaimCard(ctx.account!.userId, claimId);
  const text = ctx.t("staff:iin_claims.card", {
    number: claim.id, date: formatDateTime(claim.createdAt), phone: claim.phone, iin: `••••••••${claim.iinLast4}`, district: localName(ctx.lang, claim.district),
  });
  return show(text, iinClaimKeyboard(ctx.t, claim.id, !claim.resolvedAt));
}

export async function resolveClaim(ctx: ConvContext, show: Show, claimId: number, decision: "move" | "decline") {
  const outcome = await ctx.services.resolveIinClaim(ctx.account!.userId, claimId, decision, ctx.deps.now());
  await ctx.reply(ctx.t(`staff:iin_claims.outcome.${outcome}`));
  return showIinClaims(ctx, show);
}
