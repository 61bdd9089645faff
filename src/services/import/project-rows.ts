// A monitoring-map file's row checked into a project. The columns are documented in the README;
// docs/projects-sample.csv is a sample.
import { z } from "zod";
import { wageFloor } from "../../domain/rates.js";
import { REFERRAL_QUOTA_PERCENT } from "../../domain/rules.js";

const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "not_whole_number")
    .transform(Number)
    .pipe(z.number().min(min, "out_of_range").max(max, "out_of_range"));
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+([.,]\d+)?$/, "not_number")
    .transform((s) => Number(s.replace(",", ".")))
    .pipe(z.number().min(min, "out_of_range").max(max, "out_of_range"));
const day = z.string().transform((s, ctx) => {
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  const iso = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : s;
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: "custom", message: "bad_date" });
    return z.NEVER;
  }
  return date;
});
const position = z
  .string()
  .regex(/^[a-z_]{2,40}:\d{1,5}:\d{1,9}(:minors)?$/, "bad_positions")
  .transform((s) => {
    const [code, count, wage, minors] = s.split(":");
    return { code: code!, count: Number(count), wage: Number(wage), minors: minors === "minors" };
  });

export const projectRow = z
  .object({
    external_id: z.string().min(1, "required").max(64, "too_long"),
    name_kk: z.string().min(2, "required").max(300, "too_long"),
    name_ru: z.string().min(2, "required").max(300, "too_long"),
    district_kato: z.string().regex(/^\d{9}$/, "bad_kato"),
    object_group: z.enum(["social", "utilities", "water_works", "housing", "improvement"], "bad_object_group"),
    work_kind: z.enum(
      ["construction", "capital_repair", "medium_repair", "current_repair", "reconstruction", "modular", "temporary"],
      "bad_work_kind",
    ),
    status: z.enum(["planned", "in_progress", "completed", "commissioned"], "bad_status"),
    contractor_name: z.string().max(300, "too_long"),
    contractor_bin: z.string().regex(/^(\d{12})?$/, "bad_bin"),
    estimated_cost: whole(0, 1e13),
    start_date: day,
    end_date: day,
    planned_jobs: whole(0, 100_000),
    permanent_jobs: whole(0, 100_000),
    average_wage: whole(0, 10_000_000),
    quota_percent: z
      .string()
      .transform((s) => s || String(REFERRAL_QUOTA_PERCENT))
      .pipe(whole(REFERRAL_QUOTA_PERCENT, 100)),
    lat: decimal(40, 56), // Kazakhstan lies within 40–56° N…
    lon: decimal(46, 88), // …and 46–88° E
    positions: z
      .string()
      .transform((s) =>
        s
          .split(/[;\n]/)
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .pipe(z.array(position)),
  })
  .superRefine((row, ctx) => {
    if (row.end_date < row.start_date)
      ctx.addIssue({ code: "custom", path: ["end_date"], message: "end_before_start" });
    const jobs = row.positions.reduce((sum, p) => sum + p.count, 0);
    if (jobs > row.planned_jobs)
      ctx.addIssue({ code: "custom", path: ["positions"], message: "positions_exceed_jobs" });
    if (row.positions.some((p) => p.wage < wageFloor(row.start_date)))
      ctx.addIssue({ code: "custom", path: ["positions"], message: "wage_below_floor" });
    if (new Set(row.positions.map((p) => p.code)).size !== row.positions.length)
      ctx.addIssue({ code: "custom", path: ["positions"], message: "duplicate_profession" });
  });
export type ProjectRow = z.output<typeof projectRow>;

export interface RowProblem {
  /** The row's line in the file, the header being line 1. */
  line: number;
  column: string;
  reason: string;
  /** The value the reason is about, when it names one (the project's external id, the contractor's name). */
  value?: string;
}
