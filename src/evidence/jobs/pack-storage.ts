import { Inject, Injectable } from '@nestjs/common';
import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { KeptPack, PackFiles } from './pack-files.port';

/**
 * Where built packs live on one instance: <dataDir>/packs/<packId>.zip. With the in-memory ledger
 * the packs go to a temporary directory removed at shutdown, since the ledger that proves them is
 * gone then too. With shared state, builds still write their temporary file here (PgPackFiles).
 */
@Injectable()
export class PackStorage implements PackFiles {
  readonly dir: string;
  private readonly temporary: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.temporary = config.store === 'memory';
    this.dir = this.temporary ? mkdtempSync(join(tmpdir(), 'evidence-packs-')) : join(config.dataDir, 'packs');
    mkdirSync(this.dir, { recursive: true });
  }

  /** packId is a checked slug, so it cannot climb out of the directory. */
  pathOf(packId: string): string {
    return join(this.dir, `${packId}.zip`);
  }

  /** Written here first and renamed into place, so a reader never sees half a pack. */
  tempPathOf(packId: string): string {
    return join(this.dir, `.${packId}.zip.partial`);
  }

  /** One instance leads alone: no lease to check. */
  async keep(packId: string): Promise<number> {
    await rename(this.tempPathOf(packId), this.pathOf(packId));
    return (await stat(this.pathOf(packId))).size;
  }

  async open(packId: string): Promise<KeptPack | undefined> {
    const path = this.pathOf(packId);
    const size = await stat(path).then(
      (s) => s.size,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      },
    );
    return size === undefined ? undefined : { size, stream: () => createReadStream(path) };
  }

  removeIfTemporary(): void {
    if (this.temporary) rmSync(this.dir, { recursive: true, force: true });
  }
}
