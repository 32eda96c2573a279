'use strict';
/**
 * Makes the service bundle pure ASCII, so Node reads it into a one-byte string. One non-ASCII
 * character anywhere makes V8 hold the whole 7 MB source as UTF-16: twice the memory, a slow UTF-8
 * decode, and every later use of the source (the code cache's check, lazy compiles) on two-byte text;
 * ~50 ms of each start on the 2-core machine (BENCHMARKS.md, "An ASCII bundle").
 *
 * esbuild already writes strings, templates and identifiers in ASCII; it leaves regular-expression
 * literals (validator's alphabets, the PDF's character set) and comments as they were. Those get
 * `\uXXXX` escapes per UTF-16 code unit, which mean the same in a pattern (in a class range too, and
 * with the u or v flag a surrogate pair of escapes is one code point); an identity escape (`\é`)
 * becomes the plain escape. Anything non-ASCII elsewhere (a tagged template's raw text would change
 * its value) is refused, not guessed at: the build fails and says where.
 */
const acorn = require('acorn');

const NON_ASCII = /[\u0080-\uffff]/;

/** `\uXXXX` for every UTF-16 code unit of `text` above 0x7f, keeping its ASCII as it is. */
function escapeUnits(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += unit < 0x80 ? text[i] : `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** A regex or string literal with its non-ASCII escaped: `\é` (an identity escape) becomes `\u00e9`. */
function escapePattern(literal) {
  return literal.replace(/(\\*)([\u0080-\uffff]+)/g, (_, slashes, chars) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return kept + escapeUnits(chars);
  });
}

/** Refuses a non-ASCII character found outside a regex or string literal or a comment, naming its line and column. */
function refuse(source, start, what) {
  const before = source.slice(0, start).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  throw new Error(
    `non-ASCII text in a ${what} at ${line}:${column}; only regex and string literals and comments are escaped`,
  );
}

/** `source` (a script) in pure ASCII, meaning the same; throws when it cannot be made so safely. */
function asciiOnly(source) {
  if (!NON_ASCII.test(source)) return source;
  const spans = [];
  acorn.parse(source, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    onComment: (_block, text, start, end) => {
      if (NON_ASCII.test(text)) spans.push({ start, end, escape: escapeUnits });
    },
    onToken: (token) => {
      const text = source.slice(token.start, token.end);
      if (!NON_ASCII.test(text)) return;
      if (token.type !== acorn.tokTypes.regexp && token.type !== acorn.tokTypes.string) {
        refuse(source, token.start, token.type.label);
      }
      spans.push({ start: token.start, end: token.end, escape: escapePattern });
    },
  });
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, escape } of spans) {
    out += source.slice(at, start) + escape(source.slice(start, end));
    at = end;
  }
  out += source.slice(at);
  if (NON_ASCII.test(out)) refuse(out, out.search(NON_ASCII), 'place the parser did not report');
  return out;
}

module.exports = { asciiOnly };
