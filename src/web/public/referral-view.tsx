// A referral's check for people outside Telegram (/kk/r/<code>, /ru/r/<code>): the same answer as
// the QR code gives in the bot, with the person's initials only.
import { formatDate, localName } from "../../presentation/format.js";
import type { ReferralCheck } from "../../services/referral-check.js";
import { Layout, type SiteView } from "./views.js";

export function ReferralCheckView(props: { view: SiteView; code: string; check: ReferralCheck | null }) {
  const { view, check } = props;
  const t = view.t;
  const title = t("referral:check.page_title");
  if (!check)
    return (
      <Layout view={view} title={title} path={`/r/${props.code}`}>
        <h1>{title}</h1>
        <p role="alert">{t("referral:check.invalid")}</p>
      </Layout>
    );
  return (
    <Layout view={view} title={title} path={`/r/${props.code}`}>
      <h1>{t("referral:check.title", { referral: check.referralNumber, date: formatDate(check.referredAt) })}</h1>
      <p role="status" class={check.state === "valid" ? "state valid" : "state"}>
        {t(`referral:check.state.${check.state}`)}
      </p>
      <ul>
        {check.initials ? <li>{t("referral:check.person", { initials: check.initials })}</li> : null}
        <li>{t("referral:check.project", { project: localName(view.lang, check.project) })}</li>
        <li>{t("referral:check.position", { profession: localName(view.lang, check.profession) })}</li>
        <li>{t("referral:check.contractor", { contractor: check.contractor ?? "—" })}</li>
        {check.centre ? (
          <li>
            {t("referral:check.centre", { centre: localName(view.lang, check.centre), phone: check.centre.phone })}
          </li>
        ) : null}
      </ul>
    </Layout>
  );
}
