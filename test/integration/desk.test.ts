// The staff desk over HTTP, on the bot's own server: who may open it (initData signed by Telegram,
// at most a day old, staff only), the centre's queue with its filters, sorting, counts and file,
// the applicant's actions through the chat's services (audit, the seeker's notification once),
// another centre's records refused and audited, the projects and the report.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../src/services/applications.js";
import type { TestDatabase } from "../helpers/database.js";
import { DESK_PATH, initDataFor, initDataWithoutSignature, startDesk, type Desk } from "../helpers/desk.js";
import { closeTestBot, openTestBot, type Harness, type Person } from "../helpers/harness.js";
import { MEDEU, ZHETYSU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date("2021-06-01T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let desk: Desk;
let staff: Person;
let staffData: string;
let otherStaffData: string;
let ownProject: Awaited<ReturnType<typeof addProject>>;
let otherProject: Awaited<ReturnType<typeof addProject>>;
const apps: Record<string, { id: number; number: string; person: Person }> = {};

async function apply(
  name: string,
  project: typeof ownProject,
  options: { birth?: string; century?: 3 | 5; at: Date; status?: "job_seeker" | "registered_unemployed" },
) {
  const person = harness.person();
  const user = await registerSeeker(database.store, person, {
    iin: makeIin(options.birth ?? "800101", options.century ?? 3),
    districtKato: MEDEU,
    fullName: name,
    status: options.status ?? "job_seeker",
  });
  const { application } = await submitApplication(database.store, user.id, project.positions[0]!.id, options.at);
  apps[name] = { id: application!.id, number: application!.number, person };
}

const text = async (response: Response) => {
  const html = await response.text();
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
};

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW, webAppUrl: `http://127.0.0.1/desk`, jobs: true }));
  ownProject = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Школа № 9",
    lat: 43.25,
    lon: 76.92,
    positions: [{ code: "mason", count: 2, wage: 150_000 }],
  });
  otherProject = await addProject(database.db, { districtKato: ZHETYSU, name: "Поликлиника", lat: 43.3, lon: 76.95 });
  staff = harness.person({ firstName: "Гүлнар" });
  const other = harness.person({ firstName: "Ерлан" });
  const staffUser = await makeStaff(
    database.db,
    staff,
    (await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района")).id,
  );
  await database.db.user.update({ where: { id: staffUser.id }, data: { firstName: "Гүлнар" } }); // as the bot records it at the first message
  await makeStaff(database.db, other, (await addCentre(database.db, [ZHETYSU], "ЦЗН Жетысуского района")).id);
  staffData = initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date(NOW.getTime() - 60_000));
  otherStaffData = initDataFor({ id: other.id }, new Date(NOW.getTime() - 60_000));
  await apply("Абаев Абай", ownProject, { at: new Date("2021-05-01T08:00:00Z") });
  await apply("Жанова Жания", ownProject, {
    birth: "000101",
    century: 5,
    status: "registered_unemployed",
    at: new Date("2021-05-20T08:00:00Z"),
  });
  await apply("=1+2 Формулов", ownProject, { at: new Date("2021-05-25T08:00:00Z") });
  await apply("Чужой Человек", otherProject, { at: new Date("2021-05-10T08:00:00Z") });
  desk = await startDesk(harness, () => NOW);
});

afterAll(async () => {
  await desk.close();
  await closeTestBot({ database, harness });
});

