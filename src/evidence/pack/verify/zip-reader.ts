import type { Readable } from 'node:stream';
import { openPromise, type Entry, type ZipFile } from 'yauzl';

/** A ZIP's entries by name (duplicates kept apart), read from its central directory. */
export interface ZipContents {
  zip: ZipFile;
  entries: Map<string, Entry>;
  duplicates: string[];
}

export async function openZip(path: string): Promise<ZipContents> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  const entries = new Map<string, Entry>();
  const duplicates: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (entries.has(entry.fileName)) duplicates.push(entry.fileName);
      else entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return { zip, entries, duplicates };
}

/** Streams one entry through `onChunk` (decompressed); resolves when it has all been read. */
export async function readEntry(zip: ZipFile, entry: Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  for await (const chunk of stream) onChunk(chunk as Buffer);
}

export async function readEntryText(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw new Error(`${entry.fileName} is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  await readEntry(zip, entry, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}
