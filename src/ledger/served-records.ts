import type { ServedRecord } from '../shared/serves';
import type { CommandRunner } from './command-runner';
import type { CitableSource, ServedRecordsPort } from './served-records.port';

/**
 * The SERVED_RECORDS port over the citable sources the composition root lists: each citation of a
 * kind a source owns is looked up in that source's stream; a kind no source owns yet is recorded as
 * given (inspections and audits plug in by adding their source, see src/served-records.module.ts).
 */
export class ServedRecords implements ServedRecordsPort {
  constructor(
    private readonly runner: Pick<CommandRunner, 'load'>,
    private readonly sources: readonly CitableSource[],
  ) {}

  async missing(serves: readonly ServedRecord[]): Promise<ServedRecord[]> {
    const found = await Promise.all(
      serves.map(async (record) => {
        const source = this.sources.find((s) => s.kinds.includes(record.kind));
        if (!source) return true;
        const { state } = await this.runner.load(source.aggregate, source.streamIdOf(record));
        return source.holds(state, record);
      }),
    );
    return serves.filter((_, i) => !found[i]);
  }
}
