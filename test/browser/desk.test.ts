/// <reference lib="dom" />
// The staff desk in a real browser (Debian's Chromium): opened as Telegram opens a Mini App (the
// initData in the URL's fragment, Telegram's script unreachable), a staff member filters the queue,
// opens an applicant and issues a referral; the seeker is told once; the XLSX downloads and reads
// back; forged, expired and another centre's requests are refused. axe-core finds no serious
// violation, and the screenshots for the README are saved under docs/.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../src/services/applications.js";
import { hasChromium, launchChromium, seriousViolations } from "../helpers/browser.js";
import type { TestDatabase } from "../helpers/database.js";
import { initDataFor, startDesk, type Desk } from "../helpers/desk.js";
import { closeTestBot, openTestBot, type Harness, type Person } from "../helpers/harness.js";
import { MEDEU, ZHETYSU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date();
const DOCS = path.resolve(import.meta.dirname, "../../docs");
let database: TestDatabase;
let harness: Harness;
let desk: Desk;
let browser: Browser;
let staff: Person;
const seekers: Array<{ person: Person; applicationId: number; name: string }> = [];
let foreignId: number;

/** Telegram's default theme parameters, light and dark, as its script sets them on the page. */
const THEMES = {
  light: {
    bg_color: "#ffffff",
    text_color: "#000000",
    hint_color: "#999999",
    link_color: "#2481cc",
    button_color: "#2481cc",
    button_text_color: "#ffffff",
    secondary_bg_color: "#efeff3",
  },
  dark: {
    bg_color: "#17212b",
    text_color: "#f5f5f5",
    hint_color: "#708499",
    link_color: "#6ab3f3",
    button_color: "#50a8eb",
    button_text_color: "#ffffff",
    secondary_bg_color: "#232e3c",
  },
} as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const openAs = async (
  initData: string,
  locale = "ru-RU",
  options: { viewport?: { width: number; height: number }; theme?: keyof typeof THEMES } = {},
): Promise<Page> => {
  const context = await browser.newContext({ viewport: options.viewport ?? PHONE, acceptDownloads: true, locale });
  if (options.theme) {
    await context.addInitScript((theme) => {
      document.addEventListener("DOMContentLoaded", () => {
        for (const [key, value] of Object.entries(theme))
          document.documentElement.style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value);
      });
    }, THEMES[options.theme]);
  }
  const page = await context.newPage();
  await page.route("https://telegram.org/**", (route) => route.abort()); // offline: the page must not need it
  await page.goto(
    `${desk.url}#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=7.0&tgWebAppPlatform=android`,
  );
  return page;
};

