import { Module } from '@nestjs/common';
import { AddBoardMemberController, AddBoardMemberHandler } from './commands/add-board-member/add-board-member';
import {
  ArrangeBoardDeputyController,
  ArrangeBoardDeputyHandler,
} from './commands/arrange-board-deputy/arrange-board-deputy';
import {
  EndBoardMembershipController,
  EndBoardMembershipHandler,
} from './commands/end-board-membership/end-board-membership';
import {
  SetBoardQuorumRuleController,
  SetBoardQuorumRuleHandler,
} from './commands/set-board-quorum-rule/set-board-quorum-rule';
import { RegisterBoardController, RegisterBoardHandler } from './commands/register-board/register-board';
import { RegisterPartnerController, RegisterPartnerHandler } from './commands/register-partner/register-partner';
import { RegisterPersonController, RegisterPersonHandler } from './commands/register-person/register-person';
import { RenamePartnerController, RenamePartnerHandler } from './commands/rename-partner/rename-partner';
import { SucceedPartnerController, SucceedPartnerHandler } from './commands/succeed-partner/succeed-partner';
import { UpdatePersonController, UpdatePersonHandler } from './commands/update-person/update-person';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RegisterPartnerController, RegisterPartnerHandler],
  [RenamePartnerController, RenamePartnerHandler],
  [SucceedPartnerController, SucceedPartnerHandler],
  [RegisterPersonController, RegisterPersonHandler],
  [UpdatePersonController, UpdatePersonHandler],
  [RegisterBoardController, RegisterBoardHandler],
  [AddBoardMemberController, AddBoardMemberHandler],
  [EndBoardMembershipController, EndBoardMembershipHandler],
  [ArrangeBoardDeputyController, ArrangeBoardDeputyHandler],
  [SetBoardQuorumRuleController, SetBoardQuorumRuleHandler],
] as const;

/** Partners context: the agencies of the partnership, the people who speak for them and the boards they sit on. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class PartnersModule {}
