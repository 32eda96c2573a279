import { SerialQueue } from './serial-queue';

describe('SerialQueue', () => {
  it('runs jobs one at a time in the order queued', async () => {
    const log: string[] = [];
    let running = 0;
    const q = new SerialQueue(
      async (k) => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${k}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${k}`);
        running--;
      },
      () => undefined,
    );
    q.enqueue('a');
    q.enqueue('b');
    await q.drained();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('does not queue a key that is already waiting, but queues it again once it has started', async () => {
    const ran: string[] = [];
    const q = new SerialQueue(
      async (k) => {
        ran.push(k);
      },
      () => undefined,
    );
    q.enqueue('a');
    q.enqueue('a');
    await q.drained();
    q.enqueue('a');
    await q.drained();
    expect(ran).toEqual(['a', 'a']);
  });

  it('reports a failing job and carries on with the next', async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const q = new SerialQueue(
      async (k) => {
        if (k === 'bad') throw new Error('boom');
        ran.push(k);
      },
      (k, e) => errors.push(`${k}: ${(e as Error).message}`),
    );
    q.enqueue('bad');
    q.enqueue('good');
    await q.drained();
    expect({ errors, ran }).toEqual({ errors: ['bad: boom'], ran: ['good'] });
  });
});
