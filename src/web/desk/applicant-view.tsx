// The applicant's page: the same card as the chat's (the IIN masked, shown whole only on request
// and audited), the application's history, and the same actions as the chat's buttons.
import { canDo } from "../../domain/referral.js";
import { REJECT_NOTE_LENGTH } from "../../domain/policies.js";
import { formatDate, formatDateTime, localName } from "../../presentation/format.js";
import { standingFlags } from "../../presentation/standing.js";
import { REJECT_REASONS } from "../../domain/referral.js";
import type { ApplicantPerson } from "../../services/applicant-card.js";
import type { HistoryEntry } from "../../services/desk/desk.js";
import type { ReachableApplication } from "../../services/staff.js";
import { appLink, Page, type View } from "./page.js";
import { priorityText } from "./queue-view.js";

/** A rejection chosen and not yet confirmed. */
export interface RejectDraft {
  reason: (typeof REJECT_REASONS)[number];
  note?: string;
}

export interface ApplicantData {
  application: ReachableApplication;
  person: ApplicantPerson | null;
  history: HistoryEntry[];
}

const Field = (props: { label: string; value: string; href?: string }) => (
  <>
    <dt>{props.label}</dt>
    <dd>{props.href ? <a href={props.href}>{props.value}</a> : props.value}</dd>
  </>
);