describe("opening the desk", () => {
  it("serves the page Telegram opens without data, with its script and a policy that lets only Telegram frame it", async () => {
    const response = await fetch(desk.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`${DESK_PATH}/static/desk.js`);
    expect(html).not.toContain("Абаев");
    expect(html).toContain(`<title>${harness.t("kk", "desk:title")} / ${harness.t("ru", "desk:title")}</title>`);
    expect(html).toContain(
      `data-network-error="${harness.t("kk", "desk:network_error")} / ${harness.t("ru", "desk:network_error")}"`,
    );
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors 'self' https://web.telegram.org");
    expect(policy).toContain("script-src 'self' https://telegram.org/js/telegram-web-app.js;"); // that one file, not the whole host
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect((await fetch(`${desk.origin}${DESK_PATH}/static/desk.js`)).headers.get("content-type")).toContain(
      "javascript",
    );
    // htmx from the bot's own origin (the policy allows no other script host), the content area boosted into itself.
    expect(html).toMatch(new RegExp(`<script src="${DESK_PATH}/static/htmx.min.js" defer(="")?>`));
    expect(html).toMatch(/<main id="desk" hx-boost="true" hx-target="#desk"/);
    const htmx = await fetch(`${desk.origin}${DESK_PATH}/static/htmx.min.js`);
    expect(htmx.headers.get("content-type")).toContain("javascript");
    expect(await htmx.text()).toContain("htmx:configRequest");
    expect((await fetch(`${desk.origin}${DESK_PATH}/static/other.js`)).status).toBe(404);
  });

  it("refuses missing, forged, expired and future initData with 401, in both languages", async () => {
    const forged = initDataFor({ id: staff.id }, NOW, "999999:forged-token-forged-token-forged");
    const tampered = staffData.replace(
      encodeURIComponent(`"id":${staff.id}`),
      encodeURIComponent(`"id":${staff.id + 1}`),
    );
    const expired = initDataFor({ id: staff.id }, new Date(NOW.getTime() - 24 * 3600_000 - 1_000));
    const future = initDataFor({ id: staff.id }, new Date(NOW.getTime() + 3600_000));
    for (const initData of [null, "", "garbage", forged, tampered, expired, future]) {
      const response = await desk.request("queue", initData);
      expect(response.status, String(initData)).toBe(401);
      const body = await text(response);
      expect(body).toContain(harness.t("kk", "desk:errors.unauthorized"));
      expect(body).toContain(harness.t("ru", "desk:errors.unauthorized"));
    }
    // A day old is still in time.
    expect(
      (await desk.request("queue", initDataFor({ id: staff.id }, new Date(NOW.getTime() - 24 * 3600_000 + 60_000))))
        .status,
    ).toBe(200);
  });

  it("answers someone it cannot tell in the browser's language, and both languages when the browser asks for neither", async () => {
    const kazakh = await text(
      await desk.request("queue", null, { headers: { "accept-language": "en-US,kk;q=0.8,ru;q=0.5" } }),
    );
    expect(kazakh).toContain(harness.t("kk", "desk:errors.unauthorized"));
    expect(kazakh).not.toContain(harness.t("ru", "desk:errors.unauthorized"));
    const russian = await text(await desk.request("queue", "garbage", { headers: { "accept-language": "ru-RU" } }));
    expect(russian).toContain(harness.t("ru", "desk:errors.unauthorized"));
    expect(russian).not.toContain(harness.t("kk", "desk:errors.unauthorized"));
  });

  it("accepts initData of older Telegram clients, which carry no signature field", async () => {
    const old = initDataWithoutSignature({ id: staff.id }, new Date(NOW.getTime() - 60_000));
    expect(old).not.toContain("signature");
    expect((await desk.request("queue", old)).status).toBe(200);
    const forged = initDataWithoutSignature(
      { id: staff.id },
      new Date(NOW.getTime() - 60_000),
      "999999:forged-token-forged-token-forged",
    );
    expect((await desk.request("queue", forged)).status).toBe(401);
  });

  it("reads with initData up to a day old but acts only with initData signed within the hour", async () => {
    const { id } = apps["Жанова Жания"]!;
    const earlier = initDataFor({ id: staff.id }, new Date(NOW.getTime() - 61 * 60_000));
    expect((await desk.request(`applications/${id}`, earlier)).status).toBe(200);
    for (const action of ["refer", "iin", "no-show"]) {
      const response = await desk.request(`applications/${id}/${action}`, earlier, { form: {} });
      expect(response.status, action).toBe(401);
      expect(await text(response)).toContain(harness.t("ru", "desk:errors.reopen"));
    }
    expect((await database.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
    expect(await database.db.auditLog.count({ where: { action: "show_iin", entityId: String(id) } })).toBe(0);
    const fresh = initDataFor({ id: staff.id }, new Date(NOW.getTime() - 59 * 60_000));
    expect((await desk.request(`applications/${id}/iin`, fresh, { form: {} })).status).toBe(200);
    expect(await database.db.auditLog.count({ where: { action: "show_iin", entityId: String(id) } })).toBe(1);
  });

  it("refuses people without the staff role with 403, in their language", async () => {
    const seeker = apps["Абаев Абай"]!.person;
    const response = await desk.request("queue", initDataFor({ id: seeker.id }, NOW));
    expect(response.status).toBe(403);
    expect(await text(response)).toContain(harness.t("ru", "desk:errors.forbidden"));
    const stranger = await desk.request("queue", initDataFor({ id: 777_000_001 }, NOW));
    expect(stranger.status).toBe(403);
  });
});

describe("the queue", () => {
  it("lists only the centre's applications, priority counted, with the count of each status", async () => {
    const body = await text(await desk.request("queue", staffData));
    for (const name of ["Абаев Абай", "Жанова Жания", "=1+2 Формулов"]) expect(body).toContain(name);
    expect(body).not.toContain("Чужой Человек");
    expect(body).toContain(`${harness.t("ru", "applications:status.submitted")}: 3`);
    expect(body).toContain(harness.t("ru", "desk:queue.caption", { count: "3", page: 1, pages: 1 }));
    expect(body).toContain(harness.t("ru", "desk:queue.age.youth"));
  });

  it("filters by priority group, text, project and dates, and sorts by a column both ways", async () => {
    const priority = await text(await desk.request("queue?priority=1", staffData));
    expect(priority).toContain("Жанова Жания");
    expect(priority).not.toContain("Абаев Абай");
    const byNumber = await text(
      await desk.request(`queue?q=${encodeURIComponent(apps["Абаев Абай"]!.number)}`, staffData),
    );
    expect(byNumber).toContain("Абаев Абай");
    expect(byNumber).not.toContain("Жанова");
    const byName = await text(await desk.request(`queue?q=${encodeURIComponent("жания")}`, staffData));
    expect(byName).toContain("Жанова Жания");
    expect(byName).not.toContain("Абаев");
    const dated = await text(await desk.request("queue?from=2021-05-20&to=2021-05-20", staffData));
    expect(dated).toContain("Жанова Жания");
    expect(dated).not.toContain("Формулов");
    expect(await text(await desk.request(`queue?project=${otherProject.id}`, staffData))).toContain(
      harness.t("ru", "desk:queue.empty"),
    );
    /** The three names in the order the page shows them; a missing one fails (it would sort first by its -1). */
    const names = (body: string) => {
      const all = ["Абаев Абай", "Жанова Жания", "=1+2 Формулов"];
      for (const name of all) expect(body, name).toContain(name);
      return all.sort((a, b) => body.indexOf(a) - body.indexOf(b));
    };
    expect(names(await text(await desk.request("queue?sort=name", staffData)))).toEqual([
      "=1+2 Формулов",
      "Абаев Абай",
      "Жанова Жания",
    ]);
    expect(names(await text(await desk.request("queue?sort=name&dir=desc", staffData)))).toEqual([
      "Жанова Жания",
      "Абаев Абай",
      "=1+2 Формулов",
    ]);
    expect(names(await text(await desk.request("queue?sort=submitted", staffData)))).toEqual([
      "Абаев Абай",
      "Жанова Жания",
      "=1+2 Формулов",
    ]);
    // what the desk opens on: waiting for a decision, the priority group first, then the oldest
    expect(names(await text(await desk.request("queue", staffData)))).toEqual([
      "Жанова Жания",
      "Абаев Абай",
      "=1+2 Формулов",
    ]);
  });

  it("answers bad filters with a clear message in the person's language and keeps the rest", async () => {
    for (const query of [
      "status=nonsense",
      "from=2021-13-45",
      "page=0",
      `q=${"x".repeat(101)}`,
      "sort=drop",
      "project=abc",
    ]) {
      const response = await desk.request(`queue?${query}`, staffData);
      expect(response.status, query).toBe(400);
      expect(await text(response)).toContain(
        harness.t("ru", "desk:errors.bad_request", { problem: "" }).trim().slice(0, 20),
      );
    }
    const last = await desk.request("queue?page=999", staffData);
    expect(last.status).toBe(200); // past the end: the last page
  });

  it("downloads the filtered rows as XLSX that reads back with dates as dates and a formula as text", async () => {
    const response = await desk.request("queue.xlsx?sort=name", staffData);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe(harness.t("ru", "desk:queue.column.number"));
    const formulaRow = sheet.getRow(2);
    expect(formulaRow.getCell(3).value).toBe("=1+2 Формулов");
    expect(formulaRow.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(formulaRow.getCell(2).value).toEqual(new Date("2021-05-25T00:00:00Z"));
    const filtered = new ExcelJS.Workbook();
    await filtered.xlsx.load(
      Buffer.from(await (await desk.request("queue.xlsx?priority=1", staffData)).arrayBuffer()) as never,
    );
    expect(filtered.worksheets[0]!.rowCount).toBe(2);
  });
});

describe("files Telegram opens by itself (downloadFile)", () => {
  it("hands out a link signed for that staff member, file and filters, valid for two minutes", async () => {
    const response = await desk.request(`link?for=${encodeURIComponent("queue.xlsx?priority=1&sort=name")}`, staffData);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^\/desk\/app\/queue\.xlsx\?priority=1&sort=name&link=\d+\.\d+\.[\w-]{43}$/);
    const file = await fetch(`${desk.origin}${url}`); // no initData: the link alone
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(2); // the priority group only, as signed
    // Another filter, another file, a changed signature, or none at all: refused.
    for (const forged of [
      url.replace("priority=1&", ""),
      url.replace("queue.xlsx", "report.csv"),
      `${url.slice(0, -2)}xx`,
      url.replace(/&link=.*/, ""),
    ]) {
      expect((await fetch(`${desk.origin}${forged}`)).status, forged).toBe(401);
    }
    expect((await desk.request(`link?for=${encodeURIComponent("applications/1")}`, staffData)).status).toBe(400);
    expect((await desk.request(`link?for=queue.xlsx`, null)).status).toBe(401);
  });

  it("refuses a link once its two minutes are over, and a link signed for someone who is no staff member", async () => {
    const later = await startDesk(harness, () => new Date(NOW.getTime() + 121_000));
    try {
      const { url } = (await (await desk.request("link?for=report.csv%3Fmonth%3D2021-05", staffData)).json()) as {
        url: string;
      };
      expect((await fetch(`${desk.origin}${url}`)).status).toBe(200);
      expect((await fetch(`${later.origin}${url}`)).status).toBe(401);
    } finally {
      await later.close();
    }
    const seeker = initDataFor({ id: apps["Абаев Абай"]!.person.id }, NOW);
    expect((await desk.request("link?for=queue.xlsx", seeker)).status).toBe(403);
  });
});

describe("the applicant", () => {
  it("shows the card with the IIN masked and the whole IIN only on request, audited", async () => {
    const { id } = apps["Абаев Абай"]!;
    const card = await text(await desk.request(`applications/${id}`, staffData));
    expect(card).toContain("Абаев Абай");
    expect(card).toMatch(/••••••••\d{4}/);
    expect(await database.db.auditLog.count({ where: { action: "show_iin", entityId: String(id) } })).toBe(0);
    const shown = await text(await desk.request(`applications/${id}/iin`, staffData, { form: {} }));
    expect(shown).toMatch(/\d{12}/);
    expect(
      await database.db.auditLog.count({
        where: { action: "show_iin", entityId: String(id), actorUserId: (await userOf(staff)).id },
      }),
    ).toBe(1);
  });

  it("refers through the chat's service: one audit entry, the seeker notified once, a second press refused", async () => {
    const { id, person } = apps["Абаев Абай"]!;
    const response = await desk.request(`applications/${id}/refer`, staffData, { form: {} });
    expect(response.status).toBe(200);
    const application = await database.db.application.findUniqueOrThrow({ where: { id } });
    expect(application.status).toBe("referred");
    expect(await text(response)).toContain(
      harness.t("ru", "staff:done.refer", { referral: application.referralNumber }),
    );
    expect(await database.db.auditLog.count({ where: { action: "refer", entityId: String(id) } })).toBe(1);
    const again = await text(await desk.request(`applications/${id}/refer`, staffData, { form: {} }));
    expect(again).toContain(harness.t("ru", "staff:refusal.wrong_status"));
    await harness.flushAll();
    const referred = person.sentToMe().filter((r) => r.text.includes(application.referralNumber!));
    expect(referred).toHaveLength(1);
    const history = await text(await desk.request(`applications/${id}`, staffData));
    expect(history).toContain(`${harness.t("ru", "applications:status.referred")} — Гүлнар`);
  });

  it("records a hire with the wage floor checked, and a rejection's note when the reason is another", async () => {
    const { id } = apps["Абаев Абай"]!;
    const low = await text(
      await desk.request(`applications/${id}/hire`, staffData, { form: { contractDate: "2021-06-01", wage: "1000" } }),
    );
    expect(low).toContain(harness.t("ru", "staff:refusal.wage_below_floor", { floor: "" }).slice(0, 30));
    const bad = await desk.request(`applications/${id}/hire`, staffData, {
      form: { contractDate: "вчера", wage: "много" },
    });
    expect(bad.status).toBe(400);
    const body = await text(bad);
    expect(body).toContain(harness.t("ru", "desk:applicant.contract_date"));
    expect(body).toContain(harness.t("ru", "desk:applicant.wage"));
    expect((await database.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("referred");
    const hired = await text(
      await desk.request(`applications/${id}/hire`, staffData, {
        form: { contractDate: "2021-06-01", wage: "200000" },
      }),
    );
    expect(hired).toContain(harness.t("ru", "staff:done.hire"));
    const other = apps["=1+2 Формулов"]!;
    const withoutNote = await text(
      await desk.request(`applications/${other.id}/reject`, staffData, { form: { reason: "other", note: "" } }),
    );
    expect(withoutNote).toContain(harness.t("ru", "desk:errors.note_required"));
    expect((await database.db.application.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("submitted");
    const note = "Нет допуска к высотным работам";
    const asked = await text(
      await desk.request(`applications/${other.id}/reject`, staffData, { form: { reason: "other", note } }),
    );
    expect(asked).toContain(
      harness.t("ru", "desk:applicant.reject_confirm_text", { number: other.number, reason: note }),
    ); // the second step
    expect((await database.db.application.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("submitted");
    const noReason = await desk.request(`applications/${other.id}/reject`, staffData, {
      form: { reason: "", confirm: "yes" },
    });
    expect(noReason.status).toBe(400); // none is preselected: a reason must be chosen
    await desk.request(`applications/${other.id}/reject`, staffData, {
      form: { reason: "other", note, confirm: "yes" },
    });
    expect(await database.db.application.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "rejected",
      rejectNote: note,
    });
  });

  it("refuses another centre's application with 403 and writes the attempt to the audit log", async () => {
    const foreign = apps["Чужой Человек"]!;
    const before = await database.db.auditLog.count({ where: { action: "refused" } });
    for (const [path, form] of [
      [`applications/${foreign.id}`, undefined],
      [`applications/${foreign.id}/refer`, {}],
      [`applications/${foreign.id}/iin`, {}],
    ] as const) {
      const response = await desk.request(path, staffData, form ? { form } : {});
      expect(response.status, path).toBe(403);
      expect(await text(response)).toContain(harness.t("ru", "desk:errors.not_allowed"));
    }
    expect(await database.db.application.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      status: "submitted",
    });
    const entries = await database.db.auditLog.findMany({
      where: { action: "refused", actorUserId: (await userOf(staff)).id },
    });
    expect(entries.length).toBeGreaterThan(before);
    expect(entries.map((e) => e.entity)).toContain("desk:applications");
    // The other centre's staff sees it.
    expect(await text(await desk.request(`applications/${foreign.id}`, otherStaffData))).toContain("Чужой Человек");
  });
});

describe("projects and the report", () => {
  it("shows the quota progress and the places open, moves the status one step and saves the month's figures", async () => {
    const list = await text(await desk.request("projects", staffData));
    expect(list).toContain("Школа № 9");
    expect(list).not.toContain("Поликлиника");
    const page = await text(await desk.request(`projects/${ownProject.id}`, staffData));
    expect(page).toContain(harness.t("ru", "desk:projects.positions"));
    const moved = await text(
      await desk.request(`projects/${ownProject.id}/status`, staffData, { form: { status: "completed" } }),
    );
    expect(moved).toContain(
      harness.t("ru", "desk:projects.status_moved", { status: harness.t("ru", "projects:status.completed") }),
    );
    expect((await database.db.project.findUniqueOrThrow({ where: { id: ownProject.id } })).status).toBe("completed");
    const skipped = await text(
      await desk.request(`projects/${ownProject.id}/status`, staffData, { form: { status: "planned" } }),
    );
    expect(skipped).toContain(harness.t("ru", "staff:project.refusal.not_next"));
    const figures = await text(
      await desk.request(`projects/${ownProject.id}/figures`, staffData, {
        form: { month: "2021-05", workDone: "1500000", jobsCreated: "4" },
      }),
    );
    expect(figures).toContain(
      harness
        .t("ru", "report:figures.saved", { month: "май 2021", work: "1 500 000", jobs: "4" })
        .replace(/\u00a0/g, " ")
        .slice(0, 25),
    );
    expect(await database.db.monthlyFigure.count({ where: { projectId: ownProject.id } })).toBe(1);
    expect((await desk.request(`projects/${otherProject.id}`, staffData)).status).toBe(403);
    expect(
      (await desk.request(`projects/${otherProject.id}/status`, staffData, { form: { status: "completed" } })).status,
    ).toBe(403);
  });

  it("shows the centre's monthly report with its tables and the same files as the chat", async () => {
    const page = await text(await desk.request("report?month=2021-05", staffData));
    expect(page).toContain(harness.t("ru", "report:sheet.quota"));
    expect(page).toContain("Школа № 9");
    const xlsx = await desk.request("report.xlsx?month=2021-05", staffData);
    expect(xlsx.headers.get("content-disposition")).toContain("report-2021-05");
    const csv = await (await desk.request("report.csv?month=2021-05", staffData)).text();
    expect(csv).toContain(harness.t("ru", "report:sheet.quota"));
    expect((await desk.request("report?month=2021-06", staffData)).status).toBe(400); // not ended yet
  });
});

describe("the per-project counts", () => {
  it("follow every insert, status change, move and delete of applications, one statement or many", async () => {
    const counted = async () => database.db.$queryRaw<
      Array<{ projectId: number; status: string; priorityGroup: number; count: number }>
    >`
      select "projectId", status::text as status, "priorityGroup", count from "ProjectApplicationCount" where count <> 0 order by 1, 2, 3`;
    const actual = async () => database.db.$queryRaw<
      Array<{ projectId: number; status: string; priorityGroup: number; count: number }>
    >`
      select "projectId", status::text as status, "priorityGroup", count(*)::int as count from "Application" group by 1, 2, 3 order by 1, 2, 3`;
    expect(await counted()).toEqual(await actual());
    await database.db.application.updateMany({
      where: { projectId: ownProject.id, status: "submitted" },
      data: { status: "withdrawn" },
    });
    expect(await counted()).toEqual(await actual());
    await database.db.application.updateMany({
      where: { projectId: ownProject.id },
      data: { projectId: otherProject.id, priorityGroup: 0 },
    });
    expect(await counted()).toEqual(await actual());
    await database.db
      .$executeRaw`update "Application" set status = case when status = 'withdrawn' then 'submitted'::"ApplicationStatus" else 'withdrawn'::"ApplicationStatus" end, "projectId" = ${ownProject.id}`;
    expect(await counted()).toEqual(await actual());
    await database.db.application.deleteMany({ where: { status: "withdrawn" } });
    expect(await counted()).toEqual(await actual());
  });
});

describe("in the chat", () => {
  it("offers the desk in the staff cabinet and as the staff member's menu button", async () => {
    const replies = await staff.send(harness.t("ru", "menu.staff"));
    const cabinet = replies.find((r) => r.text === harness.t("ru", "staff:home.title"))!;
    const call = harness.telegram.calls.find(
      (c) => c.method === "setChatMenuButton" && c.payload.chat_id === staff.id,
    )!;
    expect(call.payload.menu_button).toEqual({
      type: "web_app",
      text: harness.t("ru", "staff:home.desk_menu"),
      web_app: { url: "http://127.0.0.1/desk" },
    });
    const markup = harness.telegram.calls
      .filter((c) => c.method === "sendMessage" && c.payload.chat_id === staff.id)
      .at(-1)!.payload.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; web_app?: { url: string } }>>;
    };
    expect(cabinet).toBeDefined();
    expect(markup.inline_keyboard.flat().find((b) => b.web_app)).toEqual({
      text: harness.t("ru", "staff:home.desk"),
      web_app: { url: "http://127.0.0.1/desk" },
    });
  });
});

async function userOf(person: Person) {
  return database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(person.id) } });
}
