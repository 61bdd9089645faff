import pg from "pg";
import { startBenchServer } from "../bench/database.js";
const server = await startBenchServer(() => {});
const b = await server.open("roadmap_bench", { applications: true });
const c = new pg.Client(b.url); await c.connect();
if (process.env.VACUUM) { const t = Date.now(); await c.query("vacuum (analyze)"); console.log("vacuum", Date.now() - t, "ms"); }
const show = async (label: string, sql: string, params: unknown[]) => {
  for (let i = 0; i < 3; i++) await c.query(sql, params);
  const r = await c.query(`explain (analyze, buffers) ${sql}`, params);
  console.log(`\n### ${label}\n` + r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
};
const [lat, lon] = [47.1, 70.2];
const rad = Math.PI / 180;
const [x, y, z] = [Math.cos(lat * rad) * Math.cos(lon * rad), Math.cos(lat * rad) * Math.sin(lon * rad), Math.sin(lat * rad)];
if (process.env.KNN) {
  await c.query(`create extension if not exists cube`);
  await c.query(`create index if not exists knn_test on "Project" using gist (cube(array["unitX", "unitY", "unitZ"])) where status in ('planned', 'in_progress')`);
  await c.query(`analyze "Project"`);
  await show("knn", `
    select n.id, p."nameKk", n.places
    from (
      select p.id, room.places, cube(array[p."unitX", p."unitY", p."unitZ"]) <-> cube(array[$1, $2, $3]::float8[]) as dist
      from "Project" p
        cross join lateral (select (select coalesce(sum(greatest(s.count - (select count(*) from "Application" a
          where a."positionId" = s.id and a.status = any('{referred,hired}'::"ApplicationStatus"[])), 0)), 0)::int
          from "Position" s where s."projectId" = p.id) as places offset 0) room
      where p.status in ('planned', 'in_progress') and room.places > 0
      order by cube(array[p."unitX", p."unitY", p."unitZ"]) <-> cube(array[$1, $2, $3]::float8[]), p.id
      limit 50) n
    join "Project" p on p.id = n.id join "District" d on d.id = p."districtId"
    order by n.dist, n.id`, [x, y, z]);
}
if (!process.env.ONLY || process.env.ONLY === "near") await show("nearest", `
    select n.id, p."nameKk", n."openPlaces"
    from (
      select c.id, c.chord, room.places as "openPlaces"
      from (
        select p.id, power(p."unitX" - $1, 2) + power(p."unitY" - $2, 2) + power(p."unitZ" - $3, 2) as chord
        from "Project" p where p.status in ('planned', 'in_progress') and true
        order by 2, 1 offset 0
      ) c
        cross join lateral (select (
  select coalesce(sum(greatest(s.count - (select count(*) from "Application" a
    where a."positionId" = s.id and a.status = any('{referred,hired}'::"ApplicationStatus"[])), 0)), 0)::int
  from "Position" s where s."projectId" = c.id) as places) room
      where room.places > 0
      order by c.chord, c.id
      limit 50
    ) n
    join "Project" p on p.id = n.id join "District" d on d.id = p."districtId"
    order by n.chord, n.id`, [x, y, z]);
const staff = (await c.query(`select u.id from "User" u where "telegramId" = 4999999`)).rows[0].id;
if (!process.env.ONLY || process.env.ONLY === "queue") await show("queue", `
    with queue as materialized (
      select a.id, row_number() over (order by a."priorityGroup", a."submittedAt", a.id) as n from "Application" a
      where a.status = any('{submitted,referred}'::"ApplicationStatus"[])
        and a."projectId" = any(array(
          select p.id from "Project" p where p."districtId" in (
            select cd."districtId" from "CentreDistrict" cd join "StaffMembership" sm on sm."centreId" = cd."centreId" where sm."userId" = $1)))
      order by a."priorityGroup", a."submittedAt", a.id limit 1001),
    total as (select count(*)::int as total from queue),
    chosen as (select least(greatest(1, $2::int), greatest(1, ceil(least(total, 1000) / 5::numeric)))::int as page from total)
    select total.total, chosen.page, a.id, a.number, a.status::text as status, a."priorityGroup", pr."fullName"
    from total cross join chosen
      left join queue q on q.n > (chosen.page - 1) * 5 and q.n <= chosen.page * 5
      left join "Application" a on a.id = q.id
      left join "SeekerProfile" pr on pr."userId" = a."userId"
    order by q.n`, [staff, 100]);
await c.end(); await b.stop(); await server.stop();
