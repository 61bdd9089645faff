// Every use case of the bot, the jobs and the web pages, bound to the one Store and to what they
// need besides (the PII key, the outbox). Callers hold these services, never the database: the
// bot's context carries them (ctx.services), the jobs and the HTTP server are given them.
import type { Store } from "../db/store.js";
import type { Pii } from "./pii.js";
import { createConversationStorage, type PrefetchedSession } from "../db/prisma-storage.js";
import type { Outbox } from "./notifications.js";
import { applicantCard, revealIin } from "./applicant-card.js";
import { checkApplication, myApplications, submitApplication, withdrawApplication } from "./applications.js";
import { auditPage, auditRefusal } from "./audit.js";
import { centresOfRegion, regionsWithCentres, searchCentres } from "./centre-directory.js";
import {
  acceptInvitation,
  assertAdmin,
  centreById,
  centreDetails,
  centreOfPerson,
  createInvitation,
  removeStaff,
  saveCentre,
} from "./centres.js";
import { expireConversations, forgetExpiredConversation } from "./conversation-expiry.js";
import { applicationHistory, deskAccount, deskProjectChoices, projectPositions } from "./desk/desk.js";
import { deskQueue, deskQueueExport } from "./desk/queue.js";
import { monthlyByRegion, openProjects, programmeProgress, regionProgress } from "./public/progress.js";
import { inlineProjects } from "./inline-search.js";
import { deliverNotification, unsentNotificationIds, type Sender } from "./delivery.js";
import { markUnhelpful, recordQuestion, unansweredQuestions } from "./faq/questions.js";
import {
  countIinAttempt,
  fileIinClaim,
  iinClaimCard,
  openIinClaimCount,
  openIinClaims,
  resolveIinClaim,
} from "./iin-claims.js";
import { importProjects } from "./import/import-projects.js";
import { queueFiguresReminders, queueMonthlyReports } from "./monthly-notices.js";
import {
  createObligation,
  listObligations,
  markObligationDone,
  queueLoanReminder,
  saveReminderJobs,
} from "./obligations.js";
import { districtById, districtPoints, regionById } from "./places.js";
import { forgetOldUpdates, markHandled, wasHandled } from "./processed-updates.js";
import { changeProjectStatus, projectInReach, quotaProgress } from "./project-upkeep.js";
import {
  districtsOf,
  filterProfessions,
  nearestOpenProjects,
  openProjectsInDistrict,
  projectCard,
  regions,
} from "./projects.js";
import { actOnApplication, type ActionInput } from "./referrals.js";
import { projectFigure, recordMonthlyFigure } from "./reports/monthly-figures.js";
import { buildMonthlyReport } from "./reports/monthly-report.js";
import { resolveScope } from "./reports/report-scope.js";
import {
  eraseMyData,
  hasProfile,
  iinTakenByAnother,
  profileForEdit,
  readProfile,
  recordConsent,
  saveProfile,
  searchProfessions,
} from "./seekers.js";
import { staffProjects, staffQueue } from "./staff.js";
import { isSubscribed, setSubscription } from "./subscriptions.js";
import { retryUndelivered, undelivered } from "./undelivered.js";
import {
  findOrCreateAccount,
  forgetOldLocations,
  languageOfTelegramUser,
  loadAccount,
  rememberLocation,
  setLanguage,
  userById,
} from "./users.js";

export interface ServiceDeps {
  store: Store;
  pii: Pii;
  outbox: Outbox;
}

