// Every named callback: its largest data fits Telegram's 64 bytes and reads back the same; data of
// one action is routed to that action only; anything else reads as nothing.
import { describe, expect, it } from "vitest";
import { adminCallbacks, centreEditorCallbacks } from "../../src/bot/callback-data/admin.js";
import { applicationsCallbacks } from "../../src/bot/callback-data/applications.js";
import { CALLBACK_DATA_BYTES, type Callback } from "../../src/bot/callback-data/callback.js";
import { faqCallbacks, faqData } from "../../src/bot/callback-data/faq.js";
import { FAQ_ENTRIES } from "../../prisma/data/faq.js";
import { calculatorCallbacks, loanReceivedCallbacks, loansCallbacks } from "../../src/bot/callback-data/loans.js";
import { eligibilityCallbacks } from "../../src/bot/callback-data/eligibility.js";
import { languageChoice } from "../../src/bot/callback-data/language.js";
import { registrationCallbacks } from "../../src/bot/callback-data/registration.js";
import { obligationDone } from "../../src/bot/callback-data/obligations.js";
import { profileCallbacks } from "../../src/bot/callback-data/profile.js";
import { listDataOf, projectsCallbacks, projectsData, readBack } from "../../src/bot/callback-data/projects.js";
import { reportCallbacks } from "../../src/bot/callback-data/reports.js";
import { staffCallbacks } from "../../src/bot/callback-data/staff.js";
import { contractorCallbacks, followUpCallbacks } from "../../src/bot/callback-data/contractor.js";

const groups = {
  language: { languageChoice },
  registrationCallbacks,
  eligibilityCallbacks,
  calculatorCallbacks,
  projectsCallbacks,
  adminCallbacks,
  centreEditorCallbacks,
  applicationsCallbacks,
  faqCallbacks,
  loansCallbacks,
  loanReceivedCallbacks,
  obligations: { obligationDone },
  profileCallbacks,
  reportCallbacks,
  staffCallbacks,
  contractorCallbacks,
  followUpCallbacks,
};
const all = Object.entries(groups).flatMap(([group, actions]) =>
  Object.entries(actions as unknown as Record<string, Callback<never>>).map(([name, action]) => ({
    name: `${group}.${name}`,
    action,
  })),
);

describe("named callbacks", () => {
  it.each(all)("$name: the largest data fits 64 bytes and reads back to the same", ({ action }) => {
    const largest = action.largest();
    expect(Buffer.byteLength(largest)).toBeLessThanOrEqual(CALLBACK_DATA_BYTES);
    const value = action.unpack(largest);
    expect(value).not.toBeNull();
    expect(action.pack(value!)).toBe(largest);
  });

  it("routes each action's data to that action only", () => {
    for (const { name, action } of all) {
      const routed = all.filter(
        (other) => other.action.filter.test(action.largest()) && other.action.unpack(action.largest()) !== null,
      );
      expect(
        routed.map((r) => r.name),
        name,
      ).toEqual([name]);
    }
  });

  it("reads a card's way back to its list, with its page and filter, and nothing else", () => {
    const back = projectsData.backToNear(43.25671, 76.92864, 3, { mine: true, kind: "temporary" });
    expect(back).toBe("n,43.2567,76.9286,3,16");
    expect(readBack(back)).toEqual({
      kind: "near",
      lat: 43.2567,
      lon: 76.9286,
      page: 3,
      filter: { mine: true, kind: "temporary" },
    });
    expect(listDataOf(back, { page: 1, filter: { mine: false, kind: null } })).toBe("prj:near:43.2567:76.9286:1:0-");
    expect(listDataOf(projectsData.backToDistrict(12, 2))).toBe("prj:list:12:2");
    for (const forged of ["d,0,1", "d,1", "n,1,2", "n,1,2,3,9x", "x,1,2", "d,1,2,3,4", "n,1000,2,3"])
      expect(readBack(forged), forged).toBeUndefined();
    expect(readBack("-")).toBeNull();
    expect(projectsCallbacks.card.unpack("prj:card:5:d,1,2,1x")).toBeNull();
  });

  it("gives every FAQ entry a button that reads back to it", () => {
    for (const entry of FAQ_ENTRIES)
      expect(faqCallbacks.entry.unpack(faqData.entry(entry.id)), entry.id).toEqual({ entryId: entry.id });
  });

  it("reads stale, forged and oversized data as nothing, and refuses to pack what Telegram would refuse", () => {
    expect(staffCallbacks.queue.unpack("stf:q:0:all:0")).toBeNull();
    expect(staffCallbacks.queue.unpack("stf:q:1:everything:0")).toBeNull();
    expect(staffCallbacks.queue.unpack("stf:q:1:all")).toBeNull();
    expect(staffCallbacks.queue.unpack("stf:q:1:all:0:extra")).toBeNull();
    expect(staffCallbacks.card.unpack(`stf:a:${"9".repeat(70)}`)).toBeNull();
    expect(profileCallbacks.delete.unpack("seek:delete:yes")).toBeNull();
    expect(profileCallbacks.deleteConfirmed.unpack("seek:delete:yes")).toEqual({});
    expect(applicationsCallbacks.mine.unpack("apl:mine")).toEqual({});
    expect(applicationsCallbacks.mine.unpack("apl:mine:3")).toEqual({ page: 3 });
    expect(() => adminCallbacks.search.pack({ page: 1, text: "a:b" })).toThrow(RangeError);
    expect(() => adminCallbacks.search.pack({ page: 1, text: "ж".repeat(21) })).toThrow(RangeError);
    expect(reportCallbacks.year.unpack("rep:y:r7:2021")).toEqual({
      scope: { kind: "region", regionId: 7 },
      year: 2021,
    });
  });
});
