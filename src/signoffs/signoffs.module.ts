import { Module } from '@nestjs/common';
import { RequestSignoffController } from './commands/request-signoff/request-signoff.controller';
import { RequestSignoffHandler } from './commands/request-signoff/request-signoff.handler';
import { ReviseSignoffArtefactController } from './commands/revise-signoff-artefact/revise-signoff-artefact.controller';
import { ReviseSignoffArtefactHandler } from './commands/revise-signoff-artefact/revise-signoff-artefact.handler';
import { SignSignoffController } from './commands/sign-signoff/sign-signoff.controller';
import { SignSignoffHandler } from './commands/sign-signoff/sign-signoff.handler';
import { WithdrawSignoffRequestController } from './commands/withdraw-signoff-request/withdraw-signoff-request.controller';
import { WithdrawSignoffRequestHandler } from './commands/withdraw-signoff-request/withdraw-signoff-request.handler';
import { WithdrawSignoffSignatureController } from './commands/withdraw-signoff-signature/withdraw-signoff-signature.controller';
import { WithdrawSignoffSignatureHandler } from './commands/withdraw-signoff-signature/withdraw-signoff-signature.handler';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RequestSignoffController, RequestSignoffHandler],
  [SignSignoffController, SignSignoffHandler],
  [ReviseSignoffArtefactController, ReviseSignoffArtefactHandler],
  [WithdrawSignoffSignatureController, WithdrawSignoffSignatureHandler],
  [WithdrawSignoffRequestController, WithdrawSignoffRequestHandler],
] as const;

/** Sign-off of artefact versions by partners: each signature pins a version and its content hash. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class SignoffsModule {}
