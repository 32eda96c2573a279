import { ConfigError, loadConfig, storeDeadlineMs } from './app-config';

describe('STORE_DEADLINE_MS', () => {
  it('given nothing set, then every store call has 5 seconds', () => {
    expect(loadConfig({}).storeDeadlineMs).toBe(5000);
  });

  it('given a whole number of milliseconds in range, then it is used', () => {
    expect(loadConfig({ STORE_DEADLINE_MS: '250' }).storeDeadlineMs).toBe(250);
    expect(storeDeadlineMs({ STORE_DEADLINE_MS: '600000' })).toBe(600_000);
  });

  it.each(['soon', '0', '99', '1.5', '-5000', '600001'])(
    'given "%s", then the start is refused naming STORE_DEADLINE_MS',
    (raw) => {
      expect(() => loadConfig({ STORE_DEADLINE_MS: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ STORE_DEADLINE_MS: raw })).toThrow(/STORE_DEADLINE_MS/);
    },
  );
});
