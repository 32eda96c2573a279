import { Writable } from 'node:stream';
import { send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('request logging (e2e)', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const capture = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ LOG_LEVEL: 'trace' }, { logStream: capture });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes structured request logs that never contain the bearer token or Authorization header', async () => {
    const token = await t.token({ role: 'admin', userId: 'admin-1' });
    await send(
      t,
      '/partners',
      { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
      { token },
    );
    await send(t, '/partners', { partnerId: 'x' }, { token: `${token}tampered` });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    expect(() => JSON.parse(lines[0])).not.toThrow();
    expect(log).toContain('/partners');
    expect(log).not.toContain(token.split('.')[1]);
    expect(log).not.toMatch(/Bearer /i);
  });
});
