// Every use case of the bot, the jobs and the web pages, bound to the one Store and to what they
// need besides (the PII key, the outbox). Callers hold these services, never the database: the
// bot's context carries them (ctx.services), the jobs and the HTTP server are given them.
import type { Store } from "../db/store.js";
import { keyOpensData, type Pii } from "./pii.js";
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
  acceptContractorInvitation,
  contractorProjects,
  createContractorInvitation,
  recordOutcome,
  referredPerson,
  referredToProject,
} from "./contractors.js";
import { answerFollowUp, queueFollowUps, referralsWithoutOutcome } from "./follow-ups.js";
import { checkReferral } from "./referral-check.js";
import { jobQueues, outboxState, scheduleRuns } from "../db/observed.js";
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
    /** Everyone's account, the chat's conversations and the record of a refusal. */
    accounts: {
      loadAccount: withStore(loadAccount),
      findOrCreateAccount: withStore(findOrCreateAccount),
      setLanguage: withStore(setLanguage),
      languageOfTelegramUser: withStore(languageOfTelegramUser),
      userById: withStore(userById),
      /** The conversations plugin's storage: sealed with the PII key, prefetched with the account. */
      conversationStorage: <C extends { storedSession?: PrefetchedSession }, S>(
        prefix: string,
        key: (ctx: C) => string | undefined,
      ) => createConversationStorage<C, S>(store.db, pii, prefix, key),
      forgetExpiredConversation: withStore(forgetExpiredConversation),
      /** A refused press or request, written wherever it was refused (the chat, the desk). */
      auditRefusal: withStore(auditRefusal),
    },
    /** Regions and districts (every screen that names a place). */
    places: {
      regions: withStore(regions),
      districtsOf: withStore(districtsOf),
      regionById: withStore(regionById),
      districtById: withStore(districtById),
      districtPoints: withStore(districtPoints),
    },
    /** Job seekers: profile, search, applications, questions. */
    seekers: {
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
      filterProfessions: withStore(filterProfessions),
      nearestOpenProjects: withStore(nearestOpenProjects),
      openProjectsInDistrict: withStore(openProjectsInDistrict),
      projectCard: withStore(projectCard),
      rememberLocation: withStore(rememberLocation),
      inlineProjects: withStore(inlineProjects),
      checkApplication: withStore(checkApplication),
      submitApplication: withStore(submitApplication),
      withdrawApplication: withStore(withdrawApplication),
      myApplications: withStore(myApplications),
      recordQuestion: withStore(recordQuestion),
      markUnhelpful: withStore(markUnhelpful),
      answerFollowUp: withStore(answerFollowUp),
    },
    /** Employment-centre staff: the queue, referrals, projects, the desk. */
    staff: {
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
      deskAccount: withStore(deskAccount),
      deskQueue: withStore(deskQueue),
      deskQueueExport: withStore(deskQueueExport),
      deskProjectChoices: withStore(deskProjectChoices),
      applicationHistory: withStore(applicationHistory),
      projectPositions: withStore(projectPositions),
      createContractorInvitation: withStore(createContractorInvitation),
      referralsWithoutOutcome: withStore(referralsWithoutOutcome),
    },
    /** Administrators: centres, staff, the audit log, undelivered messages. */
    admin: {
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
      undelivered: withStore(undelivered),
      retryUndelivered: withOutbox(retryUndelivered),
      unansweredQuestions: withStore(unansweredQuestions),
    },
    /** Entrepreneurs' loan obligations. */
    loans: {
      createObligation: withStore(createObligation),
      saveReminderJobs: withStore(saveReminderJobs),
      listObligations: withStore(listObligations),
      markObligationDone: withStore(markObligationDone),
      queueLoanReminder: withOutbox(queueLoanReminder),
    },
    /** Contractors' representatives: their projects and the people referred to them. */
    contractors: {
      acceptContractorInvitation: withOutbox(acceptContractorInvitation),
      contractorProjects: withStore(contractorProjects),
      referredToProject: withStore(referredToProject),
      referredPerson: withStore(referredPerson),
      recordOutcome: withOutbox(recordOutcome),
    },
    /** The monthly report. */
    reports: {
      resolveScope: withStore(resolveScope),
      buildMonthlyReport: withStore(buildMonthlyReport),
      queueMonthlyReports: withOutbox(queueMonthlyReports),
      queueFiguresReminders: withOutbox(queueFiguresReminders),
    },
    /** The public page and the open data. */
    public: {
      programmeProgress: withStore(programmeProgress),
      regionProgress: withStore(regionProgress),
      openProjects: withStore(openProjects),
      monthlyByRegion: withStore(monthlyByRegion),
      /** A referral's check by its signed code (anyone; a contractor's representative is told so). */
      checkReferral: withPii(checkReferral),
    },
    /** The outbox. */
    delivery: {
      deliverNotification: (sender: Sender, notificationId: number, rate?: number) =>
        deliverNotification(store, pii, sender, notificationId, rate),
      unsentNotificationIds: withStore(unsentNotificationIds),
    },
    /** The webhook and maintenance. */
    upkeep: {
      wasHandled: withStore(wasHandled),
      markHandled: withStore(markHandled),
      forgetOldUpdates: withStore(forgetOldUpdates),
      expireConversations: withStore(expireConversations),
      forgetOldLocations: withStore(forgetOldLocations),
      queueFollowUps: withOutbox(queueFollowUps),
      databaseAnswers: () => store.ping(),
      /** Whether PII_KEY opens the personal data stored (a restored backup with another key does not). */
      keyOpensData: () => keyOpensData(store, pii),
      /** What the metrics read when scraped. */
      outboxState: withStore(outboxState),
      jobQueues: withStore(jobQueues),
      scheduleRuns: withStore(scheduleRuns),
      poolStats: () => store.poolStats(),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
