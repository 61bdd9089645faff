// A file of the desk (the queue's or the report's) opened by Telegram itself: Telegram.WebApp
// .downloadFile fetches a URL with no header of ours, so the desk hands out a link signed for that
// staff member, that file and those filters, valid for two minutes. Everything else needs initData.
import { createHmac, timingSafeEqual } from "node:crypto";

export const DOWNLOAD_LINK_SECONDS = 120;
/** The desk's files a link may open (under /app/). */
export const DOWNLOADABLE = ["queue.xlsx", "report.xlsx", "report.csv"] as const;

const keyOf = (botToken: string) => createHmac("sha256", "roadmap-desk-download").update(botToken).digest();

/** The file's path and its query as signed: the parameters sorted, the link itself left out. */
function signedPart(file: string, query: URLSearchParams): string {
  const params = [...query.entries()]
    .filter(([key]) => key !== "link")
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  return `${file}?${new URLSearchParams(params).toString()}`;
}

const signature = (botToken: string, telegramId: number, expires: number, part: string) =>
  createHmac("sha256", keyOf(botToken)).update(`${telegramId}.${expires}.${part}`).digest("base64url");

export function signDownload(
  botToken: string,
  telegramId: number,
  file: string,
  query: URLSearchParams,
  now: Date,
): string {
  const expires = Math.floor(now.getTime() / 1000) + DOWNLOAD_LINK_SECONDS;
  return `${telegramId}.${expires}.${signature(botToken, telegramId, expires, signedPart(file, query))}`;
}

/** The Telegram user a link was signed for, if it is this file with these filters and still valid; else null. */
export function userOfDownload(
  botToken: string,
  link: string,
  file: string,
  query: URLSearchParams,
  now: Date,
): number | null {
  const match = /^([1-9]\d{0,15})\.(\d{1,12})\.([\w-]{43})$/.exec(link);
  if (!match) return null;
  const [telegramId, expires] = [Number(match[1]), Number(match[2])];
  const seconds = Math.floor(now.getTime() / 1000);
  if (expires < seconds || expires > seconds + DOWNLOAD_LINK_SECONDS) return null;
  const expected = Buffer.from(signature(botToken, telegramId, expires, signedPart(file, query)));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? telegramId : null;
}
