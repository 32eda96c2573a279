import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { demoData, type DemoData } from '../data';
import { DemoClient, type LoadTally } from './demo-client';
import { injectTransport, type DemoTransport } from './demo-transport';
import { loadActions } from './load-actions';
import { loadCaseReviews, loadReviewActivity } from './load-case-reviews';
import { loadDecisions } from './load-decisions';
import { loadFunding } from './load-funding';
import { loadAssurance } from './load-assurance';
import { loadBoardMembers, loadForwardPlan } from './load-board-members';
import { loadIllustrativeEscalations } from './load-illustrative-escalations';
import { loadInspections } from './load-inspections';
import { closeMeetings, loadMeetings } from './load-meetings';
import { loadPartners } from './load-partners';
import { loadProtocols } from './load-protocols';
import { loadSignoffs } from './load-signoffs';

export { DemoLoadError, type LoadTally } from './demo-client';

/**
 * Loads the demo data set into a running app THROUGH ITS HTTP API, as realistic actors with dev
 * tokens: the same validation, permissions, handlers and rules as any client. Boots nothing.
 * Safe to run again: every request has a stable Idempotency-Key, so a second run replays.
 * Order matters: what a command refers to is recorded first, and meetings close last.
 */
export async function loadDemo(app: NestFastifyApplication, data: DemoData = demoData): Promise<LoadTally> {
  return loadDemoThrough(injectTransport(app), app.get<AppConfig>(APP_CONFIG), data);
}

/** The same, through any transport (e.g. HTTP to a running service); `config` is that service's. */
export async function loadDemoThrough(
  transport: DemoTransport,
  config: AppConfig,
  data: DemoData = demoData,
): Promise<LoadTally> {
  const client = new DemoClient(transport, config);
  await loadPartners(client, data);
  await loadBoardMembers(client, data);
  await loadProtocols(client, data);
  await loadMeetings(client, data);
  await loadDecisions(client, data);
  await loadSignoffs(client, data);
  await loadActions(client, data);
  await loadForwardPlan(client, data);
  await loadCaseReviews(client, data);
  await loadReviewActivity(client, data);
  await loadFunding(client, data);
  await loadAssurance(client, data);
  await loadIllustrativeEscalations(client);
  await loadInspections(client);
  await closeMeetings(client, data);
  return { ...client.tally };
}
