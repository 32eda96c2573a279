import type { Type } from '@nestjs/common';
import { PartnersModule } from './partners/partners.module';

/** One Nest module per bounded context; each registers its command slices. */
export const CONTEXT_MODULES: Type[] = [PartnersModule];
