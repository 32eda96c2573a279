import { Module } from '@nestjs/common';

/** Boards and their meetings: attendance, agenda, minutes approval. */
@Module({ controllers: [], providers: [] })
export class MeetingsModule {}
