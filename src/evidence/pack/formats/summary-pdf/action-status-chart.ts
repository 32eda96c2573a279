/**
 * Actions by status at each month end, as stacked bars. Overdue actions are open actions past their
 * due date (as the action-log projection counts them), so they are drawn as the part of the open
 * count that is overdue, at the base of each bar where month-to-month change is easiest to compare.
 */
import type { SummaryInput } from './summary-figures';
import { drawYAxis, valueLabel } from './chart-axes';
import { monthLines, niceScale } from './format';
import { COLOUR, FONT, INK, MUTED, contentWidth, heading, left, legend, newPage, para, type Doc } from './layout';
import { drawTable } from './table';

type Month = SummaryInput['actionStatusOverTime'][number];

const SEGMENTS: { label: string; colour: string; count: (m: Month) => number }[] = [
  { label: 'Open and overdue', colour: COLOUR.vermillion, count: (m) => Math.min(m.overdue, m.open) },
  { label: 'Open, not yet due', colour: COLOUR.blue, count: (m) => m.open - Math.min(m.overdue, m.open) },
  { label: 'Actioned (awaiting closure)', colour: COLOUR.sky, count: (m) => m.actioned },
  { label: 'Closed', colour: COLOUR.green, count: (m) => m.closed },
  { label: 'Cancelled', colour: COLOUR.grey, count: (m) => m.cancelled },
];

const total = (m: Month) => m.open + m.actioned + m.closed + m.cancelled;

export function drawActionStatusChart(doc: Doc, months: Month[]): void {
  newPage(doc);
  heading(doc, 'Actions: status at the end of each month');
  para(
    doc,
    "Each bar counts the actions raised by the partnership's boards as they stood at the end of the month, by status. Overdue actions are open actions past their due date and are part of the open count.",
    { muted: true, size: 9 },
  );
  if (months.length === 0) return para(doc, 'No actions fall within the scope of this pack.');
  const y = legend(doc, SEGMENTS, left(doc), doc.y, contentWidth(doc)) + 6;
  const plot = { x: left(doc) + 64, y: y + 12, w: contentWidth(doc) - 64, h: 260 };
  const scale = niceScale(Math.max(...months.map(total)), true);
  const yOf = drawYAxis(doc, plot, scale, 'Actions (count)', String);
  const slot = plot.w / months.length;
  const barW = Math.min(36, slot * 0.64);
  const every = Math.ceil(26 / slot);
  months.forEach((m, i) => {
    const x = plot.x + i * slot + (slot - barW) / 2;
    let base = 0;
    for (const seg of SEGMENTS) {
      const n = seg.count(m);
      if (n > 0) doc.rect(x, yOf(base + n), barW, yOf(base) - yOf(base + n)).fill(seg.colour);
      base += n;
    }
    // Narrow bars (two years of months) get their totals and month names on every few bars only.
    if (i % every !== 0) return;
    valueLabel(doc, String(total(m)), x - 6, yOf(base) - 11, barW + 12);
    const [name, year] = monthLines(m.month);
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    // A label spans the slots it stands for, centred on its bar: one bar's slot is too narrow for "Jan".
    const labelW = every * slot;
    const lx = plot.x + i * slot + slot / 2 - labelW / 2;
    doc.text(name, lx, plot.y + plot.h + 4, { width: labelW, align: 'center', lineBreak: false });
    doc.text(year, lx, plot.y + plot.h + 14, { width: labelW, align: 'center', lineBreak: false });
  });
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(INK)
    .text('Month end', plot.x, plot.y + plot.h + 28, { width: plot.w, align: 'center' });
  doc.y = plot.y + plot.h + 52;
  drawTable(
    doc,
    {
      title: 'The figures',
      columns: ['Month', 'Open', 'of which overdue', 'Actioned', 'Closed', 'Cancelled', 'Total'],
      rows: months.map((m) => [
        monthLines(m.month).join(' '),
        ...[m.open, m.overdue, m.actioned, m.closed, m.cancelled, total(m)].map(String),
      ]),
    },
    { continueOnPage: true },
  );
}
