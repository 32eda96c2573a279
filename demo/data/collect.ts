/** Flatten the records held inside meetings, for lookups and consistency checks. */
import type { Action, Decision, DemoData, Escalation, SignOff } from './types';

export const allActions = (d: DemoData): Action[] =>
  d.meetings.flatMap((m) => [...m.priorActions, ...m.items.flatMap((i) => i.actions)]);

export const allDecisions = (d: DemoData): Decision[] => d.meetings.flatMap((m) => m.items.flatMap((i) => i.decisions));

export const allSignOffs = (d: DemoData): SignOff[] => d.meetings.flatMap((m) => m.items.flatMap((i) => i.signOffs));

export const allEscalations = (d: DemoData): Escalation[] =>
  d.meetings.flatMap((m) => m.items.flatMap((i) => i.escalations));
