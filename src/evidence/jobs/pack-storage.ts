import { Inject, Injectable } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/**
 * Where built packs live: <dataDir>/packs/<packId>.zip. With the in-memory ledger the packs go to
 * a temporary directory removed at shutdown, since the ledger that proves them is gone then too.
 */
@Injectable()
export class PackStorage {
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

  /** Called by the job runner once no build is writing here any more. */
  removeIfTemporary(): void {
    if (this.temporary) rmSync(this.dir, { recursive: true, force: true });
  }
}
