// The buttons of a contractor's representative (their projects, the people referred, the outcome of
// a referral) and of the job seeker's follow-up question.
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../presentation/i18n.js";
import {
  CONTRACTOR_REASONS,
  contractorCallbacks as ctr,
  followUpCallbacks as fu,
} from "../callback-data/contractor.js";
import { NOT_HIRED_REASONS } from "../../services/follow-ups.js";

type Item = { id: number; label: string };

export function contractorProjectsKeyboard(projects: Item[]) {
  const keyboard = new InlineKeyboard();
  for (const project of projects) keyboard.text(project.label, ctr.project.pack({ projectId: project.id })).row();
  return keyboard;
}

export function referredPeopleKeyboard(t: Translate, people: Item[]) {
  const keyboard = new InlineKeyboard();
  for (const person of people) keyboard.text(person.label, ctr.person.pack({ applicationId: person.id })).row();
  return keyboard.text(t("contractor:people.back"), ctr.projects.pack({}));
}

/** The outcome's three buttons while the referral waits for one, and the way back to the project's list. */
export function referredPersonKeyboard(t: Translate, applicationId: number, projectId: number, waiting: boolean) {
  const keyboard = new InlineKeyboard();
  if (waiting)
    keyboard
      .text(t("contractor:person.hire"), ctr.hire.pack({ applicationId }))
      .row()
      .text(t("contractor:person.no_show"), ctr.noShow.pack({ applicationId }))
      .row()
      .text(t("contractor:person.not_hired"), ctr.notHired.pack({ applicationId }))
      .row();
  return keyboard.text(t("contractor:person.back"), ctr.project.pack({ projectId }));
}

export function contractorReasonsKeyboard(t: Translate, applicationId: number) {
  const keyboard = new InlineKeyboard();
  for (const reason of CONTRACTOR_REASONS)
    keyboard.text(t(`staff:reject_reason.${reason}`), ctr.reason.pack({ applicationId, reason })).row();
  return keyboard.text(t("contractor:person.back"), ctr.person.pack({ applicationId }));
}

export function followUpKeyboard(t: Translate, applicationId: number) {
  const keyboard = new InlineKeyboard();
  for (const outcome of ["hired", "waiting", "not_hired"] as const)
    keyboard.text(t(`notifications:follow_up_answer.${outcome}`), fu.answer.pack({ applicationId, outcome })).row();
  return keyboard;
}

export function followUpReasonsKeyboard(t: Translate, applicationId: number) {
  const keyboard = new InlineKeyboard();
  for (const reason of NOT_HIRED_REASONS)
    keyboard.text(t(`notifications:follow_up_reason.${reason}`), fu.reason.pack({ applicationId, reason })).row();
  return keyboard;
}
