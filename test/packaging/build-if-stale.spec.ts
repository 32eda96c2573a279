import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * scripts/build-if-stale.js on a copy of itself in a small project of the same layout (its root is
 * the folder above the script), with this repository's TypeScript and esbuild: a real tsc on one
 * file, src/main.ts, and a real bundle of its output (dist/service.bundle.js and its launcher dist/service.js,
 * scripts/bundle-service.js).
 */
describe('scripts/build-if-stale.js', () => {
  /** The project as a successful build left it: each test starts from a copy (timestamps kept), so tsc runs only when a test makes it. */
  let built: string;
  let dir: string;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(dir, 'scripts', 'build-if-stale.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const source = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  /** Later than anything the build wrote, without waiting for the clock. */
  const touchLater = (path: string) => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, path), later, later);
  };
  const output = join('dist', 'src', 'main.js');
  const bundle = join('dist', 'service.bundle.js');
  const launcher = join('dist', 'service.js');
  const STAMP = join('dist', '.build-stamp.json');

  beforeAll(() => {
    dir = built = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    mkdirSync(join(dir, 'scripts'));
    for (const script of ['build-if-stale.js', 'bundle-service.js', 'service-launcher.js', 'ascii-only.js'])
      copyFileSync(join(ROOT, 'scripts', script), join(dir, 'scripts', script));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    source('package.json', '{ "name": "tiny", "private": true }\n');
    source(
      'tsconfig.build.json',
      JSON.stringify({
        compilerOptions: { strict: true, outDir: 'dist', rootDir: '.', types: [] },
        include: ['src'],
        exclude: ['**/*.spec.ts'],
      }),
    );
    source('src/main.ts', 'export const a: number = 1;\n');
    source('src/a.spec.ts', 'export {};\n');
    // Whole seconds in the past: a copy keeps them exactly (cpSync rounds sub-millisecond times).
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    for (const file of [
      'package.json',
      'tsconfig.build.json',
      'src/main.ts',
      'src/a.spec.ts',
      'scripts/build-if-stale.js',
      'scripts/bundle-service.js',
      'scripts/service-launcher.js',
      'scripts/ascii-only.js',
    ])
      utimesSync(join(dir, file), past, past);
    // Given no build yet, when run, then it compiles and stamps, saying so on stderr and nothing on stdout.
    expect(run()).toMatchObject({ status: 0, stdout: '', stderr: expect.stringContaining('building dist/') });
  });
  afterAll(() => rmSync(built, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    cpSync(built, dir, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no build yet, when run, then it compiled the sources, bundled them and stamped them', () => {
    expect(readFileSync(join(dir, output), 'utf8')).toContain('exports.a = 1');
    expect(readFileSync(join(dir, bundle), 'utf8')).toContain('exports.a = 1');
    expect(readFileSync(join(dir, launcher), 'utf8')).toContain("join(__dirname, 'service.bundle.js')");
    expect(existsSync(join(dir, STAMP))).toBe(true);
  });

  it.each([
    ['bundle', bundle],
    ['launcher', launcher],
  ])('given a build of the current sources but no %s, when run, then it builds again and bundles', (_what, file) => {
    rmSync(join(dir, file));
    expect(run()).toMatchObject({ status: 0, stdout: '', stderr: expect.stringContaining('building dist/') });
    expect(existsSync(join(dir, file))).toBe(true);
  });

  it('given a build of the current sources, when run, then it compiles nothing and prints nothing', () => {
    rmSync(join(dir, output)); // a skipped build cannot bring it back
    expect(run()).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(join(dir, output))).toBe(false);
  });

  it('given a source saved after the build, when run, then it compiles again', () => {
    source('src/main.ts', 'export const a: number = 2;\n');
    touchLater('src/main.ts');
    expect(run()).toMatchObject({ status: 0, stdout: '', stderr: expect.stringContaining('building dist/') });
    expect(readFileSync(join(dir, output), 'utf8')).toContain('exports.a = 2');
    expect(readFileSync(join(dir, bundle), 'utf8')).toContain('exports.a = 2');
    expect(run()).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it.each([
    ['a new source file', () => source('src/b.ts', 'export const b = 1;\n')],
    ['a tsconfig', () => touchLater('tsconfig.build.json')],
    ['package.json', () => touchLater('package.json')],
    ['the script folder', () => source('scripts/tool.ts', 'export {};\n')],
  ])('given %s changed after the build, when run, then it compiles again', (_what, change) => {
    change();
    expect(run().stderr).toContain('building dist/');
  });

  it('given only a spec changed (tsconfig.build.json leaves specs out), when run, then it compiles nothing', () => {
    touchLater('src/a.spec.ts');
    expect(run()).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('given a type error, when run, then it fails with the error on stderr, stdout empty, and the next run tries again', () => {
    source('src/main.ts', "export const a: number = 'one';\n");
    touchLater('src/main.ts');
    const failed = run();
    expect(failed).toMatchObject({ status: 2, stdout: '' });
    expect(failed.stderr).toContain('error TS2322');
    expect(run()).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('building dist/') });
  });

  it('given a compiled entry esbuild cannot bundle (a module that does not exist), when run, then it fails saying so and the next run tries again', () => {
    source('src/main.ts', "declare const require: (id: string) => unknown;\nexport const a = require('./missing');\n");
    touchLater('src/main.ts');
    const failed = run();
    expect(failed).toMatchObject({ status: 1, stdout: '' });
    expect(failed.stderr).toMatch(/bundling dist\/service\.bundle\.js failed: .*Could not resolve "\.\/missing"/s);
    expect(run()).toMatchObject({ status: 1, stderr: expect.stringContaining('building dist/') });
  });

  it('given --force (npm run build), when run on a fresh build, then it compiles anyway', () => {
    rmSync(join(dir, output));
    expect(run('--force')).toMatchObject({ status: 0, stdout: '' });
    expect(existsSync(join(dir, output))).toBe(true);
  });
});
