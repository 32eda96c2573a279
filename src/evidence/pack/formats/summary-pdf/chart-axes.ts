/** Axes and gridlines shared by the charts, drawn with plain pdfkit lines and text. */
import { pdfText } from './format';
import { FONT, INK, MUTED, RULE, type Doc } from './layout';

export interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A value scale from 0 to `top`, a gridline every `step`. */
export interface AxisScale {
  top: number;
  step: number;
}

/** Draws a titled value axis with gridlines across `plot`; returns value -> page coordinate. */
type DrawAxis = (
  doc: Doc,
  plot: Plot,
  scale: AxisScale,
  title: string,
  fmt: (v: number) => string,
) => (v: number) => number;

/** A straight rule from one page point to another. */
function rule(doc: Doc, [x1, y1]: [number, number], [x2, y2]: [number, number], width: number, colour: string): void {
  doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).stroke(colour);
}

/** A gridline per step from 0 to the top (the zero line in ink) with its tick label, both drawn by `at`. */
function gridlines(doc: Doc, scale: AxisScale, at: (v: number, colour: string) => void): void {
  doc.font(FONT.regular).fontSize(8);
  // The slack of a thousandth of a step keeps the top line when the summed steps fall just short of it.
  for (let v = 0; v <= scale.top + scale.step / 1000; v += scale.step) at(v, v === 0 ? INK : RULE);
}

/** Value axis up the left of `plot` with horizontal gridlines. */
export const drawYAxis: DrawAxis = (doc, plot, scale, title, fmt) => {
  const yOf = (v: number) => plot.y + plot.h - (v / scale.top) * plot.h;
  gridlines(doc, scale, (v, colour) => {
    const y = yOf(v);
    rule(doc, [plot.x, y], [plot.x + plot.w, y], 0.5, colour);
    doc.fillColor(MUTED).text(fmt(v), plot.x - 46, y - 4, { width: 42, align: 'right', lineBreak: false });
  });
  rule(doc, [plot.x, plot.y], [plot.x, plot.y + plot.h], 0.75, INK);
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
};

/** Value axis along the bottom of `plot` with vertical gridlines. */
export const drawXAxis: DrawAxis = (doc, plot, scale, title, fmt) => {
  const xOf = (v: number) => plot.x + (v / scale.top) * plot.w;
  gridlines(doc, scale, (v, colour) => {
    const x = xOf(v);
    rule(doc, [x, plot.y], [x, plot.y + plot.h], 0.5, colour);
    doc.fillColor(MUTED).text(fmt(v), x - 30, plot.y + plot.h + 4, { width: 60, align: 'center', lineBreak: false });
  });
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(INK)
    .text(pdfText(title), plot.x, plot.y + plot.h + 18, { width: plot.w, align: 'center', lineBreak: false });
  return xOf;
};

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
