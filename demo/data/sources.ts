/** The seed documents (../shared/seeds) the demo data is derived from, and how a fact cites one. */
export const SOURCE_DOCUMENTS = {
  wseb20220510: '000_64efb88b0888e5ea.txt',
  wseb20220922: '001_c61fdfe20dc690cb.txt',
  worcsScb20190313: '002_e4c9ba3f51106e75.txt',
  wscbAnnualReport201617: '003_3138b66d3f6a209c.txt',
  cabinetReport201920: '004_b85c101c21a9f075.txt',
} as const;
export type SourceDocument = (typeof SOURCE_DOCUMENTS)[keyof typeof SOURCE_DOCUMENTS];

/** A fact's source: the document's file name and where in it (item, section, line). */
export interface SourceRef {
  document: SourceDocument;
  where: string;
}
