/**
 * summary.pdf: the report an inspector reads first. Cover (with the root hash and how to verify the
 * pack offline), scope and headline figures, the three charts, the meetings, every table, then the
 * annual report's attendance appendix. Drawn with pdfkit's built-in fonts and vector operations only,
 * so no font or chart library is fetched or embedded.
 *
 * Deterministic: the same input gives the same bytes. pdfkit's creation date and its file ID (which
 * it derives from the info dictionary) come from input.generatedAt, never the clock, so a pack can
 * be rebuilt and its root hash reproduced.
 *
 * pdfkit (with its font and layout libraries) is loaded on the first pack, not at boot: it was a
 * large share of the modules every start loaded (test/startup/lazy-boot.spec.ts).
 */
import type { SummaryInput } from './summary-figures';
import { drawActionStatusChart } from './action-status-chart';
import { drawAttendanceAppendix } from './attendance-section';
import { drawContributionsChart } from './contributions-chart';
import { drawCover, drawScopeAndHeadlines } from './cover-pages';
import { drawEscalationsChart } from './escalations-chart';
import { pdfText } from './format';
import { MARGIN, stampFooters } from './layout';
import { drawMeetings } from './meetings-section';
import { drawTable } from './table';

export async function renderSummaryPdf(input: SummaryInput): Promise<Buffer> {
  const at = new Date(input.generatedAt);
  if (Number.isNaN(at.getTime()))
    return Promise.reject(new RangeError(`generatedAt is not an ISO instant: ${input.generatedAt}`));
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    lang: 'en-GB',
    info: {
      Title: pdfText(input.title),
      Author: pdfText(input.partnership),
      Subject: `Evidence pack summary, ${input.scope.from} to ${input.scope.to}`,
      Keywords: `root-hash:${input.rootHash}`,
      Creator: 'Safeguarding governance ledger',
      Producer: 'PDFKit',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    drawCover(doc, input);
    drawScopeAndHeadlines(doc, input);
    drawActionStatusChart(doc, input.actionStatusOverTime);
    drawEscalationsChart(doc, input.escalationsByStage);
    for (const year of input.contributions) drawContributionsChart(doc, year);
    drawMeetings(doc, input.meetings);
    for (const table of input.tables) drawTable(doc, table);
    drawAttendanceAppendix(doc, input.attendanceAppendix);
    stampFooters(doc, input.title, input.rootHash);
  } catch (err) {
    doc.end();
    throw err;
  }
  doc.end();
  return done;
}
