// If-None-Match as HTTP says (RFC 9110, 13.1.2): a list of entity tags or "*", compared weakly (a
// W/ tag matches its strong twin), so that a cache or a proxy that weakened the tag still gets 304.
const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const ours = opaque(etag);
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === ours);
}
