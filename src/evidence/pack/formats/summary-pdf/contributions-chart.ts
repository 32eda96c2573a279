/**
 * One financial year's funding, in two panels with their own scales (a £649 gap would be invisible
 * on a £180,000 scale): first each partner's pledged, paid and underwritten amounts as grouped
 * horizontal bars; then the shortfall, as one bar of the partners' underwriting stacked end to end
 * with the uncovered remainder after it, against a marker at the shortfall.
 */
import type { SummaryInput } from './summary-figures';
import { drawXAxis, valueLabel } from './chart-axes';
import { money, moneyTick, niceScale, pdfText } from './format';
import {
  COLOUR,
  FONT,
  INK,
  MUTED,
  bottom,
  contentWidth,
  heading,
  left,
  legend,
  newPage,
  para,
  subheading,
  type Doc,
} from './layout';

type Year = SummaryInput['contributions'][number];
type Partner = Year['partners'][number];

const BARS: { label: string; colour: string; pence: (p: Partner) => number }[] = [
  { label: 'Pledged', colour: COLOUR.blue, pence: (p) => p.pledgedPence },
  { label: 'Paid', colour: COLOUR.sky, pence: (p) => p.paidPence },
  { label: 'Underwriting (up to)', colour: COLOUR.orange, pence: (p) => p.underwrittenPence },
];
/** Shades of the underwriting orange, so each partner's part of the shortfall bar is its own. */
const UNDERWRITER_SHADES = [COLOUR.orange, '#F7C873', '#A86F00', '#FBE3B4'];
const NAME_W = 130;
const BAR_H = 9;

export function drawContributionsChart(doc: Doc, year: Year): void {
  newPage(doc);
  heading(doc, `Funding ${year.financialYear}: partner contributions against the budget`);
  const underwritten = year.partners.reduce((a, p) => a + p.underwrittenPence, 0);
  para(
    doc,
    `Budget ${money(year.budgetPence)}. Shortfall ${money(year.shortfallPence)}. Underwritten by partners ${money(underwritten)}. Uncovered ${money(year.uncoveredPence)}.`,
    { font: FONT.bold, size: 10 },
  );
  if (year.partners.length === 0) return para(doc, 'No partner contributions are recorded for this year.');
  subheading(doc, 'Contributions by partner');
  const y = legend(doc, BARS, left(doc), doc.y, contentWidth(doc));
  const rowH = BARS.length * (BAR_H + 2) + 10;
  const plot = { x: left(doc) + NAME_W, y: y + 4, w: contentWidth(doc) - NAME_W - 70, h: year.partners.length * rowH };
  const scale = niceScale(Math.max(...year.partners.flatMap((p) => BARS.map((b) => b.pence(p)))), false, 4);
  const xOf = drawXAxis(doc, plot, scale, 'Amount', moneyTick);
  year.partners.forEach((p, i) => {
    const top = plot.y + i * rowH + 5;
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(INK)
      .text(pdfText(p.name), left(doc), top, { width: NAME_W - 8, height: rowH - 4, ellipsis: true });
    BARS.forEach((bar, j) => {
      const by = top + j * (BAR_H + 2);
      const v = bar.pence(p);
      if (v > 0) doc.rect(plot.x, by, Math.max(1, xOf(v) - plot.x), BAR_H).fill(bar.colour);
      valueLabel(doc, money(v), xOf(v) + 3, by + 1, 80, 'left');
    });
  });
  doc.y = plot.y + plot.h + 40;
  // Many partners push the shortfall panel (about 180pt) over the page: it moves whole to the next.
  if (doc.y + 180 > bottom(doc)) newPage(doc);
  drawShortfall(doc, year);
}

function drawShortfall(doc: Doc, year: Year): void {
  subheading(doc, 'How the shortfall is covered');
  para(
    doc,
    "Each partner's underwriting, end to end, then what no partner covers. The dashed line marks the shortfall.",
    { muted: true, size: 9 },
  );
  const underwriters = year.partners.filter((p) => p.underwrittenPence > 0);
  const items = [
    ...underwriters.map((p, i) => ({
      label: p.name,
      pence: p.underwrittenPence,
      colour: UNDERWRITER_SHADES[i % UNDERWRITER_SHADES.length],
    })),
    { label: 'Uncovered', pence: year.uncoveredPence, colour: COLOUR.vermillion },
  ];
  const stacked = items.reduce((a, s) => a + s.pence, 0);
  const plot = { x: left(doc) + NAME_W, y: doc.y + 14, w: contentWidth(doc) - NAME_W - 70, h: 34 };
  const xOf = drawXAxis(doc, plot, niceScale(Math.max(year.shortfallPence, stacked), false, 4), 'Amount', moneyTick);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK)
    .text('Shortfall cover', left(doc), plot.y + 12, { width: NAME_W - 8 });
  let at = 0;
  items.forEach((s, i) => {
    if (s.pence <= 0) return;
    const x = xOf(at);
    const w = xOf(at + s.pence) - x;
    doc.rect(x, plot.y + 8, Math.max(1.5, w), 18).fill(s.colour);
    if (i < items.length - 1)
      doc
        .moveTo(x + w, plot.y + 8)
        .lineTo(x + w, plot.y + 26)
        .lineWidth(1)
        .stroke('#ffffff');
    at += s.pence;
  });
  const sx = xOf(year.shortfallPence);
  doc
    .moveTo(sx, plot.y - 6)
    .lineTo(sx, plot.y + plot.h)
    .dash(3, { space: 2 })
    .lineWidth(1)
    .stroke(INK)
    .undash();
  // The uncovered part can be a sliver (£649 of £21,649), so it is named right beside the bar's end.
  const gap = year.uncoveredPence > 0 ? `Uncovered ${money(year.uncoveredPence)}` : 'Nothing uncovered';
  valueLabel(doc, gap, Math.max(xOf(at), sx) + 5, plot.y + 13, 100, 'left');
  valueLabel(
    doc,
    `Shortfall ${money(year.shortfallPence)}`,
    sx - 150,
    plot.y - 16,
    150 + Math.min(60, plot.x + plot.w + 60 - sx),
    'center',
  );
  doc.y = plot.y + plot.h + 36;
  // The segments' owners and amounts, spelled out: a narrow segment has no room for its own label.
  const listed = items.map((s) => ({ label: `${s.label}: ${money(s.pence)}`, colour: s.colour }));
  doc.y = legend(doc, listed, left(doc), doc.y, contentWidth(doc));
  doc
    .font(FONT.italic)
    .fontSize(8)
    .fillColor(MUTED)
    .text(
      'Underwriting is a cap ("up to"), not a payment: it is called on only if the shortfall materialises.',
      left(doc),
      doc.y + 4,
      { width: contentWidth(doc) },
    );
}
