import { runInThisContext } from 'node:vm';

// Plain JavaScript (the build runs it before anything is compiled), so required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { asciiOnly } = require('../../scripts/ascii-only.js') as { asciiOnly: (source: string) => string };

const NON_ASCII = /[\u0080-\uffff]/;
/** What a script's last expression evaluates to. */
const valueOf = (script: string): unknown => runInThisContext(script);

describe('the bundle in ASCII (scripts/ascii-only.js)', () => {
  it('given regex literals with non-ASCII (ranges, the u and v flags, astral characters, an identity escape), then they match exactly as before', () => {
    const patterns = [
      '/^[A-ZÄÖÜß]+$/i',
      '/^[А-ЯЁ]+$/i',
      '/[ぁ-んァ-ヶ]/u',
      '/^𝒜+$/u',
      '/^[𝒜-𝒵]$/v',
      '/\\é/',
      '/\\\\é/',
      '/[^\\t\\x20-\\x7E\\xA0-\\xFF€‚ƒ]/gu',
    ];
    const samples = ['ÄÖÜ', 'straße', 'ЁЖ', 'ぁア', '𝒜𝒜', '𝒞', 'é', '\\é', '€', 'abc', '', 'Ā'];
    for (const pattern of patterns) {
      const escaped = asciiOnly(`(${pattern})`);
      expect(escaped).not.toMatch(NON_ASCII);
      const [before, after] = [valueOf(pattern), valueOf(escaped)] as RegExp[];
      expect(after.flags).toBe(before.flags);
      for (const sample of samples)
        expect([pattern, sample, after.test(sample)]).toEqual([pattern, sample, before.test(sample)]);
    }
  });

  it('given non-ASCII in comments and in a string, then they are escaped and the code means the same', () => {
    const source = '// Wärting\n/* 北京 */\nconst s = "Ü\\é";\ns + "!";\n';
    const escaped = asciiOnly(source);
    expect(escaped).not.toMatch(NON_ASCII);
    expect(escaped).toContain('// W\\u00e4rting');
    expect(runInThisContext(`(() => { ${escaped}; return s; })()`)).toBe('Üé');
  });

  it('given text that is ASCII already, then it is the same text', () => {
    const source = 'const x = /[a-z]/;\n// plain\n';
    expect(asciiOnly(source)).toBe(source);
  });

  it('given non-ASCII in a template (a tagged one would read its raw text), then it refuses and says where', () => {
    expect(() => asciiOnly('const a = 1;\nconst t = String.raw`Ü`;\n')).toThrow(/non-ASCII text in a template at 2:/);
  });
});
