import { CSV_FORMAT, CSV_FORMATS, LEGACY_CSV_FORMAT, NEUTRALISING_CSV_FORMAT, type CsvFormat } from '../formats/csv';
import { MANIFEST_FILE } from '../formats/pack-files';
import type { PackProblem } from './pack-problem';
import type { PackManifest } from '../pack-manifest';
import type { PackTable } from '../formats/tables/projection-fold';

/**
 * The CSV format the pack's CSVs were written in, so verify-pack recomputes them alike: the
 * manifest's `csvFormat`, or the legacy format for packs built before it was recorded (they keep
 * verifying). A format this verifier does not know is a problem; the newest is assumed for the rest.
 */
export function csvFormatOf(manifest: PackManifest): { format: CsvFormat; problems: PackProblem[] } {
  const stated: unknown = manifest.csvFormat;
  if (stated === undefined) return { format: LEGACY_CSV_FORMAT, problems: [] };
  if (CSV_FORMATS.includes(stated as CsvFormat)) return { format: stated as CsvFormat, problems: [] };
  return {
    format: CSV_FORMAT,
    problems: [
      {
        file: MANIFEST_FILE,
        message: `csvFormat ${JSON.stringify(stated)} is not a CSV format this verifier knows (${CSV_FORMATS.join(', ')})`,
      },
    ],
  };
}

/**
 * A legacy pack is valid as it was built, but its CSVs may hold cells a spreadsheet runs as a
 * formula: say which, so whoever opens them knows (a forger could also relabel a new pack legacy).
 */
export function formulaWarnings(tables: PackTable[], format: CsvFormat): string[] {
  if (format !== LEGACY_CSV_FORMAT) return [];
  const live = tables.filter((t) => t.csv(LEGACY_CSV_FORMAT) !== t.csv(NEUTRALISING_CSV_FORMAT)).map((t) => t.file);
  return live.length === 0
    ? []
    : [
        `${live.join(', ')} ${live.length === 1 ? 'was' : 'were'} written before CSV formula neutralisation (no csvFormat in the manifest) and hold cells a spreadsheet would run as a formula (starting with = + - @, tab or CR): open them as text, not in a spreadsheet`,
      ];
}
