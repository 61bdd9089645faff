import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createLogger, errorSummary } from "../../src/logger.js";

describe("the log's error serializer", () => {
  it("keeps only the reason of a Prisma error, not the arguments it prints before it", () => {
    const message =
      '\nInvalid `prisma.seekerProfile.create()` invocation:\n\n{\n  data: {\n    fullName: "Бақытгүл Жұмабаева",\n    iinCipher: "v1:abc"\n  }\n}\n\nArgument `status` is missing.';
    const error = new Prisma.PrismaClientValidationError(message, { clientVersion: "6.19.3" });
    const summary = errorSummary(error) as Record<string, unknown>;
    expect(summary.message).toBe("Argument `status` is missing.");
    expect(JSON.stringify(summary)).not.toContain("Жұмабаева");
    expect(summary.type).toBe("PrismaClientValidationError");
  });

  it("censors personal fields at any of the usual places", () => {
    const lines: string[] = [];
    const log = createLogger("info", { write: (line: string) => void lines.push(line) });
    log.info({ phone: "+77015554433", profile: { iin: "950315410003", fullName: "Бақытгүл" }, text: "менің ЖСН" }, "x");
    expect(lines.join("")).not.toMatch(/7015554433|950315410003|Бақытгүл|ЖСН/);
  });
});
