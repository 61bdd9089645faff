// Every named callback: its largest data fits Telegram's 64 bytes and reads back the same; data of
// one action is routed to that action only; anything else reads as nothing.
import { describe, expect, it } from "vitest";
import { adminCallbacks, centreEditorCallbacks } from "../../src/bot/callback-data/admin.js";
import { applicationsCallbacks } from "../../src/bot/callback-data/applications.js";
import { CALLBACK_DATA_BYTES, type Callback } from "../../src/bot/callback-data/callback.js";
import { faqCallbacks, faqData } from "../../src/bot/callback-data/faq.js";
import { FAQ_ENTRIES } from "../../prisma/data/faq.js";
import { loansCallbacks } from "../../src/bot/callback-data/loans.js";
import { obligationDone } from "../../src/bot/callback-data/obligations.js";
import { profileCallbacks } from "../../src/bot/callback-data/profile.js";
import { reportCallbacks } from "../../src/bot/callback-data/reports.js";
import { staffCallbacks } from "../../src/bot/callback-data/staff.js";

const groups = { adminCallbacks, centreEditorCallbacks, applicationsCallbacks, faqCallbacks, loansCallbacks, obligations: { obligationDone }, profileCallbacks, reportCallbacks, staffCallbacks };
const all = Object.entries(groups).flatMap(([group, actions]) =>
  Object.entries(actions as unknown as Record<string, Callback<never>>).map(([name, action]) => ({ name: `${group}.${name}`, action })));

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
      const routed = all.filter((other) => other.action.filter.test(action.largest()) && other.action.unpack(action.largest()) !== null);
      expect(routed.map((r) => r.name), name).toEqual([name]);
    }
  });

  it("gives every FAQ entry a button that reads back to it", () => {
    for (const entry of FAQ_ENTRIES) expect(faqCallbacks.entry.unpack(faqData.entry(entry.id)), entry.id).toEqual({ entryId: entry.id });
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
    expect(reportCallbacks.year.unpack("rep:y:r7:2021")).toEqual({ scope: { kind: "region", regionId: 7 }, year: 2021 });
  });
});
