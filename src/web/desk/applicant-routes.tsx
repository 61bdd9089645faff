// An applicant's page and the staff's actions on the application: refer, hire, no-show, reject (in
// two steps), show the IIN. Each action goes through the same service as the chat's buttons.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { REJECT_NOTE_LENGTH } from "../../domain/policies.js";
import { REJECT_REASONS } from "../../domain/referral.js";
import { kazakhstanDay } from "../../domain/report.js";
import { actionResultText } from "../../presentation/action-result.js";
import type { ActionInput } from "../../services/referrals.js";
import { ApplicantPage, type RejectDraft } from "./applicant-view.js";
import { type DeskDeps, type DeskEnv, idParam, isoDay, staffOf, valid } from "./context.js";

const hireForm = z.object({ contractDate: isoDay, wage: z.coerce.number().int().min(1).max(100_000_000) });
const rejectForm = z.object({
  reason: z.enum(REJECT_REASONS),
  note: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().trim().max(REJECT_NOTE_LENGTH.max).optional(),
  ),
  confirm: z.preprocess((value) => (value === "" ? undefined : value), z.literal("yes").optional()),
});

type Extra = { notice?: { text: string; failed?: boolean }; iin?: string; confirmReject?: RejectDraft };

export function applicantRoutes(deps: DeskDeps) {
  const { services } = deps;

  const page = async (c: Context<DeskEnv>, applicationId: number, extra: Extra = {}) => {
    const { userId, view } = staffOf(c);
    const card = await services.staff.applicantCard(userId, applicationId, deps.now());
    const history = await services.staff.applicationHistory(userId, applicationId);
    return c.html(
      <ApplicantPage view={view} data={{ ...card, history }} today={kazakhstanDay(deps.now())} {...extra} />,
    );
  };

  const act = async (c: Context<DeskEnv>, applicationId: number, input: ActionInput) => {
    const { userId, view } = staffOf(c);
    const result = await services.staff.actOnApplication(userId, applicationId, input, deps.now());
    return page(c, applicationId, {
      notice: { text: actionResultText(view.t, view.lang, input, result), failed: !result.ok },
    });
  };

  const param = valid("param", idParam);
  return (
    new Hono<DeskEnv>()
      .get("/applications/:id", param, (c) => page(c, c.req.valid("param").id))
      .post("/applications/:id/refer", param, (c) => act(c, c.req.valid("param").id, { action: "refer" }))
      .post("/applications/:id/no-show", param, (c) => act(c, c.req.valid("param").id, { action: "no_show" }))
      .post("/applications/:id/hire", param, valid("form", hireForm), (c) => {
        const { contractDate, wage } = c.req.valid("form");
        return act(c, c.req.valid("param").id, { action: "hire", contractDate, wage });
      })
      // A rejection is told to the person: it takes a reason chosen (none is preselected) and a second, explicit step.
      .post("/applications/:id/reject", param, valid("form", rejectForm), (c) => {
        const form = c.req.valid("form");
        const applicationId = c.req.valid("param").id;
        if (form.reason === "other" && (form.note?.length ?? 0) < REJECT_NOTE_LENGTH.min) {
          const { view } = staffOf(c);
          return page(c, applicationId, { notice: { text: view.t("desk:errors.note_required"), failed: true } });
        }
        if (form.confirm !== "yes")
          return page(c, applicationId, { confirmReject: { reason: form.reason, note: form.note } });
        return act(
          c,
          applicationId,
          form.reason === "other"
            ? { action: "reject", reason: "other", note: form.note }
            : { action: "reject", reason: form.reason },
        );
      })
      .post("/applications/:id/iin", param, async (c) => {
        const { userId, view } = staffOf(c);
        const applicationId = c.req.valid("param").id;
        const iin = await services.staff.revealIin(userId, applicationId);
        return page(
          c,
          applicationId,
          iin ? { iin, notice: { text: view.t("desk:applicant.iin_shown", { iin }) } } : {},
        );
      })
  );
}
