/**
 * How long a test waits for something that should happen before it calls it a hang: a guard, never a
 * speed check. CI runs on a busy 2-core machine, where healthy work is slower, not wrong (ARCHITECTURE.md,
 * "Tests that wait"). Suites about timeouts and deadlines set their own.
 */
export const HANG_GUARD_MS = 60_000;