function RejectForm(props: { view: View; action: string }) {
  const t = props.view.t;
  return (
    <form method="post" action={props.action} class="stacked">
      <label>
        {t("desk:applicant.reason")}
        <select name="reason" required>
          <option value="" selected>
            {t("desk:applicant.choose_reason")}
          </option>
          {REJECT_REASONS.map((reason) => (
            <option value={reason}>{t(`staff:reject_reason.${reason}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t("desk:applicant.note")} <textarea name="note" rows={2} maxlength={REJECT_NOTE_LENGTH.max}></textarea>
      </label>
      <button type="submit" class="danger">
        {t("desk:applicant.reject_start")}
      </button>
    </form>
  );
}

/** The second step of a rejection: what will happen, said plainly, and the way back. */
function RejectConfirmation(props: {
  view: View;
  application: ReachableApplication;
  draft: RejectDraft;
  action: string;
}) {
  const { view, application, draft } = props;
  const t = view.t;
  const reason = draft.reason === "other" && draft.note ? draft.note : t(`staff:reject_reason.${draft.reason}`);
  return (
    <section aria-labelledby="confirm-reject" class="confirm">
      <h2 id="confirm-reject">{t("desk:applicant.reject_confirm_heading")}</h2>
      <p>{t("desk:applicant.reject_confirm_text", { number: application.number, reason })}</p>
      <form method="post" action={props.action} class="buttons">
        <input type="hidden" name="reason" value={draft.reason} />
        {draft.note ? <input type="hidden" name="note" value={draft.note} /> : null}
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          {t("desk:applicant.reject_confirm")}
        </button>
        <a href={appLink(view, `applications/${application.id}`)}>{t("desk:applicant.reject_cancel")}</a>
      </form>
    </section>
  );
}

function Actions(props: {
  view: View;
  application: ReachableApplication;
  hasPerson: boolean;
  today: string;
  confirmReject?: RejectDraft;
}) {
  const { view, application } = props;
  const t = view.t;
  const action = (name: string) => appLink(view, `applications/${application.id}/${name}`);
  // As the status allows, and a contractor's record, which staff may correct.
  const may = (what: "refer" | "hire" | "no_show" | "reject") =>
    canDo(what, application.status, { role: "staff", outcomeBy: application.outcomeBy });
  const open = may("reject");
  if (open && props.confirmReject)
    return (
      <RejectConfirmation view={view} application={application} draft={props.confirmReject} action={action("reject")} />
    );
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{t("desk:applicant.actions")}</h2>
      {may("refer") ? (
        <form method="post" action={action("refer")} data-main={t("staff:action.refer")}>
          <button type="submit">{t("staff:action.refer")}</button>
        </form>
      ) : null}
      {may("hire") ? (
        <form method="post" action={action("hire")} class="stacked">
          <label>
            {t("desk:applicant.contract_date")} <input type="date" name="contractDate" required max={props.today} />
          </label>
          <label>
            {t("desk:applicant.wage")}{" "}
            <input type="number" name="wage" required min={1} max={100000000} step={1} inputmode="numeric" />
          </label>
          <button type="submit">{t("staff:action.hire")}</button>
        </form>
      ) : null}
      {may("no_show") ? (
        <form method="post" action={action("no-show")}>
          <button type="submit" class="secondary">
            {t("staff:action.no_show")}
          </button>
        </form>
      ) : null}
      {open ? <RejectForm view={view} action={action("reject")} /> : <p>{t("desk:applicant.no_actions")}</p>}
      {props.hasPerson ? (
        <form method="post" action={action("iin")}>
          <button type="submit" class="secondary">
            {t("desk:applicant.show_iin")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ApplicantPage(props: {
  view: View;
  data: ApplicantData;
  notice?: { text: string; failed?: boolean };
  iin?: string;
  today: string;
  confirmReject?: RejectDraft;
}) {
  const { view, data } = props;
  const { application, person } = data;
  const t = view.t;
  const name = (o: { nameKk: string; nameRu: string }) => localName(view.lang, o);
  return (
    <Page
      view={view}
      title={t("desk:applicant.heading", { number: application.number })}
      section="queue"
      notice={props.notice}
    >
      <p>
        <a href={appLink(view, "queue")}>{t("desk:applicant.back")}</a>
      </p>
      <section aria-labelledby="application">
        <h2 id="application">{t("desk:applicant.application")}</h2>
        <dl>
          <Field label={t("desk:applicant.field.date")} value={formatDate(application.submittedAt)} />
          <Field label={t("desk:applicant.field.status")} value={t(`applications:status.${application.status}`)} />
          <Field label={t("desk:applicant.field.project")} value={name(application.project)} />
          <Field label={t("desk:applicant.field.position")} value={name(application.position.profession)} />
          <Field
            label={t("desk:applicant.field.places")}
            value={t("desk:applicant.places", { taken: application.position.taken, count: application.position.count })}
          />
          <Field label={t("desk:applicant.field.priority")} value={priorityText(t, application.priorityGroup)} />
          {application.referralNumber ? (
            <Field label={t("desk:applicant.field.referral")} value={application.referralNumber} />
          ) : null}
          {application.seekerOutcome && application.seekerAnswerAt ? (
            <Field
              label={t("desk:applicant.field.seeker_answer")}
              value={`${t(`staff:seeker_answer.${application.seekerOutcome}`)}${
                application.seekerReason ? ` (${t(`notifications:follow_up_reason.${application.seekerReason}`)})` : ""
              }, ${formatDate(application.seekerAnswerAt)}`}
            />
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="person">
        <h2 id="person">{t("desk:applicant.person")}</h2>
        {person ? (
          <dl>
            <Field label={t("desk:applicant.field.name")} value={person.fullName} />
            <Field
              label={t("desk:applicant.field.age")}
              value={t("common:plural.years", { count: person.standing.age })}
            />
            <Field label={t("desk:applicant.field.seeker_status")} value={t(`seeker:status.${person.status}`)} />
            <Field label={t("desk:applicant.field.flags")} value={standingFlags(t, person.standing) || "—"} />
            <Field
              label={t("desk:applicant.field.district")}
              value={`${name(person.district)}, ${name(person.district.region)}`}
            />
            <Field
              label={t("desk:applicant.field.professions")}
              value={person.anyWork ? t("seeker:profile.any_work") : person.professions.map(name).join(", ")}
            />
            <Field
              label={t("desk:applicant.field.relocate")}
              value={t(person.willingToRelocate ? "answer.yes" : "answer.no")}
            />
            <Field label={t("desk:applicant.field.phone")} value={person.phone} href={`tel:${person.phone}`} />
            <Field label={t("desk:applicant.field.iin")} value={props.iin ?? `••••••••${person.iinLast4}`} />
          </dl>
        ) : (
          <p>{t("staff:card.erased")}</p>
        )}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t("desk:applicant.history")}</h2>
        {data.history.length ? (
          <ol class="history">
            {data.history.map((entry) => (
              <li>
                <time datetime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>{" "}
                {entry.actor
                  ? t("desk:applicant.history_by", {
                      status: t(`applications:status.${entry.status}`),
                      actor: entry.actor,
                    })
                  : t(`applications:status.${entry.status}`)}
                {entry.byContractor ? <> ({t("contractor:recorded_by")})</> : null}
                {entry.note ? <> — {entry.note}</> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("desk:applicant.history_empty")}</p>
        )}
      </section>
      <Actions
        view={view}
        application={application}
        hasPerson={Boolean(person)}
        today={props.today}
        confirmReject={props.confirmReject}
      />
    </Page>
  );
}
