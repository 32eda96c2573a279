import { send } from '../../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './projections-app';

type Post = (url: string, body: object) => ReturnType<typeof send>;

/**
 * A read model over the HTTP API, as the registry suites (partners, people, boards) drive it: `seed`
 * writes through the commands as the admin, the suite reads as an inspector (auditor). The app also
 * listens on a port for the SSE stream, which inject cannot read. `s` is filled in beforeAll.
 */
export function readModelSuite(seed: (post: Post) => Promise<void>) {
  const s = {} as { t: ProjectionsTestApp; admin: string; auditor: string };
  const get = (url: string) => send(s.t, url, undefined, { method: 'GET', token: s.auditor });
  const post: Post = async (url, body) => {
    const res = await send(s.t, url, body, { token: s.admin });
    expect(res.status).toBeLessThan(300);
    return res;
  };

  beforeAll(async () => {
    s.t = await startProjectionsApp({});
    await s.t.app.listen(0, '127.0.0.1');
    s.admin = await s.t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    s.auditor = await s.t.token({ userId: 'inspector-1', role: 'auditor', agency: 'ofsted' });
    await seed(post);
    await s.t.runner.waitFor(Math.max(0, ...(await s.t.store.readAll()).map((e) => e.position)));
  });
  afterAll(() => s.t.close());

  return { s, get, post };
}
