// The `e2e-esdb` jest project: every app test/support/test-ledger-store.ts starts runs on the
// EventStoreDB protocol fake (real-node positions) instead of the in-memory store.
process.env.TEST_LEDGER_STORE = 'esdb-fake';
