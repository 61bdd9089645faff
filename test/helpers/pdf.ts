// Reads a PDF back as a person would see it: its text, and the QR codes of its images decoded.
import jsqr from "jsqr";

// A CommonJS package whose types name its default export: the function is `.default` here.
const jsQR = jsqr.default;

export interface ReadPdf {
  text: string;
  qrCodes: string[];
}

export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 })
    .promise;
  const texts: string[] = [];
  const qrCodes: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    const operators = await page.getOperatorList();
    for (const [i, fn] of operators.fnArray.entries()) {
      if (fn !== pdfjs.OPS.paintImageXObject) continue;
      const name = operators.argsArray[i]![0] as string;
      const image = await new Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>(
        (resolve) => page.objs.get(name, resolve),
      );
      const rgba = new Uint8ClampedArray(image.width * image.height * 4);
      const channels = image.kind === pdfjs.ImageKind.RGBA_32BPP ? 4 : 3;
      for (let p = 0; p < image.width * image.height; p++) {
        rgba[p * 4] = image.data[p * channels]!;
        rgba[p * 4 + 1] = image.data[p * channels + 1]!;
        rgba[p * 4 + 2] = image.data[p * channels + 2]!;
        rgba[p * 4 + 3] = 255;
      }
      const code = jsQR(rgba, image.width, image.height);
      if (code) qrCodes.push(code.data);
    }
  }
  return { text: texts.join("\n"), qrCodes };
}