export function createServices({ store, pii, outbox }: ServiceDeps) {
  /** A use case with the store (and the PII key or the outbox) given: callers pass the rest. */
  const withStore =
    <A extends unknown[], R>(use: (store: Store, ...args: A) => R) =>
    (...args: A): R =>
      use(store, ...args);
  const withPii =
    <A extends unknown[], R>(use: (store: Store, pii: Pii, ...args: A) => R) =>
    (...args: A): R =>
      use(store, pii, ...args);
  const withOutbox =
    <A extends unknown[], R>(use: (store: Store, outbox: Outbox, ...args: A) => R) =>
    (...args: A): R =>
      use(store, outbox, ...args);

  return {
    // people and their accounts
    loadAccount: withStore(loadAccount),
    findOrCreateAccount: withStore(findOrCreateAccount),
    setLanguage: withStore(setLanguage),
    languageOfTelegramUser: withStore(languageOfTelegramUser),
    userById: withStore(userById),
    // seekers
    recordConsent: withStore(recordConsent),
    hasProfile: withStore(hasProfile),
    iinTakenByAnother: withPii(iinTakenByAnother),
    saveProfile: withPii(saveProfile),
    profileForEdit: withStore(profileForEdit),
    readProfile: withPii(readProfile),
    eraseMyData: withStore(eraseMyData),
    searchProfessions: withStore(searchProfessions),
    countIinAttempt: withStore(countIinAttempt),
    fileIinClaim: withPii(fileIinClaim),
    isSubscribed: withStore(isSubscribed),
    setSubscription: withStore(setSubscription),
    // places and projects
    regions: withStore(regions),
    districtsOf: withStore(districtsOf),
    regionById: withStore(regionById),
    districtById: withStore(districtById),
    districtPoints: withStore(districtPoints),
    filterProfessions: withStore(filterProfessions),
    nearestOpenProjects: withStore(nearestOpenProjects),
    openProjectsInDistrict: withStore(openProjectsInDistrict),
    projectCard: withStore(projectCard),
    rememberLocation: withStore(rememberLocation),
    inlineProjects: withStore(inlineProjects),
    // applications
    checkApplication: withStore(checkApplication),
    submitApplication: withStore(submitApplication),
    withdrawApplication: withStore(withdrawApplication),
    myApplications: withStore(myApplications),
    // staff
    staffQueue: withStore(staffQueue),
    staffProjects: withStore(staffProjects),
    applicantCard: withPii(applicantCard),
    revealIin: withPii(revealIin),
    actOnApplication: (userId: number, applicationId: number, input: ActionInput, now: Date) =>
      actOnApplication({ store, outbox, now }, userId, applicationId, input),
    quotaProgress: withStore(quotaProgress),
    projectInReach: withStore(projectInReach),
    changeProjectStatus: withStore(changeProjectStatus),
    importProjects: withOutbox(importProjects),
    projectFigure: withStore(projectFigure),
    recordMonthlyFigure: withStore(recordMonthlyFigure),
    openIinClaimCount: withStore(openIinClaimCount),
    openIinClaims: withStore(openIinClaims),
    iinClaimCard: withPii(iinClaimCard),
    resolveIinClaim: withOutbox(resolveIinClaim),
    centreOfPerson: withStore(centreOfPerson),
    acceptInvitation: withOutbox(acceptInvitation),
    // the staff desk (src/web/desk)
    deskAccount: withStore(deskAccount),
    deskQueue: withStore(deskQueue),
    deskQueueExport: withStore(deskQueueExport),
    deskProjectChoices: withStore(deskProjectChoices),
    applicationHistory: withStore(applicationHistory),
    projectPositions: withStore(projectPositions),
    // the public page and the open data (src/web/public)
    programmeProgress: withStore(programmeProgress),
    regionProgress: withStore(regionProgress),
    openProjects: withStore(openProjects),
    monthlyByRegion: withStore(monthlyByRegion),
    // reports
    resolveScope: withStore(resolveScope),
    buildMonthlyReport: withStore(buildMonthlyReport),
    queueMonthlyReports: withOutbox(queueMonthlyReports),
    queueFiguresReminders: withOutbox(queueFiguresReminders),
    // admins
    assertAdmin: withStore(assertAdmin),
    centreById: withStore(centreById),
    centreDetails: withStore(centreDetails),
    saveCentre: withStore(saveCentre),
    createInvitation: withStore(createInvitation),
    removeStaff: withOutbox(removeStaff),
    regionsWithCentres: withStore(regionsWithCentres),
    centresOfRegion: withStore(centresOfRegion),
    searchCentres: withStore(searchCentres),
    auditPage: withStore(auditPage),
    auditRefusal: withStore(auditRefusal),
    undelivered: withStore(undelivered),
    retryUndelivered: withOutbox(retryUndelivered),
    unansweredQuestions: withStore(unansweredQuestions),
    // FAQ
    recordQuestion: withStore(recordQuestion),
    markUnhelpful: withStore(markUnhelpful),
    // loans
    createObligation: withStore(createObligation),
    saveReminderJobs: withStore(saveReminderJobs),
    listObligations: withStore(listObligations),
    markObligationDone: withStore(markObligationDone),
    queueLoanReminder: withOutbox(queueLoanReminder),
    // the outbox, the webhook and upkeep
    deliverNotification: (sender: Sender, notificationId: number, rate?: number) =>
      deliverNotification(store, sender, notificationId, rate),
    unsentNotificationIds: withStore(unsentNotificationIds),
    wasHandled: withStore(wasHandled),
    markHandled: withStore(markHandled),
    forgetOldUpdates: withStore(forgetOldUpdates),
    expireConversations: withStore(expireConversations),
    forgetOldLocations: withStore(forgetOldLocations),
    forgetExpiredConversation: withStore(forgetExpiredConversation),
    databaseAnswers: () => store.ping(),
    /** The conversations plugin's storage: sealed with the PII key, prefetched with the account. */
    conversationStorage: <C extends { storedSession?: PrefetchedSession }, S>(
      prefix: string,
      key: (ctx: C) => string | undefined,
    ) => createConversationStorage<C, S>(store.db, pii, prefix, key),
  };
}

export type Services = ReturnType<typeof createServices>;
