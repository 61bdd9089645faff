// The referral as a one-page PDF, in Kazakh and Russian on the same page as official forms are:
// its number and date, the centre, the person (the IIN masked), the project, its district, the
// contractor, the position and its wage, and a QR code of the link that checks it. DejaVu Sans
// (an npm package) has every Kazakh letter: nothing depends on the machine's fonts.
import { createRequire } from "node:module";
import type { i18n } from "i18next";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { formatDate, formatNumber } from "./format.js";
import type { Lang } from "./i18n.js";

const resolve = (file: string) => createRequire(import.meta.url).resolve(file);
const REGULAR = resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

type Named = { nameKk: string; nameRu: string };

export interface ReferralDocument {
  referralNumber: string;
  referredAt: Date;
  centre: (Named & { addressKk: string; addressRu: string; phone: string }) | null;
  fullName: string | null;
  iinLast4: string | null;
  project: Named;
  district: Named;
  contractor: { name: string; bin: string | null } | null;
  profession: Named;
  wage: number;
  /** The link the QR code opens: the referral's check. */
  checkLink: string;
}

const both = (value: Named) => (value.nameKk === value.nameRu ? value.nameKk : `${value.nameKk} / ${value.nameRu}`);

/** The document's PDF bytes. */
export async function referralDocumentPdf(i18n: i18n, document: ReferralDocument): Promise<Buffer> {
  const label = (key: string, options?: Record<string, unknown>) =>
    (["kk", "ru"] as Lang[]).map((lang) => i18n.getFixedT(lang)(`notifications:document.${key}`, options)).join(" / ");
  const qr = await QRCode.toBuffer(document.checkLink, { errorCorrectionLevel: "M", margin: 2, scale: 6 });
  const pdf = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `${label("title")} ${document.referralNumber}`, Author: label("programme") },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolveDone) => pdf.on("end", () => resolveDone(Buffer.concat(chunks))));
  pdf.registerFont("regular", REGULAR);
  pdf.registerFont("bold", BOLD);

  pdf.font("bold").fontSize(18).text(label("title"), { align: "center" });
  pdf.font("regular").fontSize(10).text(label("programme"), { align: "center" });
  pdf.moveDown(0.8);
  pdf
    .font("bold")
    .fontSize(13)
    .text(`№ ${document.referralNumber}    ${formatDate(document.referredAt)}`, { align: "center" });
  pdf.moveDown(1);

  const row = (key: string, lines: string[]) => {
    pdf.font("bold").fontSize(9).fillColor("#444444").text(label(key));
    pdf.font("regular").fontSize(11).fillColor("#000000");
    for (const line of lines) pdf.text(line);
    pdf.moveDown(0.6);
  };
  const { centre, contractor } = document;
  row(
    "centre",
    centre ? [both(centre), `${centre.addressKk} / ${centre.addressRu}`, `${label("phone")}: ${centre.phone}`] : ["—"],
  );
  row("person", [
    document.fullName ?? "—",
    `${label("iin")}: ${document.iinLast4 ? `••••••••${document.iinLast4}` : "—"}`,
  ]);
  row("project", [both(document.project), `${label("district")}: ${both(document.district)}`]);
  row("contractor", contractor ? [contractor.name, `${label("bin")}: ${contractor.bin ?? "—"}`] : ["—"]);
  row("position", [both(document.profession), `${label("wage")}: ${formatNumber(document.wage, "ru")} ₸`]);

  pdf.moveDown(0.5);
  const top = pdf.y;
  pdf.image(qr, 50, top, { width: 130, height: 130 });
  pdf
    .font("regular")
    .fontSize(9)
    .text(label("check"), 195, top + 10, { width: 350 })
    .moveDown(0.4)
    .text(document.checkLink, { width: 350, link: document.checkLink, underline: true });
  pdf.end();
  return done;
}
