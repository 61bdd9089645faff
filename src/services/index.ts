// Every use case of the bot, the jobs and the web pages, bound to the one Store and to what they
// need besides (the PII key, the outbox). Callers hold these services, never the database: the
// bot's context carries them (ctx.services), the jobs and the HTTP server are given them.
import type { Db } from "../db/client.js";
import type { Store } from "../db/store.js";
import type { Pii } from "./pii.js";
import { createConversationStorage, type PrefetchedSession } from "../db/prisma-storage.js";
import type { Outbox } from "./notifications.js";
import { applicantCard, revealIin } from "./applicant-card.js";
import { checkApplication, myApplications, submitApplication, withdrawApplication } from "./applications.js";
import { auditPage, auditRefusal } from "./audit.js";
import { centresOfRegion, regionsWithCentres, searchCentres } from "./centre-directory.js";
import { acceptInvitation, assertAdmin, centreById, centreDetails, centreOfPerson, createInvitation, removeStaff, saveCentre } from "./centres.js";
import { expireConversations, forgetExpiredConversation } from "./conversation-expiry.js";
import { applicationHistory, deskAccount, deskProjectChoices, projectPositions } from "./desk/desk.js";
import { deskQueue, deskQueueExport } from "./desk/queue.js";
import { monthlyByRegion, openProjects, programmeProgress, regionProgress } from "./public/progress.js";
import { inlineProjects } from "./inline-search.js";
import { deliverNotification, unsentNotificationIds, type Sender } from "./delivery.js";
import { markUnhelpful, recordQuestion, unansweredQuestions } from "./faq/questions.js";
import { countIinAttempt, fileIinClaim, iinClaimCard, openIinClaimCount, openIinClaims, resolveIinClaim } from "./iin-claims.js";
import { importProjects } from "./import/import-projects.js";
import { queueFiguresReminders, queueMonthlyReports } from "./monthly-notices.js";
import { createObligation, listObligations, markObligationDone, queueLoanReminder, saveReminderJobs } from "./obligations.js";
import { districtById, districtPoints, regionById } from "./places.js";
import { forgetOldUpdates, markHandled, wasHandled } from "./processed-updates.js";
import { changeProjectStatus, projectInReach, quotaProgress } from "./project-upkeep.js";
import { districtsOf, filterProfessions, nearestOpenProjects, openProjectsInDistrict, projectCard, regions } from "./projects.js";
import { actOnApplication, type ActionInput } from "./referrals.js";
import { projectFigure, recordMonthlyFigure } from "./reports/monthly-figures.js";
import { buildMonthlyReport } from "./reports/monthly-report.js";
import { resolveScope } from "./reports/report-scope.js";
import { eraseMyData, hasProfile, iinTakenByAnother, profileForEdit, readProfile, recordConsent, saveProfile, searchProfessions } from "./seekers.js";
import { staffProjects, staffQueue } from "./staff.js";
import { isSubscribed, setSubscription } from "./subscriptions.js";
import { retryUndelivered, undelivered } from "./undelivered.js";
import { findOrCreateAccount, languageOfTelegramUser, loadAccount, rememberLocation, setLanguage, userById } from "./users.js";

export interface ServiceDeps {
  store: Store;
  pii: Pii;
  outbox: Outbox;
}

