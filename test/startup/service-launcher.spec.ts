import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_V8_FLAGS } from '../../src/startup/service-v8-flags';

interface Compiled {
  run: (exports: object, require: NodeJS.Require, module: { exports: object }, file: string, dir: string) => void;
  cache: 'used' | 'rejected' | 'none';
  saveCache: () => boolean;
}
// Plain JavaScript (it becomes dist/service.js, beside the bundle it runs), so required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('../../scripts/service-launcher.js') as {
  compileWithCache: (source: string | Buffer, filename: string, cacheFile: string) => Compiled;
  cacheKey: (source: string | Buffer) => string;
  sourceOf: (bytes: Buffer) => string;
  wrapped: (text: string) => string;
  WRAPPER_HEAD: string;
  WRAPPER_CALL: string;
  SERVICE_V8_FLAGS: string;
};

/** A module the way the launcher runs the bundle: its exports as the function's `module` and `this`. */
function runModule(compiled: Compiled, file: string): Record<string, unknown> {
  const mod = { exports: {} as Record<string, unknown> };
  compiled.run.call(mod.exports, mod.exports, require, mod, file, join(file, '..'));
  return mod.exports;
}

describe('the bundle launcher: a V8 code cache keyed by the bundle and Node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-launcher-'));
  // V8 keeps what one process compiled, by source and file name, and would answer a second compile of
  // the same pair from that without reading the cache at all: every compile here names its own file.
  let compiles = 0;
  const compile = (text: string, cache: string) => {
    const file = join(dir, `service.bundle.${++compiles}.js`);
    return { file, compiled: launcher.compileWithCache(text, file, cache) };
  };
  const cacheFile = join(dir, 'service.bundle.v8cache');
  const source =
    'exports.answer = 6 * 7;\nexports.where = __filename;\nfunction later() { return 1; }\nexports.later = later;\n';
  const keyLine = (path: string) => readFileSync(path).toString('latin1').split('\n')[0];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => rmSync(cacheFile, { force: true }));

  it('given no cache, then it compiles as a CommonJS module, and saving writes one keyed by the source and Node', () => {
    const { file, compiled } = compile(source, cacheFile);
    expect(compiled.cache).toBe('none');
    expect(runModule(compiled, file)).toMatchObject({ answer: 42, where: file });
    expect(compiled.saveCache()).toBe(true);
    expect(keyLine(cacheFile)).toBe(launcher.cacheKey(source));
    expect(compiled.saveCache()).toBe(false); // once
  });

  it('given the cache a start saved, then the next start uses it and writes nothing', () => {
    compile(source, cacheFile).compiled.saveCache();
    const saved = readFileSync(cacheFile);
    const { file, compiled } = compile(source, cacheFile);
    expect(compiled.cache).toBe('used');
    expect(runModule(compiled, file).answer).toBe(42);
    expect(compiled.saveCache()).toBe(false);
    expect(readFileSync(cacheFile).equals(saved)).toBe(true);
  });

  it('given a cache made for another bundle (even of the same length), then it is ignored and replaced', () => {
    const other = source.replace('6 * 7', '5 * 8'); // same length: V8's own check alone would take it
    compile(other, cacheFile).compiled.saveCache();
    const { file, compiled } = compile(source, cacheFile);
    expect(compiled.cache).toBe('none');
    expect(runModule(compiled, file).answer).toBe(42);
    expect(compiled.saveCache()).toBe(true);
    expect(keyLine(cacheFile)).toBe(launcher.cacheKey(source));
  });

  it('given a cache with the right key that V8 refuses (damaged), then it is a normal compile and a new cache is saved', () => {
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${launcher.cacheKey(source)}\n`), Buffer.alloc(4096, 7)]));
    const { file, compiled } = compile(source, cacheFile);
    expect(compiled.cache).toBe('rejected');
    expect(runModule(compiled, file).answer).toBe(42);
    expect(compiled.saveCache()).toBe(true);
    expect(compile(source, cacheFile).compiled.cache).toBe('used');
  });

  it('given a place no cache can be written (under a regular file), then saving says so and nothing throws', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a directory');
    const { file, compiled } = compile(source, join(blocked, 'service.bundle.v8cache'));
    expect(compiled.cache).toBe('none');
    expect(compiled.saveCache()).toBe(false);
    expect(runModule(compiled, file).answer).toBe(42);
  });
});

describe('the bundle launcher: what it compiles, from the bytes it reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-launcher-wrap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const body = 'exports.answer = 6 * 7;\nexports.self = this === exports;\nexports.where = __filename;';
  // As scripts/bundle-service.js writes the bundle: its code inside the wrapper, then the wrapper's call.
  const asBuilt = `${launcher.WRAPPER_HEAD}\n${body}\n})${launcher.WRAPPER_CALL}\n//# sourceMappingURL=x.map\n`;

  it('given a bundle as built, then it compiles the file up to the wrapper call, and Node runs the same file alike', () => {
    expect(launcher.wrapped(asBuilt)).toBe(`${launcher.WRAPPER_HEAD}\n${body}\n})`);
    const file = join(dir, 'as-built.js');
    writeFileSync(file, asBuilt);
    const compiled = launcher.compileWithCache(readFileSync(file), file, join(dir, 'as-built.v8cache'));
    const expected = { answer: 42, self: true, where: file };
    expect(runModule(compiled, file)).toEqual(expected);
    // `node dist/service.bundle.js` (bench:startup's bundle-uncached): Node's loader, then the call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's own loader is what this runs
    expect({ ...(require(file) as object) }).toEqual(expected);
  });

  it('given any other text, then it is wrapped as a CommonJS module body', () => {
    expect(launcher.wrapped(body)).toBe(`${launcher.WRAPPER_HEAD}${body}\n})`);
    // A file that only starts like a bundle is wrapped too, not cut at a call it does not end with.
    expect(launcher.wrapped(`${launcher.WRAPPER_HEAD}\n${body}\n})`)).toBe(
      `${launcher.WRAPPER_HEAD}${launcher.WRAPPER_HEAD}\n${body}\n})\n})`,
    );
  });

  it('given the bytes of an ASCII file or of a UTF-8 one, then the text is theirs, and the key is the one of that text', () => {
    for (const text of ['plain ASCII: /[A-Z]/', 'UTF-8: /[A-ZÄÖÜß]/ and 𝒜']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(launcher.sourceOf(bytes)).toBe(text);
      expect(launcher.cacheKey(bytes)).toBe(launcher.cacheKey(text));
    }
  });
});

