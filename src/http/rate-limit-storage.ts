import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The rate limiter's hit log, answering exactly as @nestjs/throttler's ThrottlerStorageService
 * (6.7: a sliding log per key and throttler, a key blocked for blockDuration once over the limit),
 * but pruning in amortised O(1). The library filters the whole log on every request into a new
 * array: at a generous limit (the benches run at 1,000,000 a minute) that was a quarter of a
 * command's CPU. Here each log is kept in expiry order with a head index, so pruning drops expired
 * hits from the front and nothing else is touched. A hit expiring earlier than the last (the clock
 * stepped back) is inserted in order, so the count is always of the hits whose expiry is still ahead.
 */
interface HitLog {
  /** Expiry times in ascending order; live from `head` on. */
  at: number[];
  head: number;
}
interface KeyRecord {
  logs: Map<string, HitLog>;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
}

/** Dropped hits are compacted away once they are this many and the larger part of a log. */
const COMPACT_AT = 1024;
const SWEEP_INTERVAL_MS = 60_000;

@Injectable()
export class SlidingLogThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly records = new Map<string, KeyRecord>();
  private sweep?: NodeJS.Timeout;

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // An idle client's record is forgotten later by the sweep; unref'd, so it never keeps a process alive.
    this.sweep ??= setInterval(() => this.evictIdle(Date.now()), SWEEP_INTERVAL_MS).unref();
    const now = Date.now();
    let record = this.records.get(key);
    if (record === undefined) {
      record = { logs: new Map(), expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false };
      this.records.set(key, record);
    }
    const log = logOf(record, throttlerName);
    prune(log, now);
    if (record.expiresAt - now <= 0) record.expiresAt = now + ttl;
    const timeToExpire = seconds(record.expiresAt - now);
    if (blockDuration <= 0) return Promise.resolve(withoutBlock(log, now, ttl, limit, timeToExpire));

    if (!record.isBlocked) add(log, now + ttl);
    if (count(log) > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = seconds(record.blockExpiresAt - now);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      log.at = [];
      log.head = 0;
      add(log, now + ttl);
    }
    return Promise.resolve({ totalHits: count(log), timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire });
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = undefined;
    this.records.clear();
  }

  /** Forgets keys neither blocked, nor inside their window, nor holding a live hit. */
  evictIdle(now: number): void {
    for (const [key, record] of this.records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      if ([...record.logs.values()].some((log) => count(log) > 0 && log.at[log.at.length - 1] > now)) continue;
      this.records.delete(key);
    }
  }
}

function logOf(record: KeyRecord, throttlerName: string): HitLog {
  let log = record.logs.get(throttlerName);
  if (log === undefined) record.logs.set(throttlerName, (log = { at: [], head: 0 }));
  return log;
}

const count = (log: HitLog) => log.at.length - log.head;
const seconds = (ms: number) => Math.ceil(ms / 1000);

function prune(log: HitLog, now: number): void {
  const { at } = log;
  let head = log.head;
  while (head < at.length && at[head] <= now) head++;
  if (head >= COMPACT_AT && head * 2 >= at.length) {
    log.at = at.slice(head);
    head = 0;
  }
  log.head = head;
}

function add(log: HitLog, expiresAt: number): void {
  const { at } = log;
  if (at.length === log.head || at[at.length - 1] <= expiresAt) {
    at.push(expiresAt);
    return;
  }
  let i = at.length;
  while (i > log.head && at[i - 1] > expiresAt) i--;
  at.splice(i, 0, expiresAt);
}

/** blockDuration 0: over the limit is refused without blocking the key, as the library does. */
function withoutBlock(log: HitLog, now: number, ttl: number, limit: number, timeToExpire: number) {
  const isBlocked = count(log) >= limit;
  if (!isBlocked) add(log, now + ttl);
  const timeToBlockExpire = count(log) > 0 ? seconds(log.at[log.head] - now) : timeToExpire;
  return {
    totalHits: count(log) + (isBlocked ? 1 : 0),
    timeToExpire,
    isBlocked,
    timeToBlockExpire: isBlocked ? timeToBlockExpire : 0,
  };
}
