import type { CommandRunner } from '../../ledger/command-runner';

/** The named records of another context (partners, actions) with no stream: a fact the deciders refuse on. */
export async function unrecorded(runner: CommandRunner, category: string, ids: readonly string[]): Promise<string[]> {
  const found = await Promise.all(ids.map((id) => runner.exists(category, id)));
  return ids.filter((_, i) => !found[i]);
}