describe('the bundle launcher and the service: one set of V8 flags', () => {
  it('the launcher sets before its compile the flags the service sets, so the cache it makes is one V8 takes', () => {
    // (service-bundle.spec shows a second start using the cache; this names where a difference comes from.)
    expect(launcher.SERVICE_V8_FLAGS).toBe(SERVICE_V8_FLAGS);
  });
});

describe('the bundle launcher: a first start that ran long still saves what boot compiled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-launcher-long-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The size of the cache one start saves, at once or after the collections of a long start. */
  const savedSize = (when: 'at-once' | 'after-collections') =>
    Number(
      execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--stress-flush-code',
          join(__dirname, 'support', 'long-first-start-child.js'),
          join(dir, when),
          when,
        ],
        { encoding: 'utf8' },
      ),
    );

  it('given boot code that ran once, when the cache is saved after full collections, then it holds that code as one saved at once does', () => {
    // Without --no-flush-bytecode in the service's flags, V8 drops the bytecode first: the cache saved
    // late was ~0.5 KB against ~6.5 KB, and every later start compiled boot's code again.
    const atOnce = savedSize('at-once');
    expect(atOnce).toBeGreaterThan(4_000);
    // (The two differ by a few bytes: each names its own file.)
    expect(savedSize('after-collections')).toBeGreaterThan(atOnce * 0.95);
  });
});
