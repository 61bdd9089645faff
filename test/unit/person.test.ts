import { describe, expect, it } from "vitest";
import { ageOn, iinCheckDigit, readIin } from "../../src/domain/iin.js";
import {
  isNeet,
  normaliseFullName,
  normalisePhone,
  priorityGroup,
  standingOf,
  type SeekerFacts,
} from "../../src/domain/person.js";

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("IIN", () => {
  it.each([
    ["900101300126", "1990-01-01", "male"], // 3: a man born in the 1900s
    ["851231400232", "1985-12-31", "female"], // 4: a woman born in the 1900s (second weight pass)
    ["050306500114", "2005-03-06", "male"], // 5: a man born in the 2000s
    ["000229500038", "2000-02-29", "male"],
  ])("reads %s as born %s, %s", (iin, birth, sex) => {
    const facts = readIin(iin)!;
    expect(iso(facts.birthDate)).toBe(birth);
    expect(facts.sex).toBe(sex);
  });

  it("reads the three centuries from the seventh digit", () => {
    expect(iso(readIin("600707100046")!.birthDate)).toBe("1860-07-07"); // 1: 1800s
    expect(iso(readIin("900101300126")!.birthDate)).toBe("1990-01-01"); // 3: 1900s
    expect(iso(readIin("050306500114")!.birthDate)).toBe("2005-03-06"); // 5: 2000s
  });

  it("uses the second pass of weights when the first gives 10", () => {
    expect(iinCheckDigit("95010130070")).toBe(7);
    expect(readIin("950101300707")).not.toBeNull();
    expect(readIin("950101300708")).toBeNull();
  });

  it("refuses numbers whose both passes give 10, wrong check digits, dates and lengths", () => {
    expect(iinCheckDigit("95010130077")).toBeNull();
    expect(readIin("950101300770")).toBeNull();
    expect(readIin("900101300127")).toBeNull(); // check digit off by one
    expect(readIin("901301300120")).toBeNull(); // month 13
    expect(readIin("90010130012")).toBeNull(); // 11 digits
    expect(readIin("90010130012a")).toBeNull();
    expect(readIin("900101900120")).toBeNull(); // century digit 9
  });

  it("counts full years", () => {
    const birth = new Date("2005-03-06T00:00:00Z");
    expect(ageOn(birth, new Date("2021-03-05T00:00:00Z"))).toBe(15);
    expect(ageOn(birth, new Date("2021-03-06T00:00:00Z"))).toBe(16);
  });
});

describe("names and phones", () => {
  it.each([
    ["Әлия Нұрланқызы", "Әлия Нұрланқызы"],
    ["  Иванов   Иван-Петр ", "Иванов Иван-Петр"],
    ["O’Brien John", "O'Brien John"],
    ["Ли", "Ли"],
  ])("accepts %j", (input, name) => {
    expect(normaliseFullName(input)).toBe(name);
  });
  it.each(["А", "Иван2", "<script>", "x".repeat(101), "--", "Ivan 😀"])("refuses %j", (input) => {
    expect(normaliseFullName(input)).toBeNull();
  });
  it.each([
    ["+7 701 234 56 78", "+77012345678"],
    ["87012345678", "+77012345678"],
    ["8 (701) 234-56-78", "+77012345678"],
    ["7012345678", "+77012345678"],
    ["77012345678", "+77012345678"],
  ])("normalises %j", (input, phone) => {
    expect(normalisePhone(input)).toBe(phone);
  });
  it.each(["+7 912 345 67 89", "12345", "+1 202 555 0100", "8701234567"])("refuses %j", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe("priority", () => {
  const facts = (f: Partial<SeekerFacts>): SeekerFacts => ({
    age: 25,
    status: "job_seeker",
    studying: false,
    working: false,
    ...f,
  });

  const anyWork = { lightWork: false };
  const lightWork = { lightWork: true };

  it("puts unemployed youth, NEET youth and students in light work first, equally", () => {
    expect(priorityGroup(facts({ status: "registered_unemployed" }), anyWork)).toBe(0);
    expect(priorityGroup(facts({ status: "being_laid_off", working: false }), anyWork)).toBe(0); // NEET
    expect(priorityGroup(facts({ age: 35, status: "student" }), lightWork)).toBe(0);
    expect(priorityGroup(facts({ age: 40, status: "unpaid_leave", studying: true }), lightWork)).toBe(0);
  });

  it("gives students priority only in work that does not harm health (002), unless they are unemployed or NEET youth anyway", () => {
    expect(priorityGroup(facts({ age: 35, status: "student" }), anyWork)).toBe(1);
    expect(priorityGroup(facts({ age: 40, status: "unpaid_leave", studying: true }), anyWork)).toBe(1);
    expect(priorityGroup(facts({ age: 20, status: "student", studying: true, working: true }), anyWork)).toBe(1);
    expect(priorityGroup(facts({ age: 20, status: "job_seeker", studying: true }), anyWork)).toBe(0); // unemployed youth
  });

  it("puts everyone else after them, the youth boundary at 29", () => {
    expect(priorityGroup(facts({ age: 29 }), anyWork)).toBe(0);
    expect(priorityGroup(facts({ age: 30 }), anyWork)).toBe(1);
    expect(priorityGroup(facts({ age: 25, status: "being_laid_off", working: true }), anyWork)).toBe(1);
  });

  it("derives NEET from age and answers", () => {
    expect(isNeet(facts({ age: 20 }))).toBe(true);
    expect(isNeet(facts({ age: 20, studying: true }))).toBe(false);
    expect(isNeet(facts({ age: 20, working: true }))).toBe(false);
    expect(isNeet(facts({ age: 30 }))).toBe(false);
  });
});

describe("a person's standing on a day", () => {
  const person = (
    birth: string,
    extra: Partial<{ status: "student" | "job_seeker"; studying: boolean; working: boolean }> = {},
  ) => ({ birthDate: new Date(birth), status: "job_seeker" as const, studying: false, working: false, ...extra });
  it("is NEET youth up to 29 and no longer at 30", () => {
    expect(standingOf(person("1991-06-01"), new Date("2021-05-31"))).toEqual({ age: 29, neet: true, student: false });
    expect(standingOf(person("1991-06-01"), new Date("2021-06-01"))).toEqual({ age: 30, neet: false, student: false });
  });
  it("is a student by status or by studying, and then not NEET", () => {
    expect(standingOf(person("2001-01-01", { status: "student" }), new Date("2021-06-01"))).toMatchObject({
      student: true,
    });
    expect(standingOf(person("2001-01-01", { studying: true }), new Date("2021-06-01"))).toEqual({
      age: 20,
      neet: false,
      student: true,
    });
  });
});
