import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REMINDER_QUEUE } from "../../src/jobs/boss.js";
import { deliverReminder, startReminderWorker } from "../../src/jobs/reminders.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import { formatDate } from "../../src/presentation/format.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, testServices, type Harness, type Person, sentTexts } from "../helpers/harness.js";

const TODAY = new Date("2026-11-22T10:00:00Z");
let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => TODAY, jobs: true }));
});
afterAll(() => closeTestBot({ database, harness }));

async function jobRows(obligationId: number) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ id: string; state: string; start_after: Date; series: string }>(
    `select id, state, start_after, data->>'series' as series from pgboss.job where name = $1 and (data->>'obligationId')::int = $2 order by start_after`,
    [REMINDER_QUEUE, obligationId],
  );
  await client.end();
  return rows;
}

async function borrower(): Promise<Person> {
  const person = await harness.readyPerson("ru");
  await person.send(harness.t("ru", "menu.loans"));
  return person;
}

describe("after the loan", () => {
  it("records the loan and schedules six reminders as delayed jobs", async () => {
    const person = await borrower();
    expect(sentTexts(await person.press("loans:got"))).toEqual([harness.t("ru", "loans:got.ask_date")]);
    expect(sentTexts(await person.send("31.02.2026"))[0]).toBe(harness.t("ru", "loans:got.invalid_date"));
    expect(sentTexts(await person.send("01.12.2026"))[0]).toBe(harness.t("ru", "loans:got.future_date"));
    expect(sentTexts(await person.send("01.01.2021"))[0]).toBe(
      harness.t("ru", "loans:got.too_early", { from: "09.02.2021" }),
    );
    expect(sentTexts(await person.send("12.11.2026"))).toEqual([harness.t("ru", "loans:got.ask_jobs")]);
    expect(sentTexts(await person.send("0"))[0]).toBe(harness.t("ru", "loans:got.invalid_jobs", { max: 10_000 }));
    const saved = sentTexts(await person.send("4"))[0];
    expect(saved).toBe(
      harness.t("ru", "loans:got.saved", {
        useDue: "10.02.2027",
        jobsDue: "12.11.2028",
        jobs: 4,
        count: 6,
        useDays: 90,
        jobsMonths: 24,
      }),
    );

    const obligation = await database.db.loanObligation.findFirstOrThrow({
      where: { user: { telegramId: BigInt(person.id) } },
    });
    expect(obligation).toMatchObject({ jobsPromised: 4 });
    const jobs = await jobRows(obligation.id);
    expect(jobs.map((j) => [j.series, j.start_after.toISOString(), j.state])).toEqual([
      ["targeted_use", "2027-01-11T04:00:00.000Z", "created"],
      ["targeted_use", "2027-01-31T04:00:00.000Z", "created"],
      ["targeted_use", "2027-02-09T04:00:00.000Z", "created"],
      ["jobs", "2028-05-12T04:00:00.000Z", "created"],
      ["jobs", "2028-09-12T04:00:00.000Z", "created"],
      ["jobs", "2028-10-12T04:00:00.000Z", "created"],
    ]);
  });

  it("goes back from the jobs to the date (the date asked again), and back from the date to the menu, saving nothing", async () => {
    const person = await borrower();
    await person.press("loans:got");
    expect(sentTexts(await person.send("12.11.2026"))).toEqual([harness.t("ru", "loans:got.ask_jobs")]);
    expect(sentTexts(await person.press("got:back"))).toEqual([harness.t("ru", "loans:got.ask_date")]);
    // The date is asked anew: an invalid one is refused as on the first time, and the question put again.
    expect(sentTexts(await person.send("31.02.2026"))).toEqual([
      harness.t("ru", "loans:got.invalid_date"),
      harness.t("ru", "loans:got.ask_date"),
    ]);
    expect(sentTexts(await person.send("10.11.2026"))).toEqual([harness.t("ru", "loans:got.ask_jobs")]);
    expect(sentTexts(await person.press("got:back"))).toEqual([harness.t("ru", "loans:got.ask_date")]);
    expect(sentTexts(await person.press("got:back"))).toEqual([harness.t("ru", "cancel.done")]);
    const saved = await database.db.loanObligation.count({ where: { user: { telegramId: BigInt(person.id) } } });
    expect(saved).toBe(0);
  });

  it("delivers a due reminder through the worker, with a done button", async () => {
    const person = await borrower();
    await person.press("loans:got");
    await person.send("01.10.2026");
    await person.send("2");
    const obligation = await database.db.loanObligation.findFirstOrThrow({
      where: { user: { telegramId: BigInt(person.id) } },
    });
    const boss = await harness.jobs!.get();
    await startReminderWorker(boss, {
      services: testServices(database.store, createOutbox(harness.jobs!.get)),
      log: (await import("pino")).default({ level: "silent" }),
    });
    await boss.send(REMINDER_QUEUE, { obligationId: obligation.id, series: "targeted_use", stage: 0 });
    const expected = harness.t("ru", "loans:reminder.targeted_use", {
      due: "30.12.2026",
      received: "01.10.2026",
      jobs: 2,
    });
    const deadline = Date.now() + 20_000;
    while (!person.sentToMe().some((r) => r.text === expected)) {
      if (Date.now() > deadline) throw new Error("the reminder was not delivered");
      await new Promise((resolve) => setTimeout(resolve, 200));
      await harness.flushNotifications(); // the reminder goes through the outbox
    }
    // However often its job runs, one message: the reminder is one notification.
    expect(
      await deliverReminder(
        {
          services: testServices(database.store, createOutbox(harness.jobs!.get)),
          log: (await import("pino")).default({ level: "silent" }),
        },
        { obligationId: obligation.id, series: "targeted_use", stage: 0 },
      ),
    ).toBe("skipped");
    const reminder = person.sentToMe().find((r) => r.text === expected)!;
    expect(reminder.buttons).toEqual([
      [harness.t("ru", "loans:obligations.done_targeted_use"), `oblg:done:${obligation.id}:targeted_use`],
    ]);
  }, 40_000);

  it("stops a series with the done button, and lists what is due and when", async () => {
    const person = await borrower();
    await person.press("loans:got");
    await person.send("12.11.2026");
    await person.send("3");
    const obligation = await database.db.loanObligation.findFirstOrThrow({
      where: { user: { telegramId: BigInt(person.id) } },
    });

    const list = sentTexts(await person.press("loans:obligations"))[0]!;
    expect(list).toContain(harness.t("ru", "loans:obligations.targeted_use_open", { due: "10.02.2027", jobs: 3 }));
    expect(list).toContain(harness.t("ru", "loans:obligations.jobs_open", { due: "12.11.2028", jobs: 3 }));

    const stranger = harness.person();
    await stranger.send("/start");
    await stranger.press("lang:ru");
    await stranger.pressData(`oblg:done:${obligation.id}:targeted_use`);
    expect(harness.telegram.calls.at(-1)!.payload.text).toBe(harness.t("ru", "fallback.stale_button"));
    expect(
      (await database.db.loanObligation.findUniqueOrThrow({ where: { id: obligation.id } })).targetedUseDoneAt,
    ).toBeNull();

    const done = await person.pressData(`oblg:done:${obligation.id}:targeted_use`);
    expect(done.find((r) => r.method === "answerCallbackQuery")).toBeDefined();
    expect(sentTexts(done)[0]).toContain(
      harness.t("ru", "loans:obligations.targeted_use_done", { due: "10.02.2027", jobs: 3 }),
    );
    const jobs = await jobRows(obligation.id);
    expect(jobs.filter((j) => j.series === "targeted_use").map((j) => j.state)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(jobs.filter((j) => j.series === "jobs").map((j) => j.state)).toEqual(["created", "created", "created"]);
    const outcome = await deliverReminder(
      {
        services: testServices(database.store, createOutbox(harness.jobs!.get)),
        log: (await import("pino")).default({ level: "silent" }),
      },
      { obligationId: obligation.id, series: "targeted_use", stage: 2 },
    );
    expect(outcome).toBe("skipped");
  });

  it("says so when there is no loan yet", async () => {
    const person = await borrower();
    expect(sentTexts(await person.press("loans:obligations"))).toEqual([harness.t("ru", "loans:obligations.none")]);
  });

  it("formats dates as people in Kazakhstan write them", () => {
    expect(formatDate(new Date("2021-03-05T00:00:00Z"))).toBe("05.03.2021");
  });
});
