import { ForbiddenException, Injectable } from '@nestjs/common';
import type { DeputyAuthorityPort } from '../auth/deputy-authority.port';
import type { Actor } from '../ledger/event-envelope';
import { CommandRunner } from '../ledger/command-runner';
import { problem } from '../http/problem';
import { Person, roleOn } from '../partners';
import { Meeting } from './domain/meeting';

const refuse = (code: string, title: string) => new ForbiddenException(problem(403, code, title));

/**
 * A person recorded at a meeting as deputising for a member acts with that member's authority
 * (a partner representative of the member's agency), for that meeting only: the command's
 * business time must fall on the meeting's date. The event then names both the deputy (actor)
 * and the member (onBehalfOf). The deputy's token subject must be their person id.
 * Implements the auth guard's port; MeetingsModule provides it as DEPUTY_AUTHORITY.
 */
@Injectable()
export class DeputyAuthority implements DeputyAuthorityPort {
  constructor(private readonly runner: CommandRunner) {}

  async actAs(
    deputy: Actor,
    meetingId: string,
    memberId: string,
    occurredAt: string | undefined,
    now: Date,
  ): Promise<Actor> {
    const meeting = (await this.runner.load(Meeting, meetingId)).state;
    const entry = meeting.exists ? meeting.attendance[deputy.userId] : undefined;
    if (!entry || entry.status !== 'deputising' || entry.deputisingForPersonId !== memberId) {
      throw refuse(
        'not-recorded-as-deputy',
        `You are not recorded as deputising for ${memberId} at meeting ${meetingId}`,
      );
    }
    const meetingDate = meeting.scheduledFor!.slice(0, 10);
    const businessDate = (occurredAt ? new Date(occurredAt) : now).toISOString().slice(0, 10);
    if (businessDate !== meetingDate) {
      throw refuse(
        'deputy-authority-outside-meeting',
        `A deputy acts for ${memberId} only for meeting ${meetingId} on ${meetingDate}`,
      );
    }
    const member = (await this.runner.load(Person, memberId)).state;
    const agency = roleOn(member, meetingDate)?.partnerId ?? entry.representingPartnerId;
    if (!agency) throw refuse('deputised-member-has-no-agency', `${memberId} represents no partner on ${meetingDate}`);
    const authority = { userId: memberId, role: 'partner-representative', agency };
    return { userId: deputy.userId, role: authority.role, agency, onBehalfOf: { ...authority, meetingId } };
  }
}
