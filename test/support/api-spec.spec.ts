import type { MeetingEvent } from '../../src/meetings';
import { apiSpec, existingStream } from './api-spec';
import { startTestApp, type TestApp } from './test-app';

const meetingId = 'wseb-2022-05-10';
const scheduled: MeetingEvent = {
  type: 'meeting-scheduled',
  data: { meetingId, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z' },
};
const item6: MeetingEvent = { type: 'agenda-item-added', data: { meetingId, itemNumber: 6, title: 'Training' } };
const decision = { decisionId: 'd6', meetingId, itemNumber: 6, outcome: 'endorsed', text: 'Training endorsed' };

describe('apiSpec (the e2e kit) on the real app', () => {
  let t: TestApp;
  const api = apiSpec(() => t);
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('given a meeting seeded into the store, when a decision refers to it, then the handler loads it and records', async () => {
    const res = await api
      .given(existingStream(`meeting-${meetingId}`, [scheduled, item6]))
      .when({ url: '/decisions', body: decision })
      .then(201, { id: 'd6', events: ['decision-recorded'] });
    expect(res.headers.etag).toBe('"0"');
    expect((await t.store.readStream(`meeting-${meetingId}`)).map((e) => e.type)).toEqual([
      'meeting-scheduled',
      'agenda-item-added',
    ]);
  });

  it('given no meeting, then thenProblem checks the code and that nothing was written', async () => {
    await api.given().when({ url: '/decisions', body: decision }).thenProblem(422, 'meeting-not-found');
    await api
      .given(existingStream(`meeting-${meetingId}`, [scheduled]))
      .when({ url: '/decisions', body: decision })
      .thenProblem(422, 'agenda-item-not-found');
  });

  it('fails when the answer differs: another status, another code, or a success taken for a problem', async () => {
    const seeded = existingStream(`meeting-${meetingId}`, [scheduled, item6]);
    await expect(api.given().when({ url: '/decisions', body: decision }).then(201)).rejects.toThrow();
    await expect(
      api.given().when({ url: '/decisions', body: decision }).thenProblem(422, 'agenda-item-not-found'),
    ).rejects.toThrow();
    await expect(api.given(seeded).when({ url: '/decisions', body: decision }).thenProblem(201, 'x')).rejects.toThrow();
  });

  it('sends as the claims given, or with no token', async () => {
    await api.given().when({ url: '/decisions', body: decision, as: null }).thenProblem(401, 'unauthenticated');
    await api
      .given()
      .when({ url: '/action-log?limit=1', as: { role: 'auditor', userId: 'audit-1' } })
      .then(200);
  });
});
