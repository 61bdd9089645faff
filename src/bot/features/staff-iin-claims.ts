// Requests of people whose IIN is registered from another account, in the staff queue of their
// district: the contact to call, the IIN masked, and after the identity document was checked in
// person, "move the registration" (proposed by one person, confirmed by a second) or "decline".
// Admins see every open request, to confirm a move where a centre has no second person.
import { iinClaimKeyboard, iinClaimsKeyboard } from "../keyboards/staff.js";
import { staffData } from "../callback-data/staff.js";
import { adminData } from "../callback-data/admin.js";
import type { ConvContext } from "../context.js";
import { formatDateTime, localName } from "../../presentation/format.js";
import { pageOf } from "../paging.js";
import type { Show } from "../show.js";

const CLAIMS_PAGE_SIZE = 10;

/** The queue's button for the open requests, when there are any. */
export async function iinClaimsButton(ctx: ConvContext): Promise<[string, string] | null> {
  const open = await ctx.services.staff.openIinClaimCount(ctx.account!.userId);
  return open ? [ctx.t("staff:iin_claims.button", { count: open }), staffData.iinClaims()] : null;
}

/** Staff come back to their queue, an admin (who may confirm a move anywhere) to the admin section. */
const backOf = (ctx: ConvContext) => (ctx.account?.isStaff ? staffData.queue(1) : adminData.home());

export async function showIinClaims(ctx: ConvContext, show: Show, requested = 1) {
  const page = pageOf(await ctx.services.staff.openIinClaims(ctx.account!.userId), requested, CLAIMS_PAGE_SIZE);
  const keyboard = iinClaimsKeyboard(ctx.t, ctx.lang, page, backOf(ctx));
  return show(
    ctx.t(page.items.length ? "staff:iin_claims.title" : "staff:iin_claims.none", { count: page.items.length }),
    keyboard,
  );
}

export async function showIinClaim(ctx: ConvContext, show: Show, claimId: number) {
  const claim = await ctx.services.staff.iinClaimCard(ctx.account!.userId, claimId);
  const card = ctx.t("staff:iin_claims.card", {
    number: claim.id,
    date: formatDateTime(claim.createdAt),
    phone: claim.phone,
    iin: `••••••••${claim.iinLast4}`,
    district: localName(ctx.lang, claim.district),
  });
  const { proposal, conflict } = claim;
  const state = [
    proposal &&
      ctx.t(proposal.mine ? "staff:iin_claims.proposed_by_me" : "staff:iin_claims.proposed", {
        person: proposal.by,
        date: formatDateTime(proposal.at),
      }),
    conflict && ctx.t(`staff:iin_claims.conflict.${conflict}`),
  ].filter(Boolean);
  const decide = claim.resolvedAt || conflict ? "none" : proposal?.mine ? "decline" : proposal ? "confirm" : "propose";
  return show([card, ...state].join("\n\n"), iinClaimKeyboard(ctx.t, claim.id, decide));
}

export async function resolveClaim(ctx: ConvContext, show: Show, claimId: number, decision: "move" | "decline") {
  const outcome = await ctx.services.staff.resolveIinClaim(ctx.account!.userId, claimId, decision, ctx.deps.now());
  await ctx.reply(ctx.t(`staff:iin_claims.outcome.${outcome}`));
  return showIinClaims(ctx, show);
}
