import { Module } from '@nestjs/common';
import { RegisterBoardController } from './commands/register-board/register-board.controller';
import { RegisterBoardHandler } from './commands/register-board/register-board.handler';
import { RegisterPartnerController } from './commands/register-partner/register-partner.controller';
import { RegisterPartnerHandler } from './commands/register-partner/register-partner.handler';
import { RegisterPersonController } from './commands/register-person/register-person.controller';
import { RegisterPersonHandler } from './commands/register-person/register-person.handler';
import { RenamePartnerController } from './commands/rename-partner/rename-partner.controller';
import { RenamePartnerHandler } from './commands/rename-partner/rename-partner.handler';
import { SucceedPartnerController } from './commands/succeed-partner/succeed-partner.controller';
import { SucceedPartnerHandler } from './commands/succeed-partner/succeed-partner.handler';
import { UpdatePersonController } from './commands/update-person/update-person.controller';
import { UpdatePersonHandler } from './commands/update-person/update-person.handler';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RegisterPartnerController, RegisterPartnerHandler],
  [RenamePartnerController, RenamePartnerHandler],
  [SucceedPartnerController, SucceedPartnerHandler],
  [RegisterPersonController, RegisterPersonHandler],
  [UpdatePersonController, UpdatePersonHandler],
  [RegisterBoardController, RegisterBoardHandler],
] as const;

/** Partners context: the agencies of the partnership, the people who speak for them and the boards they sit on. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class PartnersModule {}
