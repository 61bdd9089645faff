// A report's summary and files sent in a chat: the text first, then the chart and the files in order.
import { InputFile, type Api } from "grammy";
import type { ReportBundle, ReportFile } from "../presentation/reports/report-bundle.js";

/** The summary, then the chart and the files, in that order. */
export async function sendReportBundle(api: Api, chatId: number, bundle: ReportBundle): Promise<void> {
  await api.sendMessage(chatId, bundle.summary);
  await sendFiles(api, chatId, bundle.files);
}

export async function sendFiles(api: Api, chatId: number, files: ReportFile[]): Promise<void> {
  for (const file of files) await sendFile(api, chatId, file);
}

export async function sendFile(api: Api, chatId: number, file: ReportFile): Promise<unknown> {
  const input = new InputFile(file.data, file.filename);
  return file.kind === "photo" ? api.sendPhoto(chatId, input) : api.sendDocument(chatId, input);
}
