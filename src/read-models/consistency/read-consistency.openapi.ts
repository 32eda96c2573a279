import type { OpenAPIObject } from '../../shared/openapi/deferred-swagger';

/**
 * The Consistency-Position header on every authenticated read (ReadYourWritesGuard serves
 * them all, so it is documented once here rather than on each controller). Its 400 and 503 are
 * already among every read's documented problems.
 */
export function documentReadConsistency(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    const read = path.get;
    if (!read?.security?.length) continue;
    read.parameters = [
      ...(read.parameters ?? []),
      {
        name: 'Consistency-Position',
        in: 'header',
        required: false,
        description:
          'The `position` a command answered you: the read waits until this instance has applied it (read-your-writes through any instance), or answers 503 `read-model-behind` with Retry-After.',
        schema: { type: 'string', pattern: '^\\d{1,20}$' },
      },
    ];
  }
}
