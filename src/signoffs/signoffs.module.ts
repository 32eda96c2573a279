import { Module } from '@nestjs/common';
import { RequestSignoffController, RequestSignoffHandler } from './commands/request-signoff/request-signoff';
import {
  ReviseSignoffArtefactController,
  ReviseSignoffArtefactHandler,
} from './commands/revise-signoff-artefact/revise-signoff-artefact';
import { SignSignoffController, SignSignoffHandler } from './commands/sign-signoff/sign-signoff';
import {
  WithdrawSignoffRequestController,
  WithdrawSignoffRequestHandler,
} from './commands/withdraw-signoff-request/withdraw-signoff-request';
import {
  WithdrawSignoffSignatureController,
  WithdrawSignoffSignatureHandler,
} from './commands/withdraw-signoff-signature/withdraw-signoff-signature';

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
