import { mintDevToken } from '../../src/auth/mint-token';
import type { Role } from '../../src/auth/permissions';
import type { AppConfig } from '../../src/config/app-config';
import type { DemoTransport } from './demo-transport';

/** Who sends a request: the verified token says it, never the body. */
export interface DemoActor {
  userId: string;
  role: Role;
  agency: string;
}

/** What a run wrote: replays are requests the ledger had already answered (a second run is all replays). */
export interface LoadTally {
  requests: number;
  replayed: number;
  recordsCreated: number;
  eventsWritten: number;
}

/** Any non-2xx answer stops the load: the request, the status and the problem body say why. */
export class DemoLoadError extends Error {
  constructor(
    readonly request: { url: string; body: unknown; actor: DemoActor; idempotencyKey: string },
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(
      `Demo load stopped: POST ${request.url} as ${request.actor.userId} (${request.actor.role}) answered ${status}\n` +
        `request: ${JSON.stringify(request.body)}\nproblem: ${JSON.stringify(problem)}`,
    );
  }
}

const MAX_RATE_LIMIT_WAITS = 3;

/**
 * Sends commands through the real HTTP stack (Fastify inject in process, or a running service over
 * HTTP): the same guards, validation, handlers and deciders as any client. Every request carries an
 * Idempotency-Key, so running the loader again replays the first answers and writes nothing.
 * `config` is the service's (dev tokens are signed with the key in its data directory).
 */
export class DemoClient {
  readonly tally: LoadTally = { requests: 0, replayed: 0, recordsCreated: 0, eventsWritten: 0 };
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly transport: DemoTransport,
    private readonly config: AppConfig,
  ) {}

  async post(actor: DemoActor, url: string, body: Record<string, unknown>, idempotencyKey: string): Promise<unknown> {
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await this.tokenFor(actor)}`,
      'idempotency-key': idempotencyKey,
    };
    for (let wait = 0; ; wait++) {
      const res = await this.transport.post(url, headers, JSON.stringify(body));
      const answer: unknown = res.body ? JSON.parse(res.body) : undefined;
      // The rate limit protects the service from clients; the loader simply waits its turn.
      if (res.status === 429 && wait < MAX_RATE_LIMIT_WAITS) {
        await sleep(1000 * Math.max(1, Number(res.header('retry-after') ?? 60)));
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        throw new DemoLoadError({ url, body, actor, idempotencyKey }, res.status, answer);
      }
      this.count(res.status, res.header('idempotent-replay') === 'true', answer);
      return answer;
    }
  }

  private count(status: number, replayed: boolean, answer: unknown): void {
    this.tally.requests++;
    if (replayed) {
      this.tally.replayed++;
      return;
    }
    if (status === 201) this.tally.recordsCreated++;
    const events = (answer as { events?: unknown } | undefined)?.events;
    if (Array.isArray(events)) this.tally.eventsWritten += events.length;
  }

  private tokenFor(actor: DemoActor): Promise<string> {
    const key = `${actor.userId}|${actor.role}|${actor.agency}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = mintDevToken(this.config, actor);
      this.tokens.set(key, token);
    }
    return token;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
