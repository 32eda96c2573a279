import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '../../shared/openapi/deferred-swagger';
import { IsString, Length, Matches } from 'class-validator';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A version label as the authors use it: shared by a request and a revision. */
export const IsArtefactVersion = (description = 'Version label as the authors use it') =>
  applyDecorators(ApiProperty({ description, example: 'v2 (final)', maxLength: 50 }), IsString(), Length(1, 50));

/** SHA-256 of the content: pins exactly which text a partner signed. */
export const IsContentHash = (description = 'SHA-256 of the artefact content, 64 lower-case hex characters') =>
  applyDecorators(
    ApiProperty({
      description,
      example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      pattern: SHA256_HEX.source,
      maxLength: 64,
    }),
    IsString(),
    Matches(SHA256_HEX, { message: '$property must be a SHA-256 hash in lower-case hex (64 characters)' }),
  );
