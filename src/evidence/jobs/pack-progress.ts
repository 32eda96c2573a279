import { Injectable } from '@nestjs/common';
import type { PackProgress } from '../pack/build/build-pack-contract';

/** Build progress for polling: in memory only, since the ledger records just started/completed/failed. */
@Injectable()
export class PackProgressTracker {
  private readonly progress = new Map<string, PackProgress>();

  set(packId: string, p: PackProgress): void {
    this.progress.set(packId, { phase: p.phase, eventsWritten: p.eventsWritten });
  }

  get(packId: string): PackProgress | undefined {
    return this.progress.get(packId);
  }

  clear(packId: string): void {
    this.progress.delete(packId);
  }
}
