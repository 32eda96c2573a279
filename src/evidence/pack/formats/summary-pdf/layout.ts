/** Page furniture shared by every section: sizes, colours, fonts, headings, legends and footers. */
import { pdfText } from './format';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = 50;
export const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  mono: 'Courier',
} as const;
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const RULE = '#bbbbbb';
export const BRAND = '#1f3a5f';

/** Okabe-Ito colours: they stay distinguishable for the common colour-vision deficiencies. */
export const COLOUR = {
  blue: '#0072B2',
  sky: '#56B4E9',
  green: '#009E73',
  orange: '#E69F00',
  vermillion: '#D55E00',
  grey: '#999999',
} as const;

export function newPage(doc: Doc, layout: 'portrait' | 'landscape' = 'portrait'): void {
  doc.addPage({ size: 'A4', layout, margin: MARGIN });
}

export const left = (doc: Doc): number => doc.page.margins.left;
export const contentWidth = (doc: Doc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

export function heading(doc: Doc, text: string, size = 18): void {
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(BRAND)
    .text(pdfText(text), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

export function subheading(doc: Doc, text: string): void {
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(INK)
    .text(pdfText(text), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** Body text at the left margin across the page; `muted` is for captions explaining a chart. */
export function para(doc: Doc, text: string, opts: { size?: number; muted?: boolean; font?: string } = {}): void {
  doc
    .font(opts.font ?? FONT.regular)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.muted ? MUTED : INK);
  doc.text(pdfText(text), left(doc), doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(0.5);
}

/** Swatches with labels, flowing left to right and wrapping; returns the y below the legend. */
export function legend(
  doc: Doc,
  items: { label: string; colour: string }[],
  x: number,
  y: number,
  width: number,
): number {
  doc.font(FONT.regular).fontSize(9);
  let cx = x;
  let cy = y;
  for (const item of items) {
    const label = pdfText(item.label);
    const w = 14 + doc.widthOfString(label) + 16;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += 15;
    }
    doc.rect(cx, cy + 1, 10, 10).fill(item.colour);
    doc.fillColor(INK).text(label, cx + 14, cy + 2, { lineBreak: false });
    cx += w;
  }
  return cy + 18;
}

/**
 * Written last over the buffered pages, because "page N of M" needs M. The bottom margin is lifted
 * while writing so pdfkit does not treat the footer line as overflow and add a page.
 */
export function stampFooters(doc: Doc, title: string, rootHash: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 18;
    const width = contentWidth(doc);
    doc
      .moveTo(left(doc), y - 6)
      .lineTo(left(doc) + width, y - 6)
      .lineWidth(0.5)
      .stroke(RULE);
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    // The hash prefix always shows (it ties a printed page to its pack); a long title gives way.
    const hash = pdfText(` - data root hash ${rootHash.slice(0, 16)}...`);
    doc.text(fitLine(doc, pdfText(title), width - 90 - doc.widthOfString(hash)) + hash, left(doc), y, {
      lineBreak: false,
    });
    doc.text(`Page ${i - start + 1} of ${count}`, left(doc) + width - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
}

/** The longest prefix of `text` that fits on one line of `width` in the current font, marked if cut. */
export function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let n = text.length;
  while (n > 0 && doc.widthOfString(`${text.slice(0, n)}...`) > width) n--;
  return `${text.slice(0, n).trimEnd()}...`;
}
