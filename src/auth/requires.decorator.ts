import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '../shared/openapi/deferred-swagger';
import { ROLE_PERMISSIONS, ROLES, type Permission } from './permissions';

export const REQUIRES = 'auth:requires';
export const PUBLIC = 'auth:public';

/** The permission an endpoint needs; every non-public endpoint must declare one. Shown in OpenAPI. */
export const Requires = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRES, permission),
    ApiExtension('x-required-permission', permission),
    ApiExtension(
      'x-allowed-roles',
      ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission)),
    ),
  );

/** Open to anyone: only /health and the OpenAPI document. */
export const Public = () => SetMetadata(PUBLIC, true);
