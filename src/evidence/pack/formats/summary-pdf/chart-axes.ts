/** Axes and gridlines shared by the charts, drawn with plain pdfkit lines and text. */
import { pdfText } from './format';
import { FONT, INK, MUTED, RULE, type Doc } from './layout';

export interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Value axis up the left of `plot` with horizontal gridlines; returns value -> page y. */
export function drawYAxis(
  doc: Doc,
  plot: Plot,
  scale: { top: number; step: number },
  title: string,
  fmt: (v: number) => string,
): (v: number) => number {
  const yOf = (v: number) => plot.y + plot.h - (v / scale.top) * plot.h;
  doc.font(FONT.regular).fontSize(8);
  for (let v = 0; v <= scale.top + scale.step / 1000; v += scale.step) {
    const y = yOf(v);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.5)
      .stroke(v === 0 ? INK : RULE);
    doc.fillColor(MUTED).text(fmt(v), plot.x - 46, y - 4, { width: 42, align: 'right', lineBreak: false });
  }
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.h)
    .lineWidth(0.75)
    .stroke(INK);
  // Rotated so the title reads bottom to top beside the tick labels, clear of them.
  doc.save();
  doc.rotate(-90, { origin: [plot.x - 56, plot.y + plot.h / 2] });
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(INK)
    .text(pdfText(title), plot.x - 56 - plot.h / 2, plot.y + plot.h / 2 - 10, {
      width: plot.h,
      align: 'center',
      lineBreak: false,
    });
  doc.restore();
  return yOf;
}

/** Value axis along the bottom of `plot` with vertical gridlines; returns value -> page x. */
export function drawXAxis(
  doc: Doc,
  plot: Plot,
  scale: { top: number; step: number },
  title: string,
  fmt: (v: number) => string,
): (v: number) => number {
  const xOf = (v: number) => plot.x + (v / scale.top) * plot.w;
  doc.font(FONT.regular).fontSize(8);
  for (let v = 0; v <= scale.top + scale.step / 1000; v += scale.step) {
    const x = xOf(v);
    doc
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + plot.h)
      .lineWidth(0.5)
      .stroke(v === 0 ? INK : RULE);
    doc.fillColor(MUTED).text(fmt(v), x - 30, plot.y + plot.h + 4, { width: 60, align: 'center', lineBreak: false });
  }
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(INK)
    .text(pdfText(title), plot.x, plot.y + plot.h + 18, { width: plot.w, align: 'center', lineBreak: false });
  return xOf;
}

/** A small count or amount beside a bar, on a white patch so gridlines do not strike through it. */
export function valueLabel(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'center' | 'left' = 'center',
): void {
  const label = pdfText(text);
  doc.font(FONT.regular).fontSize(8);
  const w = doc.widthOfString(label);
  const lx = align === 'left' ? x : x + (width - w) / 2;
  doc.rect(lx - 1, y - 1, w + 2, 10).fill('#ffffff');
  doc.fillColor(INK).text(label, x, y, { width, align, lineBreak: false });
}
