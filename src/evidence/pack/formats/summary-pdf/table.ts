/**
 * Tables that run over as many pages as they need: the header row is repeated on every page, long
 * text wraps inside its column, and a row never splits across pages.
 */
import type { SummaryInput } from './summary-figures';
import { pdfText } from './format';
import { FONT, INK, MUTED, RULE, bottom, contentWidth, left, newPage, para, subheading, type Doc } from './layout';
import { columnWidths, fitCell } from './table-fit';

type Table = SummaryInput['tables'][number];
type Align = 'left' | 'right';

/** Amounts, counts and percentages line up on the right, so their magnitudes compare at a glance. */
export function isNumeric(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '' && c.trim() !== '-');
  return filled.length > 0 && filled.every((c) => /^-?£?-?\d[\d,]*(\.\d+)?%?$/.test(c.trim()));
}

const PAD = 4;
const SIZE = 8;
const HEADER_FILL = '#e8edf3';
const ZEBRA_FILL = '#f6f6f6';

/** Starts on a fresh page (landscape, for wide record tables) unless `continueOnPage` says to follow on. */
export function drawTable(
  doc: Doc,
  table: Table,
  opts: { continueOnPage?: boolean; layout?: 'portrait' | 'landscape' } = {},
): void {
  if (!opts.continueOnPage) newPage(doc, opts.layout ?? 'landscape');
  const layout = doc.page.width > doc.page.height ? 'landscape' : 'portrait';
  const title = pdfText(table.title);
  subheading(doc, title);
  if (table.rows.length === 0) return para(doc, 'No records fall within the scope of this pack.', { muted: true });
  const columns = table.columns.map(pdfText);
  const rows = table.rows.map((r) => columns.map((_, i) => pdfText(r[i] ?? '')));
  doc.font(FONT.regular).fontSize(SIZE);
  const widths = columnWidths(doc, columns, rows, contentWidth(doc), PAD, SIZE);
  const maxRowH = bottom(doc) - doc.page.margins.top - 60;
  const aligns = columns.map((_, i) => (isNumeric(rows.map((r) => r[i])) ? 'right' : 'left'));
  const header = () => drawRow(doc, columns, widths, aligns, { bold: true, fill: HEADER_FILL });
  if (doc.y + rowHeight(doc, columns, widths, true) * 2 > bottom(doc)) {
    newPage(doc, layout);
    subheading(doc, `${title} (continued)`);
  }
  header();
  rows.forEach((row, n) => {
    doc.font(FONT.regular).fontSize(SIZE);
    const cells = row.map((text, i) => fitCell(doc, text, widths[i] - 2 * PAD, maxRowH));
    if (doc.y + rowHeight(doc, cells, widths, false) > bottom(doc)) {
      newPage(doc, layout);
      subheading(doc, `${title} (continued)`);
      header();
    }
    drawRow(doc, cells, widths, aligns, { bold: false, fill: n % 2 === 1 ? ZEBRA_FILL : undefined });
  });
  doc
    .font(FONT.italic)
    .fontSize(8)
    .fillColor(MUTED)
    .text(`${rows.length} ${rows.length === 1 ? 'row' : 'rows'}.`, left(doc), doc.y + 4);
  doc.moveDown(0.5);
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * PAD }))) + 2 * PAD;
}

function drawRow(
  doc: Doc,
  cells: string[],
  widths: number[],
  aligns: Align[],
  style: { bold: boolean; fill?: string },
): void {
  const y = doc.y;
  const h = rowHeight(doc, cells, widths, style.bold);
  const total = widths.reduce((a, b) => a + b, 0);
  if (style.fill) doc.rect(left(doc), y, total, h).fill(style.fill);
  let x = left(doc);
  doc.fillColor(INK);
  cells.forEach((cell, i) => {
    doc.text(cell, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: aligns[i] });
    x += widths[i];
  });
  doc
    .moveTo(left(doc), y + h)
    .lineTo(left(doc) + total, y + h)
    .lineWidth(style.bold ? 0.75 : 0.25)
    .stroke(style.bold ? INK : RULE);
  doc.x = left(doc);
  doc.y = y + h;
}
