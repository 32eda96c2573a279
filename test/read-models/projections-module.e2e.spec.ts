import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send } from '../support/http';
import { newEvent } from '../support/events';
import { startProjectionsApp } from './support/projections-app';

describe('ProjectionsModule on the SQLite engine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'projections-module-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'NORMAL' };
  const raised = (actionId: string) =>
    newEvent('action-raised', {
      actionId,
      meetingId: 'wseb-2022-05-10',
      itemNumber: 1,
      text: 'Chase',
      owners: [{ kind: 'team', name: 'All' }],
      dueDate: '2022-06-30',
    });

  it('keeps read models in <dataDir>/read-models.sqlite and carries on from the checkpoint after a restart', async () => {
    const first = await startProjectionsApp(env);
    await first.runner.waitFor((await first.store.append('action-a1', [raised('a1')], 'no_stream')).position);
    await first.close();
    expect(existsSync(join(dataDir, 'read-models.sqlite'))).toBe(true);

    const second = await startProjectionsApp(env);
    try {
      const { position } = await second.store.append('action-a2', [raised('a2')], 'no_stream');
      await second.runner.waitFor(position);
      const res = await send(second, '/action-log', undefined, { method: 'GET' });
      expect(
        res.body.items.map((i: { actionId: string; historyLength: number }) => [i.actionId, i.historyLength]),
      ).toEqual([
        ['a1', 1],
        ['a2', 1],
      ]);
      const lags = await second.runner.lag();
      expect(lags.length).toBeGreaterThan(0);
      for (const lag of lags) expect(lag).toMatchObject({ state: 'running', checkpoint: position, behind: 0 });
    } finally {
      await second.close();
    }
  });
});
