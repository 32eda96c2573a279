import PDFDocument from 'pdfkit';
import { isNumeric } from './table';
import { columnWidths, fitCell } from './table-fit';

const doc = () => new PDFDocument({ size: 'A4', autoFirstPage: true }).font('Helvetica').fontSize(8);
const long = 'The board agreed to underwrite the shortfall in principle. '.repeat(120);

describe('summary.pdf table sizing', () => {
  it('narrow tables fill the width in proportion to what each column asks', () => {
    const w = columnWidths(doc(), ['Partner', 'Paid'], [['Warwickshire Police', '£45,750.00']], 500, 4, 8);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(500);
    expect(w[0]).toBeGreaterThan(w[1]);
  });

  it('wide tables keep short columns whole and give long text the rest', () => {
    const rows = [
      ['wseb-2022-05-10-a1', long, '2022-06-07'],
      ['wseb-2022-05-10-a2', 'Short', '2022-07-01'],
    ];
    const d = doc();
    const w = columnWidths(d, ['Action', 'Text', 'Due'], rows, 300, 4, 8);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(300);
    expect(w[0]).toBeGreaterThanOrEqual(d.widthOfString('wseb-2022-05-10-a1') + 8);
    expect(w[2]).toBeGreaterThanOrEqual(d.widthOfString('2022-06-07') + 8);
    expect(w[1]).toBeGreaterThan(w[0]);
  });

  it('a cell that fits is left alone; one taller than a page is cut and says where the rest is', () => {
    const d = doc();
    expect(fitCell(d, 'Resolved within the stage', 200, 400)).toBe('Resolved within the stage');
    const cut = fitCell(d, long, 200, 400);
    expect(cut.endsWith(' ... [cut; full text in the CSV]')).toBe(true);
    expect(d.heightOfString(cut, { width: 200 })).toBeLessThanOrEqual(400);
    expect(cut.length).toBeLessThan(long.length);
  });

  it.each([
    [['£178,351.00', '£7,000.00', ''], true],
    [['11', '4', '-', '21%'], true],
    [['2022-05-10', '2022-09-22'], false],
    [['closed', '3'], false],
    [['', ''], false],
  ])('right-aligns %j: %s', (cells, numeric) => expect(isNumeric(cells)).toBe(numeric));
});
