import { isLongText, LongText, textErrors, textProblem } from './text-hygiene';

class Owner {
  name = '';
}
class Body {
  @LongText() note = '';
  title = '';
  @LongText() amendments: string[] = [];
  owners: Owner[] = [];
}
class Derived extends Body {
  extra = '';
}

describe('text hygiene', () => {
  it('given every C0 and C1 control, when checked, then short text refuses all, long text allows only tab and line feed', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
    ].map((c) => String.fromCharCode(c));
    expect(controls.filter((c) => textProblem(`a${c}b`, false) === undefined)).toEqual([]);
    expect(controls.filter((c) => textProblem(`a${c}b`, true) === undefined)).toEqual(['\t', '\n']);
    expect(textProblem('a\u0000b', false)).toContain('U+0000');
  });

  it('given bidi embeddings, overrides and isolates, when checked, then each is refused; the marks RTL text needs are not', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(textProblem(`x${c}`, true)).toContain('bidirectional');
    expect([textProblem('\u200f\u200e\u061c مرحبا', false), textProblem('Zoë 🙂 Łódź', false)]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('given lone surrogates, when checked, then they are refused; a surrogate pair (an emoji) is text', () => {
    for (const s of ['\ud800', 'a\udbffb', '\udc00', 'x\udfff', '\udc00\ud800'])
      expect(textProblem(s, true)).toContain('surrogate');
    expect(textProblem('\ud83d\ude42', false)).toBeUndefined();
  });

  it('given date-times, when checked as short text, then those without a zone are refused and dates, zoned times and long text pass', () => {
    for (const s of [
      '2022-05-10T10:00:00',
      '2022-05-10T10:00',
      '2022-05-10 10:00:00',
      '20220510T1000',
      '2022-05-10T10:00:00.5',
      '2022-130T10:00',
      '2022-W19-2T10:00',
    ])
      expect(textProblem(s, false)).toContain('time zone');
    for (const s of [
      '2022-05-10',
      '2022-05-10T10:00:00Z',
      '2022-05-10T10:00:00+01:00',
      '2022-05-10T10:00-0500',
      '2022-05-10T10:00+01',
      'Team 10:00',
    ])
      expect(textProblem(s, false)).toBeUndefined();
    expect(textProblem('2022-05-10T10:00:00', true)).toBeUndefined();
  });

  it('given a body with @LongText fields, nested objects and arrays, when walked, then each bad string is named by path with its own field kind', () => {
    const body = Object.assign(new Derived(), {
      note: 'a\nb',
      title: 'a\nb',
      amendments: ['ok\n', 'bad\u0001'],
      owners: [Object.assign(new Owner(), { name: 'x' }), Object.assign(new Owner(), { name: 'y\n' })],
      extra: '\u202e',
    });
    expect(textErrors(body).map((e) => e.field)).toEqual(['title', 'amendments.1', 'owners.1.name', 'extra']);
    expect([isLongText(body, 'note'), isLongText(body, 'title'), isLongText(new Owner(), 'note')]).toEqual([
      true,
      false,
      false,
    ]);
    expect(textErrors('a\u0000')).toEqual([{ field: '(body)', messages: [expect.stringContaining('U+0000')] }]);
  });
});
