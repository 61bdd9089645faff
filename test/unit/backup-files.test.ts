import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupFileName, pruneBackups } from "../../src/db/backup.js";

const dir = mkdtempSync(path.join(tmpdir(), "roadmap-backups-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("scheduled backups' files", () => {
  it("are named by their time, so that names sort as times do", () => {
    expect(backupFileName(new Date("2026-12-07T15:30:05Z"))).toBe("roadmap-2026-12-07-153005.backup.gz");
  });

  it("keep the newest N, and nothing else of the folder is touched", () => {
    const days = ["2026-12-01", "2026-12-03", "2026-12-02", "2026-12-05", "2026-12-04"];
    for (const day of days) writeFileSync(path.join(dir, backupFileName(new Date(`${day}T01:00:00Z`))), "x");
    writeFileSync(path.join(dir, "notes.txt"), "the operator's own");
    const removed = pruneBackups(dir, 3);
    expect(removed.sort()).toEqual(["roadmap-2026-12-01-010000.backup.gz", "roadmap-2026-12-02-010000.backup.gz"]);
    expect(readdirSync(dir).sort()).toEqual([
      "notes.txt",
      "roadmap-2026-12-03-010000.backup.gz",
      "roadmap-2026-12-04-010000.backup.gz",
      "roadmap-2026-12-05-010000.backup.gz",
    ]);
  });
});
