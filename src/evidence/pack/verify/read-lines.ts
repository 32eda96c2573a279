import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Entry, ZipFile } from 'yauzl';
import { readEntry } from './zip-reader';

/**
 * Streams a text entry line by line (UTF-8, split on '\n'), hashing and sizing its bytes on the way.
 * A last line with no newline is still handed on (the builder always ends with one).
 */
export async function readLines(
  zip: ZipFile,
  entry: Entry,
  onLine: (line: string) => void,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let rest = '';
  await readEntry(zip, entry, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) onLine(line);
  });
  rest += decoder.end();
  if (rest !== '') onLine(rest);
  return { sha256: hash.digest('hex'), bytes };
}
