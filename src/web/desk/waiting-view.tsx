// The worklist of referrals still without an outcome REFERRAL_WITHOUT_OUTCOME_DAYS after them, the
// oldest first: each opens the applicant, where staff record what became of it (or call).
import { REFERRAL_WITHOUT_OUTCOME_DAYS } from "../../domain/policies.js";
import { formatDate, localName } from "../../presentation/format.js";
import type { WaitingReferral } from "../../services/follow-ups.js";
import { appLink, Page, type View } from "./page.js";

export function WaitingPage(props: { view: View; referrals: WaitingReferral[] }) {
  const { view } = props;
  const t = view.t;
  const heading = t("desk:waiting.heading", { days: REFERRAL_WITHOUT_OUTCOME_DAYS });
  return (
    <Page view={view} title={heading} section="waiting">
      {props.referrals.length === 0 ? (
        <p>{t("desk:waiting.empty")}</p>
      ) : (
        <ul class="cards waiting">
          {props.referrals.map((referral) => (
            <li>
              <a href={appLink(view, `applications/${referral.id}`)}>{referral.referralNumber}</a>
              {" · "}
              {formatDate(referral.referredAt)}
              {" · "}
              {localName(view.lang, { nameKk: referral.projectKk, nameRu: referral.projectRu })}
              {referral.seekerOutcome ? (
                <>
                  {" · "}
                  {t("desk:waiting.answer", { answer: t(`staff:seeker_answer.${referral.seekerOutcome}`) })}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
