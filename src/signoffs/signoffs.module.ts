import { Module } from '@nestjs/common';

/** Sign-off of artefact versions by partners. */
@Module({ controllers: [], providers: [] })
export class SignoffsModule {}