describe.skipIf(!hasChromium)("the staff desk in a browser", () => {
  beforeAll(async () => {
    ({ database, harness } = await openTestBot({ jobs: true }));
    const project = await addProject(database.db, {
      districtKato: MEDEU,
      name: "Капитальный ремонт школы-гимназии № 9 имени Абая Кунанбаева",
      lat: 43.25,
      lon: 76.92,
      positions: [
        { code: "mason", count: 12, wage: 180_000 },
        { code: "welder", count: 4, wage: 200_000 },
      ],
    });
    const other = await addProject(database.db, {
      districtKato: ZHETYSU,
      name: "Поликлиника № 4",
      lat: 43.3,
      lon: 76.95,
    });
    staff = harness.person({ firstName: "Гүлнар" });
    const user = await makeStaff(
      database.db,
      staff,
      (await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района")).id,
    );
    await database.db.user.update({ where: { id: user.id }, data: { firstName: "Гүлнар" } });
    const names = [
      "Абаев Абай Кунанбаевич",
      "Жанова Жания Ерболовна",
      "Сериков Серик",
      "Қасымова Әйгерім",
      "Ким Виктор Павлович",
      "Омаров Нурлан",
    ];
    for (const [i, name] of names.entries()) {
      const person = harness.person();
      const youth = i % 2 === 1;
      const seeker = await registerSeeker(database.store, person, {
        iin: makeIin(youth ? "010315" : "790101", youth ? 5 : 3),
        districtKato: MEDEU,
        fullName: name,
        status: youth ? "registered_unemployed" : "job_seeker",
      });
      const position = project.positions[i % 2]!.id;
      const { application } = await submitApplication(
        database.store,
        seeker.id,
        position,
        new Date(NOW.getTime() - (10 - i) * 86_400_000),
      );
      seekers.push({ person, applicationId: application!.id, name });
    }
    const stranger = harness.person();
    const strangerUser = await registerSeeker(database.store, stranger, {
      iin: makeIin("850505"),
      districtKato: ZHETYSU,
      fullName: "Чужой Заявитель",
    });
    foreignId = (await submitApplication(database.store, strangerUser.id, other.positions[0]!.id, NOW)).application!.id;
    desk = await startDesk(harness, () => new Date());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await closeTestBot({ database, harness });
  });

  it("on a phone opens on the waiting applications, as cards, with no sideways scroll, the filters folded", async () => {
    const page = await openAs(initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date()));
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    await page.locator(".cards li").first().waitFor();
    expect(await page.locator(".cards li").count()).toBe(6);
    expect(await page.getByRole("table").isVisible()).toBe(false);
    const firstCard = await page.locator(".cards li").first().boundingBox();
    expect(firstCard!.y + firstCard!.height).toBeLessThan(PHONE.height); // the first screen shows what needs doing
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await page.locator("details.filters").getAttribute("open")).toBeNull();
    // the priority group first, then the oldest: the youth (every second one) lead
    const names = await page.locator(".card-person").allTextContents();
    expect(names.slice(0, 3)).toEqual([seekers[1]!.name, seekers[3]!.name, seekers[5]!.name]);
    expect(await page.title()).toContain(t("desk:queue.heading"));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, "desk-queue.png"), fullPage: true });
    await page.context().close();
  });

  it("filters through the folded form and its chips, opens an applicant, issues a referral the seeker hears of once, and downloads the XLSX", async () => {
    const page = await openAs(initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date()));
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    await page.locator(".cards li").first().waitFor();
    await page.getByText(t("desk:queue.filters_button")).click();
    await page.getByLabel(t("desk:queue.priority_only")).check();
    await page.getByRole("button", { name: t("desk:queue.apply") }).click();
    await expect.poll(() => page.locator(".cards li").count()).toBe(3);
    await page.getByText(t("desk:queue.filters_active", { count: 1 })).click();
    await page.getByLabel(t("desk:queue.search")).fill("Жания");
    await page.getByRole("button", { name: t("desk:queue.apply") }).click();
    await expect.poll(() => page.locator(".cards li").count()).toBe(1);
    await page
      .getByRole("link", { name: t("desk:queue.remove_filter", { filter: `${t("desk:queue.search")}: Жания` }) })
      .click();
    await expect.poll(() => page.locator(".cards li").count()).toBe(3);

    const seeker = seekers[1]!;
    const number = (await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).number;
    await page.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { level: 1, name: t("desk:applicant.heading", { number }) }).waitFor();
    expect(await page.getByText(seeker.name).count()).toBeGreaterThan(0);
    const phone = page.locator('a[href^="tel:"]');
    expect(await phone.getAttribute("href")).toBe("tel:+77010000000");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, "desk-applicant.png"), fullPage: true });

    await page.getByRole("button", { name: t("staff:action.refer") }).click();
    await page.getByRole("status").waitFor();
    const referred = await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } });
    expect(referred.status).toBe("referred");
    await expect
      .poll(() => page.getByText(t("staff:done.refer", { referral: referred.referralNumber })).count())
      .toBe(1);
    await harness.flushAll();
    expect(seeker.person.sentToMe().filter((r) => r.text.includes(referred.referralNumber!))).toHaveLength(1);

    await page.getByRole("link", { name: t("desk:nav.queue"), exact: true }).click();
    await expect.poll(() => page.locator(".cards li").count()).toBe(5); // one is no longer waiting
    await page.getByRole("link", { name: new RegExp(`^${t("applications:status.referred")}`) }).click();
    await expect.poll(() => page.locator(".cards li").count()).toBe(1); // the other statuses one tap away
    await page.getByRole("link", { name: new RegExp(`^${t("desk:queue.all_statuses")}`) }).click();
    await expect.poll(() => page.locator(".cards li").count()).toBe(6);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t("desk:queue.download") }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    const statuses = Array.from({ length: 6 }, (_, i) => sheet.getRow(i + 2).getCell(8).value);
    expect(statuses.filter((s) => s === t("applications:status.referred"))).toHaveLength(1);
    await page.context().close();
  });

  it("rejects only in two steps, with a reason chosen (none preselected), by a button unlike Refer", async () => {
    const page = await openAs(initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date()));
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    const seeker = seekers[4]!;
    const number = (await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).number;
    await page.locator(".cards li").first().waitFor();
    await page.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { level: 1, name: t("desk:applicant.heading", { number }) }).waitFor();
    expect(await page.getByLabel(t("desk:applicant.reason")).inputValue()).toBe("");
    const [refer, reject] = [
      page.getByRole("button", { name: t("staff:action.refer") }),
      page.getByRole("button", { name: t("desk:applicant.reject_start") }),
    ];
    const looks = (button: typeof refer) => button.evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(await looks(reject)).not.toBe(await looks(refer));
    await reject.click(); // no reason: the browser keeps the form
    expect((await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).status).toBe(
      "submitted",
    );
    await page.getByLabel(t("desk:applicant.reason")).selectOption("requirements");
    await reject.click();
    await page.getByRole("heading", { name: t("desk:applicant.reject_confirm_heading") }).waitFor();
    expect((await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).status).toBe(
      "submitted",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: t("desk:applicant.reject_confirm") }).click();
    await page.getByRole("status").waitFor();
    expect((await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).status).toBe(
      "rejected",
    );
    await page.context().close();
  });

  it.each([
    ["light", PHONE],
    ["dark", PHONE],
    ["light", DESKTOP],
    ["dark", DESKTOP],
  ] as const)("keeps WCAG AA contrast in Telegram's %s theme at %o", async (theme, viewport) => {
    const page = await openAs(initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date()), "ru-RU", {
      viewport,
      theme,
    });
    const t = (key: string) => harness.t("ru", key);
    await page.getByRole("link", { name: new RegExp(`^${t("desk:queue.all_statuses")}`) }).click();
    const list = viewport === DESKTOP ? page.getByRole("table") : page.locator(".cards");
    await list.waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      theme === "dark" ? "rgb(23, 33, 43)" : "rgb(255, 255, 255)",
    );
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .locator(`a[href*="/app/applications/${seekers[0]!.applicationId}"]`)
      .locator("visible=true")
      .first()
      .click();
    await page.getByRole("heading", { name: t("desk:applicant.actions") }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("on a wide screen shows the table with its header and first column sticky", async () => {
    const page = await openAs(initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date()), "ru-RU", {
      viewport: DESKTOP,
    });
    await page.getByRole("table").waitFor();
    expect(await page.locator(".cards").isVisible()).toBe(false);
    const positions = await page.evaluate(() =>
      [document.querySelector("table.queue thead th")!, document.querySelector("table.queue tbody th")!].map(
        (cell) => getComputedStyle(cell).position,
      ),
    );
    expect(positions).toEqual(["sticky", "sticky"]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("inside Telegram: takes initData from Telegram.WebApp; its MainButton refers, its BackButton goes back, Telegram saves the XLSX", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const initData = initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date());
    // Telegram's script as a Mini App sees it: initData, ready/expand, the Back and Main buttons (recorded).
    await context.addInitScript((data) => {
      const button = () => ({
        visible: false,
        text: "",
        handler: null as null | (() => void),
        show() {
          this.visible = true;
          return this;
        },
        hide() {
          this.visible = false;
          return this;
        },
        setText(text: string) {
          this.text = text;
          return this;
        },
        onClick(fn: () => void) {
          this.handler = fn;
          return this;
        },
        offClick() {
          this.handler = null;
          return this;
        },
      });
      const downloads: Array<{ url: string; file_name: string }> = [];
      (window as unknown as { Telegram: unknown }).Telegram = {
        WebApp: {
          initData: data,
          ready() {
            (this as { isReady?: boolean }).isReady = true;
          },
          expand() {},
          BackButton: button(),
          MainButton: button(),
          isVersionAtLeast: (version: string) => Number(version) <= 8,
          downloadFile: (file: { url: string; file_name: string }) => downloads.push(file),
          downloads,
        },
      };
    }, initData);
    const page = await context.newPage();
    await page.route("https://telegram.org/**", (route) => route.abort());
    await page.goto(desk.url); // no fragment: the initData comes from Telegram.WebApp
    await page.locator(".cards li").first().waitFor();
    const webApp = () =>
      page.evaluate(() => {
        const app = (
          window as unknown as {
            Telegram: {
              WebApp: {
                isReady?: boolean;
                MainButton: { visible: boolean; text: string };
                BackButton: { visible: boolean };
              };
            };
          }
        ).Telegram.WebApp;
        return {
          ready: app.isReady === true,
          main: { visible: app.MainButton.visible, text: app.MainButton.text },
          back: app.BackButton.visible,
        };
      });
    expect(await webApp()).toEqual({ ready: true, main: { visible: false, text: "" }, back: false });
    const seeker = seekers[2]!;
    const number = (await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).number;
    await page.getByRole("link", { name: number }).click();
    await page
      .getByRole("heading", { level: 1, name: harness.t("ru", "desk:applicant.heading", { number }) })
      .waitFor();
    expect(await webApp()).toEqual({
      ready: true,
      main: { visible: true, text: harness.t("ru", "staff:action.refer") },
      back: true,
    });
    await page.evaluate(() =>
      (
        window as unknown as { Telegram: { WebApp: { MainButton: { handler: () => void } } } }
      ).Telegram.WebApp.MainButton.handler(),
    );
    await page.getByRole("status").waitFor();
    expect((await database.db.application.findUniqueOrThrow({ where: { id: seeker.applicationId } })).status).toBe(
      "referred",
    );
    expect((await webApp()).main.visible).toBe(false); // referred: nothing left to press first

    // The XLSX: Telegram is asked to save it from a link signed for this file, which works without initData.
    await page.getByRole("link", { name: harness.t("ru", "desk:nav.queue"), exact: true }).click();
    await page.getByRole("link", { name: harness.t("ru", "desk:queue.download") }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { Telegram: { WebApp: { downloads: unknown[] } } }).Telegram.WebApp.downloads.length,
        ),
      )
      .toBe(1);
    const [asked] = await page.evaluate(
      () =>
        (window as unknown as { Telegram: { WebApp: { downloads: Array<{ url: string; file_name: string }> } } })
          .Telegram.WebApp.downloads,
    );
    expect(asked!.file_name).toBe(`${harness.t("ru", "desk:queue.file_name")}.xlsx`);
    const saved = await fetch(asked!.url);
    expect(saved.status).toBe(200);
    expect(saved.headers.get("content-type")).toContain("spreadsheetml");
    await context.close();
  });

  it("refuses forged and expired initData and another centre's application", async () => {
    const forged = await openAs(initDataFor({ id: staff.id }, new Date(), "999999:forged-token-forged-token-forged"));
    await forged.getByText(harness.t("ru", "desk:errors.unauthorized")).waitFor();
    await forged.context().close();
    const expired = await openAs(initDataFor({ id: staff.id }, new Date(Date.now() - 25 * 3600_000)), "kk-KZ"); // nobody to tell: the browser's language
    await expired.getByText(harness.t("kk", "desk:errors.unauthorized")).waitFor();
    await expired.context().close();

    const page = await openAs(initDataFor({ id: staff.id }, new Date()));
    await page.locator(".cards").waitFor();
    await page.evaluate((href) => {
      const link = Object.assign(document.createElement("a"), { href, textContent: "forged link" });
      document.querySelector("main")!.append(link);
      (window as unknown as { htmx: { process: (element: Element) => void } }).htmx.process(link); // as htmx takes in new content
      link.click();
    }, `/desk/app/applications/${foreignId}`);
    await page.getByText(harness.t("ru", "desk:errors.not_allowed")).waitFor();
    expect(await database.db.auditLog.count({ where: { action: "refused", entity: "desk:applications" } })).toBe(1);
    await page.context().close();
  });
});