export function createServices({ store, pii, outbox }: ServiceDeps) {
  const { db } = store;
  /** A use case with the database (and the PII key or the outbox) given: callers pass the rest. */
  const withDb = <A extends unknown[], R>(use: (db: Db, ...args: A) => R) => (...args: A): R => use(db, ...args);
  const withPii = <A extends unknown[], R>(use: (db: Db, pii: Pii, ...args: A) => R) => (...args: A): R => use(db, pii, ...args);
  const withOutbox = <A extends unknown[], R>(use: (db: Db, outbox: Outbox, ...args: A) => R) => (...args: A): R => use(db, outbox, ...args);

  return {
    // people and their accounts
    loadAccount: withDb(loadAccount),
    findOrCreateAccount: withDb(findOrCreateAccount),
    setLanguage: withDb(setLanguage),
    languageOfTelegramUser: withDb(languageOfTelegramUser),
    userById: withDb(userById),
    // seekers
    recordConsent: withDb(recordConsent),
    hasProfile: withDb(hasProfile),
    iinTakenByAnother: withPii(iinTakenByAnother),
    saveProfile: withPii(saveProfile),
    profileForEdit: withDb(profileForEdit),
    readProfile: withPii(readProfile),
    eraseMyData: withDb(eraseMyData),
    searchProfessions: withDb(searchProfessions),
    countIinAttempt: withDb(countIinAttempt),
    fileIinClaim: withPii(fileIinClaim),
    isSubscribed: withDb(isSubscribed),
    setSubscription: withDb(setSubscription),
    // places and projects
    regions: withDb(regions),
    districtsOf: withDb(districtsOf),
    regionById: withDb(regionById),
    districtById: withDb(districtById),
    districtPoints: withDb(districtPoints),
    filterProfessions: withDb(filterProfessions),
    nearestOpenProjects: withDb(nearestOpenProjects),
    openProjectsInDistrict: withDb(openProjectsInDistrict),
    projectCard: withDb(projectCard),
    rememberLocation: withDb(rememberLocation),
    inlineProjects: withDb(inlineProjects),
    // applications
    checkApplication: withDb(checkApplication),
    submitApplication: withDb(submitApplication),
    withdrawApplication: withDb(withdrawApplication),
    myApplications: withDb(myApplications),
    // staff
    staffQueue: withDb(staffQueue),
    staffProjects: withDb(staffProjects),
    applicantCard: withPii(applicantCard),
    revealIin: withPii(revealIin),
    actOnApplication: (userId: number, applicationId: number, input: ActionInput, now: Date) => actOnApplication({ db, outbox, now }, userId, applicationId, input),
    quotaProgress: withDb(quotaProgress),
    projectInReach: withDb(projectInReach),
    changeProjectStatus: withDb(changeProjectStatus),
    importProjects: withOutbox(importProjects),
    projectFigure: withDb(projectFigure),
    recordMonthlyFigure: withDb(recordMonthlyFigure),
    openIinClaimCount: withDb(openIinClaimCount),
    openIinClaims: withDb(openIinClaims),
    iinClaimCard: withPii(iinClaimCard),
    resolveIinClaim: withOutbox(resolveIinClaim),
    centreOfPerson: withDb(centreOfPerson),
    acceptInvitation: withOutbox(acceptInvitation),
    // the staff desk (src/web/desk)
    deskAccount: withDb(deskAccount),
    deskQueue: withDb(deskQueue),
    deskQueueExport: withDb(deskQueueExport),
    deskProjectChoices: withDb(deskProjectChoices),
    applicationHistory: withDb(applicationHistory),
    projectPositions: withDb(projectPositions),
    // the public page and the open data (src/web/public)
    programmeProgress: withDb(programmeProgress),
    regionProgress: withDb(regionProgress),
    openProjects: withDb(openProjects),
    monthlyByRegion: withDb(monthlyByRegion),
    // reports
    resolveScope: withDb(resolveScope),
    buildMonthlyReport: withDb(buildMonthlyReport),
    queueMonthlyReports: withOutbox(queueMonthlyReports),
    queueFiguresReminders: withOutbox(queueFiguresReminders),
    // admins
    assertAdmin: withDb(assertAdmin),
    centreById: withDb(centreById),
    centreDetails: withDb(centreDetails),
    saveCentre: withDb(saveCentre),
    createInvitation: withDb(createInvitation),
    removeStaff: withOutbox(removeStaff),
    regionsWithCentres: withDb(regionsWithCentres),
    centresOfRegion: withDb(centresOfRegion),
    searchCentres: withDb(searchCentres),
    auditPage: withDb(auditPage),
    auditRefusal: withDb(auditRefusal),
    undelivered: withDb(undelivered),
    retryUndelivered: withOutbox(retryUndelivered),
    unansweredQuestions: withDb(unansweredQuestions),
    // FAQ
    recordQuestion: withDb(recordQuestion),
    markUnhelpful: withDb(markUnhelpful),
    // loans
    createObligation: withDb(createObligation),
    saveReminderJobs: withDb(saveReminderJobs),
    listObligations: withDb(listObligations),
    markObligationDone: withDb(markObligationDone),
    queueLoanReminder: withOutbox(queueLoanReminder),
    // the outbox, the webhook and upkeep
    deliverNotification: (sender: Sender, notificationId: number, rate?: number) => deliverNotification(db, sender, notificationId, rate),
    unsentNotificationIds: withDb(unsentNotificationIds),
    wasHandled: withDb(wasHandled),
    markHandled: withDb(markHandled),
    forgetOldUpdates: withDb(forgetOldUpdates),
    expireConversations: withDb(expireConversations),
    forgetExpiredConversation: withDb(forgetExpiredConversation),
    databaseAnswers: () => store.ping(),
    /** The conversations plugin's storage: sealed with the PII key, prefetched with the account. */
    conversationStorage: <C extends { storedSession?: PrefetchedSession }, S>(prefix: string, key: (ctx: C) => string | undefined) =>
      createConversationStorage<C, S>(db, pii, prefix, key),
  };
}

export type Services = ReturnType<typeof createServices>;
