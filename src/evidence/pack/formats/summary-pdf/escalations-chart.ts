/**
 * Escalations at each stage of the protocol, as a pair of bars per stage: how many were dealt with
 * within the protocol's timescale for that stage and how many breached it (an escalation that moved
 * on counts at every stage it passed through, since each stage has its own timescale). Pairs side by side
 * (not stacked) so breaches can be compared across stages from a common baseline.
 */
import type { SummaryInput } from './summary-figures';
import { drawYAxis, valueLabel } from './chart-axes';
import { niceScale, pdfText } from './format';
import { COLOUR, FONT, INK, contentWidth, heading, left, legend, newPage, para, type Doc } from './layout';
import { drawTable } from './table';

type Stage = SummaryInput['escalationsByStage'][number];

const BARS: { label: string; colour: string; count: (s: Stage) => number }[] = [
  { label: 'Within the timescale', colour: COLOUR.green, count: (s) => s.withinTimescale },
  { label: 'Timescale breached', colour: COLOUR.vermillion, count: (s) => s.breached },
];

export function drawEscalationsChart(doc: Doc, stages: Stage[]): void {
  newPage(doc);
  heading(doc, 'Escalations: stage reached and timeliness');
  para(
    doc,
    'Each pair of bars counts the escalations between agencies at each stage of the escalation protocol, split by whether that stage kept within its timescale (in working days) or breached it. An escalation that moved on to a later stage counts at every stage it passed through.',
    { muted: true, size: 9 },
  );
  if (stages.length === 0) return para(doc, 'No escalations fall within the scope of this pack.');
  const y = legend(doc, BARS, left(doc), doc.y, contentWidth(doc)) + 6;
  const plot = { x: left(doc) + 64, y: y + 12, w: contentWidth(doc) - 64, h: 240 };
  const scale = niceScale(Math.max(...stages.map((s) => Math.max(s.withinTimescale, s.breached))), true);
  const yOf = drawYAxis(doc, plot, scale, 'Escalations (count)', String);
  const slot = plot.w / stages.length;
  const barW = Math.min(48, (slot * 0.7) / 2);
  let labelsBottom = plot.y + plot.h;
  stages.forEach((s, i) => {
    const x0 = plot.x + i * slot + (slot - 2 * barW - 4) / 2;
    BARS.forEach((bar, j) => {
      const n = bar.count(s);
      const x = x0 + j * (barW + 4);
      if (n > 0) doc.rect(x, yOf(n), barW, yOf(0) - yOf(n)).fill(bar.colour);
      valueLabel(doc, String(n), x - 4, yOf(n) - 11, barW + 8);
    });
    // Stage names can be long ("Senior manager, then the partnership"): wrap within the slot.
    doc.font(FONT.regular).fontSize(8).fillColor(INK);
    const name = pdfText(s.stage);
    doc.text(name, plot.x + i * slot + 4, plot.y + plot.h + 5, { width: slot - 8, align: 'center' });
    labelsBottom = Math.max(labelsBottom, doc.y);
  });
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(INK)
    .text('Stage of the protocol', plot.x, labelsBottom + 6, { width: plot.w, align: 'center' });
  doc.moveDown(1.5);
  drawTable(
    doc,
    {
      title: 'The figures',
      columns: ['Stage', 'Within the timescale', 'Breached', 'Total', 'Share breached'],
      rows: stages.map((s) => {
        const all = s.withinTimescale + s.breached;
        return [
          s.stage,
          String(s.withinTimescale),
          String(s.breached),
          String(all),
          all === 0 ? '-' : `${Math.round((100 * s.breached) / all)}%`,
        ];
      }),
    },
    { continueOnPage: true },
  );
}
