/** The first two pages: what this pack is and how to check it, then what it covers and its headline figures. */
import type { SummaryInput } from './summary-figures';
import { day, instant, pdfText } from './format';
import {
  BRAND,
  FONT,
  INK,
  MUTED,
  RULE,
  contentWidth,
  heading,
  left,
  newPage,
  para,
  subheading,
  type Doc,
} from './layout';

const RECORD_NAMES: Record<string, string> = {
  decisions: 'Decisions and sign-offs',
  actions: 'Actions and their progress',
  escalations: 'Escalations between agencies',
  funding: 'Partner funding and the budget',
  'case-reviews': 'Case reviews and their statutory deadlines',
  inspections: 'Inspections and their recommendations',
  assurance: 'Thematic reviews, partner plans and multi-agency audits',
  risks: 'The risk register: scores, reviews and escalations',
  'forward-plan': "The board's forward plan",
};

export function drawCover(doc: Doc, input: SummaryInput): void {
  newPage(doc);
  const x = left(doc);
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 170).fill(BRAND);
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor('#ffffff')
    .text('EVIDENCE PACK SUMMARY', x, 60, { width, characterSpacing: 1.5 });
  // A long title steps down a size rather than being cut; only a very long one is cut (at 80pt).
  const title = pdfText(input.title);
  const size = [24, 20, 16].find((pt) => doc.font(FONT.bold).fontSize(pt).heightOfString(title, { width }) <= 80) ?? 16;
  doc.font(FONT.bold).fontSize(size).text(title, x, 82, { width, height: 80, ellipsis: true });
  doc.y = 200;
  field(doc, 'Partnership', input.partnership);
  field(doc, 'Period', `${day(input.scope.from)} to ${day(input.scope.to)} (inclusive, business dates)`);
  field(doc, 'Generated', instant(input.generatedAt));
  doc.moveDown(1);
  // The pack's full rootHash covers this PDF too, so the PDF cannot print it: it prints the root
  // hash over the data files (manifest.json's dataRootHash), which the verifier also checks.
  subheading(doc, 'Data root hash of this pack');
  para(
    doc,
    "SHA-256 over the list of the pack's data files (events.ndjson and the CSV files), each with its own SHA-256. manifest.json records it as dataRootHash; its rootHash also covers this PDF, so cannot be printed in it.",
    { muted: true, size: 9 },
  );
  const boxY = doc.y;
  doc.rect(x, boxY, width, 30).lineWidth(1).stroke(BRAND);
  doc
    .font(FONT.mono)
    .fontSize(10)
    .fillColor(INK)
    .text(pdfText(input.rootHash), x + 10, boxY + 10, { width: width - 20, lineBreak: false });
  doc.y = boxY + 44;
  subheading(doc, 'How to verify it offline');
  const steps = [
    'Keep the pack ZIP exactly as received: changing any file in it breaks the hashes that manifest.json records.',
    "With a copy of the ledger's source code and Node.js, and no connection to the partnership's server, run:",
    "The verifier recomputes every file's SHA-256, the root hash and the data root hash from manifest.json, re-checks the hash chain linking the events in events.ndjson, recomputes every CSV from those events, and checks the signed ledger digest (if the pack holds one): its Merkle tree proofs in log-proofs.ndjson show every event is in the log the digest signed, and each stream up to the last event its head line names (packs built before them carry log-hashes.txt instead); add --public-key with the key the partnership published so the signer of the digest is pinned, and --digest with a digest the partnership published to hold the pack to it. It reports VALID, or lists every problem.",
    "Check that dataRootHash in the pack's manifest.json is the value above: the records this summary describes are then the ones just verified.",
  ];
  steps.forEach((step, i) => {
    const y = doc.y;
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(INK)
      .text(`${i + 1}.`, x, y, { width: 18, lineBreak: false });
    doc.text(step, x + 18, y, { width: width - 18, lineGap: 2 });
    if (i === 1)
      doc
        .moveDown(0.2)
        .font(FONT.mono)
        .fontSize(10)
        .text('npm run verify-pack -- <pack.zip>', x + 36, doc.y, { width: width - 36 });
    doc.moveDown(0.5);
  });
}

function field(doc: Doc, label: string, value: string): void {
  const x = left(doc);
  const y = doc.y;
  doc.font(FONT.bold).fontSize(10).fillColor(MUTED).text(label, x, y, { width: 110 });
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor(INK)
    .text(pdfText(value), x + 110, y, { width: contentWidth(doc) - 110 });
  doc.moveDown(0.4);
}

const listOr = (items: string[], none: string): string => (items.length === 0 ? none : items.join(', '));

export function drawScopeAndHeadlines(doc: Doc, input: SummaryInput): void {
  newPage(doc);
  heading(doc, 'Scope of this pack');
  const s = input.scope;
  field(doc, 'Period', `${day(s.from)} to ${day(s.to)}`);
  field(doc, 'Boards', listOr(s.boardIds, 'Every board'));
  field(doc, 'Partners', listOr(s.partnerIds, 'Every partner'));
  field(doc, 'Themes', listOr(s.themes, 'None: records are not filtered by theme'));
  field(
    doc,
    'Records',
    listOr(
      s.records.map((r) => RECORD_NAMES[r] ?? r),
      'None',
    ),
  );
  para(
    doc,
    'Every figure and chart in this summary is computed from the events in this pack (events.ndjson); the CSV files hold the same records in full.',
    { muted: true, size: 9 },
  );
  doc.moveDown(0.8);
  heading(doc, 'Headline figures', 16);
  drawHeadlineGrid(doc, input.headline);
}

/** Three boxes a row: the value large, its label under it; each row as tall as its tallest label. */
function drawHeadlineGrid(doc: Doc, items: SummaryInput['headline']): void {
  if (items.length === 0) return para(doc, 'No headline figures for this scope.');
  const x0 = left(doc);
  const gap = 12;
  const w = (contentWidth(doc) - 2 * gap) / 3;
  for (let i = 0; i < items.length; i += 3) {
    const row = items.slice(i, i + 3);
    doc.font(FONT.regular).fontSize(9);
    const labelH = Math.max(...row.map((h) => doc.heightOfString(pdfText(h.label), { width: w - 16 })));
    doc.font(FONT.bold).fontSize(16);
    const valueH = Math.max(...row.map((h) => doc.heightOfString(pdfText(h.value), { width: w - 16 })));
    const h = valueH + labelH + 26;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) newPage(doc);
    const y = doc.y;
    row.forEach((item, j) => {
      const x = x0 + j * (w + gap);
      doc.rect(x, y, w, h).lineWidth(0.75).stroke(RULE);
      doc.rect(x, y, 4, h).fill(BRAND);
      doc
        .font(FONT.bold)
        .fontSize(16)
        .fillColor(INK)
        .text(pdfText(item.value), x + 10, y + 10, { width: w - 16 });
      doc
        .font(FONT.regular)
        .fontSize(9)
        .fillColor(MUTED)
        .text(pdfText(item.label), x + 10, y + 14 + valueH, { width: w - 16 });
    });
    doc.y = y + h + gap;
  }
}
