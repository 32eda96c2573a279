/** One thing wrong with a pack, named so a person can find it: the file, and the event or CSV cell. */
export interface PackProblem {
  file: string;
  message: string;
  /** events.ndjson: 1-based line, and the event when the line parsed. */
  line?: number;
  eventId?: string;
  streamId?: string;
  revision?: number;
  /** CSVs: 1-based data row (the header is row 0) and column name. */
  row?: number;
  column?: string;
}

export function describeProblem(p: PackProblem): string {
  const where = [
    p.line !== undefined ? `line ${p.line}` : '',
    p.eventId !== undefined ? `event ${p.eventId} (${p.streamId} revision ${p.revision})` : '',
    p.row !== undefined ? `row ${p.row}` : '',
    p.column !== undefined ? `column ${p.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${p.file}${where ? ` [${where}]` : ''}: ${p.message}`;
}
