// `npx tsx bench/profile-summary.ts run.cpuprofile`: where a CPU profile's time went, by package
// (or our own file) and by function, self time.
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);

function where(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.includes("/src/") || url.includes("/bench/"))
    return url.slice(url.lastIndexOf("/", url.lastIndexOf("/") - 1) + 1);
  return url.startsWith("node:") ? "node" : url || "(native)";
}

const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
const sum = (key: (node: Node) => string) => {
  const sums = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const k = key(byId.get(id)!);
    sums.set(k, (sums.get(k) ?? 0) + ms);
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, ms]) => ({ where: k, ms: Math.round(ms), share: `${((ms / total) * 100).toFixed(1)} %` }));
};
console.log(`total ${Math.round(total)} ms`);
console.table(sum((node) => where(node.callFrame.url)));
console.table(
  sum(
    (node) =>
      `${node.callFrame.functionName || "(anonymous)"} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`,
  ),
);

// Inclusive time (self and everything it called) of our own functions.
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { callFrame } = byId.get(at)!;
    if (!/\/(src|bench)\//.test(callFrame.url) || callFrame.url.includes("node_modules")) continue;
    const key = `${callFrame.functionName || "(anonymous)"} ${where(callFrame.url)}:${callFrame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}
console.table(
  [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, ms]) => ({ ours: k, inclusiveMs: Math.round(ms), share: `${((ms / total) * 100).toFixed(1)} %` })),
);
