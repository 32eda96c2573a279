import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** A hang guard for compiling the sources in a fresh process on a busy machine, not a speed check. */
const DEADLINE_MS = 240_000;

/**
 * In a fresh process (its own module cache, as production starts): builds the app from the sources,
 * notes what boot loaded and how many OpenAPI documents it built, then asks for the document twice.
 * Counted by wrapping SwaggerModule.createDocument before the app's modules load.
 */
const CHILD = `
require('./test/read-models/support/swc-register');
require('reflect-metadata');
const { SwaggerModule } = require('@nestjs/swagger');
let built = 0;
const createDocument = SwaggerModule.createDocument;
SwaggerModule.createDocument = function (...args) { built++; return createDocument.apply(this, args); };
const { createApp } = require('./src/bootstrap');
const { loadConfig } = require('./src/config/app-config');
const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
const { ProblemSchema } = require('./src/http/problem');
const problemProperties = () => Reflect.getMetadata('swagger/apiModelPropertiesArray', ProblemSchema.prototype)?.length ?? 0;
(async () => {
  const app = await createApp(loadConfig({
    LEDGER_STORE: 'memory', LEDGER_DATA_DIR: process.argv[1], LOG_LEVEL: 'silent',
    DIGEST_INTERVAL_MINUTES: '0', RETENTION_INTERVAL_MINUTES: '0', INTEGRITY_CHECK_INTERVAL_MINUTES: '0',
  }));
  const atBoot = { pdfkit: loaded('pdfkit'), pg: loaded('pg'), esdbClient: loaded('@eventstore/db-client'), jose: loaded('jose'), documentsBuilt: built, problemProperties: problemProperties() };
  const token = await app.inject({ url: '/action-log', headers: { authorization: 'Bearer not.a.token' } });
  const answers = [await app.inject('/openapi.json'), await app.inject('/openapi.json'), await app.inject('/docs/swagger-ui-init.js')];
  await app.close();
  console.log('RESULT ' + JSON.stringify({
    atBoot,
    statuses: answers.map((a) => a.statusCode),
    firstToken: { status: token.statusCode, jose: loaded('jose') },
    sameDocument: answers[0].body === answers[1].body && answers[2].body.includes('Safeguarding governance ledger'),
    documentsBuilt: built,
    problemProperties: problemProperties(),
  }));
})().catch((err) => { console.error(err); process.exit(1); });
`;

interface Result {
  atBoot: {
    pdfkit: boolean;
    pg: boolean;
    esdbClient: boolean;
    jose: boolean;
    documentsBuilt: number;
    problemProperties: number;
  };
  statuses: number[];
  firstToken: { status: number; jose: boolean };
  sameDocument: boolean;
  documentsBuilt: number;
  problemProperties: number;
}

describe('what boot leaves to first use', () => {
  let result: Result;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-lazy-boot-'));

  beforeAll(() => {
    const run = spawnSync(process.execPath, ['-e', CHILD, dir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: DEADLINE_MS,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`the app did not boot: ${run.stderr}`);
    result = JSON.parse(line.slice('RESULT '.length)) as Result;
  }, DEADLINE_MS + 10_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('boots without loading pdfkit (the summary renderer loads it for the first pack)', () => {
    expect(result.atBoot.pdfkit).toBe(false);
  });

  it('boots with the SQLite-or-memory, embedded-state defaults without loading pg or the EventStoreDB client', () => {
    expect(result.atBoot.pg).toBe(false);
    expect(result.atBoot.esdbClient).toBe(false);
  });

  it('boots without loading jose, then loads it to verify the first bearer token (and refuses a bad one)', () => {
    expect(result.atBoot.jose).toBe(false);
    expect(result.firstToken).toEqual({ status: 401, jose: true });
  });

  it('boots without building the OpenAPI document, then builds it once for /openapi.json and /docs alike', () => {
    expect(result.atBoot.documentsBuilt).toBe(0);
    expect(result.statuses).toEqual([200, 200, 200]);
    expect(result.sameDocument).toBe(true);
    expect(result.documentsBuilt).toBe(1);
  });

  it('boots without applying the OpenAPI decorators (src/shared/openapi/deferred-swagger.ts), then applies them for the document', () => {
    expect(result.atBoot.problemProperties).toBe(0);
    expect(result.problemProperties).toBeGreaterThan(0);
  });
});
