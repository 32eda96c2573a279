import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const REQUIRES = 'auth:requires';
export const PUBLIC = 'auth:public';

/** The permission an endpoint needs; every non-public endpoint must declare one. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRES, permission);

/** Open to anyone: only /health and the OpenAPI document. */
export const Public = () => SetMetadata(PUBLIC, true);
