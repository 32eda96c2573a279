import { erasedSubjectKey, type ErasedSubjectDoc } from '../../../projections/escalations/escalation-trail-doc';
import { maySeePersonalValues, type EscalationParties } from '../../auth/personal-data-readers';
import type { Actor } from '../../ledger/event-envelope';
import type { ErasedVersion, KeyRing, PersonalDataCipher, SealedValue } from '../../privacy';

/** How every trail response (list, document, as-of, stream) shows a named person's values. */
export const PERSONAL_VALUES =
  'Names, dates of birth and personal notes are shown in clear (or "[erased]") only to the chair, the business manager, the data protection officer and the representatives and members of the two parties (raising and concerned agency); to everyone else as "[personal data withheld]".';

/** A document as a response shows it: every sealed value is a string (in clear, "[erased]" or withheld). */
export type Shown<T> = T extends SealedValue
  ? string
  : T extends readonly (infer U)[]
    ? Shown<U>[]
    : T extends object
      ? { [K in keyof T]: Shown<T[K]> }
      : T;

/** The trail's documents as a reader sees them: the live store, or an as-of view of it. */
export interface TrailDocuments {
  get<D>(projection: string, key: string): D | undefined;
}

/**
 * What one viewer is shown of an escalation's personal values (see maySeePersonalValues): revealed
 * (or "[erased]") to those who may see them, the withheld marker to everyone else, per escalation,
 * so a list mixes both. An erasure the trail has applied reads as erased at once, even before the
 * key store has destroyed the keys: a stream re-sending the document for that erasure never shows the name.
 */
export class TrailDisclosure {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly projection: string,
  ) {}

  async show<T extends EscalationParties>(
    viewer: Actor,
    escalation: T,
    documents?: TrailDocuments,
    keys?: KeyRing,
  ): Promise<Shown<T>> {
    // withhold and reveal replace every sealed value by a string: Shown<T> is what they return.
    if (!maySeePersonalValues(viewer, escalation)) return this.cipher.withhold(escalation) as Shown<T>;
    // The erasures are read from the documents now, before the keys are loaded: one moment for both.
    const erased = documents ? this.erasedIn(documents) : undefined;
    return (await this.cipher.reveal(escalation, erased, keys)) as Shown<T>;
  }

  /** A list page: each row shown by its own parties, the keys of the rows the viewer may see read at once. */
  async showEach<T extends EscalationParties>(
    viewer: Actor,
    rows: T[],
    documents?: TrailDocuments,
  ): Promise<Shown<T>[]> {
    const keys = await this.cipher.keysFor(rows.filter((row) => maySeePersonalValues(viewer, row)));
    return Promise.all(rows.map((row) => this.show(viewer, row, documents, keys)));
  }

  private erasedIn(documents: TrailDocuments): ErasedVersion {
    const seen = new Map<string, readonly number[]>();
    return (subjectId, keyVersion) => {
      let versions = seen.get(subjectId);
      if (!versions) {
        versions = documents.get<ErasedSubjectDoc>(this.projection, erasedSubjectKey(subjectId))?.erasedVersions ?? [];
        seen.set(subjectId, versions);
      }
      return versions.includes(keyVersion);
    };
  }
}
