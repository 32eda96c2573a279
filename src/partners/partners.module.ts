import { Module } from '@nestjs/common';
import { RegisterPartnerController } from './commands/register-partner/register-partner.controller';
import { RegisterPartnerHandler } from './commands/register-partner/register-partner.handler';
import { RenamePartnerController } from './commands/rename-partner/rename-partner.controller';
import { RenamePartnerHandler } from './commands/rename-partner/rename-partner.handler';
import { SucceedPartnerController } from './commands/succeed-partner/succeed-partner.controller';
import { SucceedPartnerHandler } from './commands/succeed-partner/succeed-partner.handler';

/** Partners context: the agencies of the partnership and how they change over time. */
@Module({
  controllers: [RegisterPartnerController, RenamePartnerController, SucceedPartnerController],
  providers: [RegisterPartnerHandler, RenamePartnerHandler, SucceedPartnerHandler],
})
export class PartnersModule {}
