/**
 * TEST SUPPORT — protobuf conversions for the EventStoreDB PROTOCOL FAKE (see ./index.ts).
 * Builds messages with the client package's own generated classes, so the bytes on the wire are
 * whatever the real client expects to parse.
 */
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import * as statusPb from '@eventstore/db-client/generated/status_pb';
import type { AppendOutcome, Expected, LoggedEvent, ProposedEvent } from './fake-log';

type ProposedMessage = streams.AppendReq.ProposedMessage | streams.BatchAppendReq.ProposedMessage;

export function streamNameOf(identifier: shared.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function identifierFor(name: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

export function uuidString(uuid: shared.UUID | undefined): string {
  if (!uuid) throw new Error('missing uuid');
  if (uuid.hasString()) return uuid.getString();
  const s = uuid.getStructured()!;
  const hex = (v: string) => BigInt.asUintN(64, BigInt(v)).toString(16).padStart(16, '0');
  const h = hex(s.getMostSignificantBits()) + hex(s.getLeastSignificantBits());
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function uuidMessage(id: string, structured: boolean): shared.UUID {
  const uuid = new shared.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const signed = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString(10);
  return uuid.setStructured(
    new shared.UUID.Structured()
      .setMostSignificantBits(signed(hex.slice(0, 16)))
      .setLeastSignificantBits(signed(hex.slice(16))),
  );
}

export function proposedEvent(m: ProposedMessage): ProposedEvent {
  const meta = m.getMetadataMap();
  return {
    id: uuidString(m.getId()),
    type: meta.get('type') ?? '',
    contentType: meta.get('content-type') ?? 'application/octet-stream',
    data: m.getData_asU8(),
    customMetadata: m.getCustomMetadata_asU8(),
  };
}

/**
 * The expected revision an append names. AppendReq and BatchAppendReq name the same four cases, numbered
 * differently: `cases` says which number is which.
 */
function expectedOf(
  named: number,
  cases: { revision: number; noStream: number; streamExists: number },
  revision: () => string,
): Expected {
  if (named === cases.revision) return { kind: 'revision', revision: Number(revision()) };
  if (named === cases.noStream) return { kind: 'no_stream' };
  if (named === cases.streamExists) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

export function expectedFromAppend(o: streams.AppendReq.Options): Expected {
  const { REVISION, NO_STREAM, STREAM_EXISTS } = streams.AppendReq.Options.ExpectedStreamRevisionCase;
  return expectedOf(
    o.getExpectedStreamRevisionCase(),
    { revision: REVISION, noStream: NO_STREAM, streamExists: STREAM_EXISTS },
    () => o.getRevision(),
  );
}

export function expectedFromBatch(o: streams.BatchAppendReq.Options): Expected {
  const { STREAM_POSITION, NO_STREAM, STREAM_EXISTS } = streams.BatchAppendReq.Options.ExpectedStreamPositionCase;
  return expectedOf(
    o.getExpectedStreamPositionCase(),
    { revision: STREAM_POSITION, noStream: NO_STREAM, streamExists: STREAM_EXISTS },
    () => o.getStreamPosition(),
  );
}

/** A ReadResp carrying one recorded event, as the server sends it for stream and $all reads. */
export function readEventResponse(e: LoggedEvent, o: { structuredIds: boolean; fromAll: boolean }): streams.ReadResp {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(e.id, o.structuredIds))
    .setStreamIdentifier(identifierFor(e.streamName))
    .setStreamRevision(String(e.revision))
    .setPreparePosition(e.preparePosition.toString())
    .setCommitPosition(e.commitPosition.toString())
    .setData(e.data)
    .setCustomMetadata(e.customMetadata);
  const meta = recorded.getMetadataMap();
  meta.set('type', e.type);
  meta.set('content-type', e.contentType);
  meta.set('created', e.createdTicks.toString());
  const read = new streams.ReadResp.ReadEvent().setEvent(recorded);
  if (o.fromAll) read.setCommitPosition(e.commitPosition.toString());
  else read.setNoPosition(new shared.Empty());
  return new streams.ReadResp().setEvent(read);
}

export function streamNotFound(name: string): streams.ReadResp {
  return new streams.ReadResp().setStreamNotFound(
    new streams.ReadResp.StreamNotFound().setStreamIdentifier(identifierFor(name)),
  );
}

export function appendResponse(outcome: AppendOutcome): streams.AppendResp {
  const resp = new streams.AppendResp();
  if (outcome.ok) {
    const success = new streams.AppendResp.Success();
    if (outcome.currentRevision >= 0) success.setCurrentRevision(String(outcome.currentRevision));
    else success.setNoStream(new shared.Empty());
    if (outcome.position) {
      success.setPosition(
        new streams.AppendResp.Position()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString()),
      );
    } else {
      success.setNoPosition(new shared.Empty());
    }
    return resp.setSuccess(success);
  }
  const wev = new streams.AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wev.setCurrentNoStream(new shared.Empty());
  else wev.setCurrentRevision(String(outcome.currentRevision));
  const e = outcome.expected;
  if (e.kind === 'revision') wev.setExpectedRevision(String(e.revision));
  else if (e.kind === 'no_stream') wev.setExpectedNoStream(new shared.Empty());
  else if (e.kind === 'stream_exists') wev.setExpectedStreamExists(new shared.Empty());
  else wev.setExpectedAny(new shared.Empty());
  return resp.setWrongExpectedVersion(wev);
}

const FAILED_PRECONDITION = 9;

export function batchAppendResponse(
  correlationId: shared.UUID,
  streamName: string,
  outcome: AppendOutcome,
): streams.BatchAppendResp {
  const resp = new streams.BatchAppendResp()
    .setCorrelationId(correlationId)
    .setStreamIdentifier(identifierFor(streamName));
  if (outcome.ok) {
    const success = new streams.BatchAppendResp.Success();
    if (outcome.currentRevision >= 0) success.setCurrentRevision(String(outcome.currentRevision));
    else success.setNoStream(new GoogleEmpty());
    if (outcome.position) {
      success.setPosition(
        new shared.AllStreamPosition()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString()),
      );
    } else {
      success.setNoPosition(new GoogleEmpty());
    }
    return resp.setSuccess(success);
  }
  // The server reports a failed batch as a google.rpc.Status whose details pack the shared
  // WrongExpectedVersion message; the client unpacks it by type name.
  const wev = new shared.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wev.setCurrentNoStream(new GoogleEmpty());
  else wev.setCurrentStreamRevision(String(outcome.currentRevision));
  const e = outcome.expected;
  if (e.kind === 'revision') wev.setExpectedStreamPosition(String(e.revision));
  else if (e.kind === 'no_stream') wev.setExpectedNoStream(new GoogleEmpty());
  else if (e.kind === 'stream_exists') wev.setExpectedStreamExists(new GoogleEmpty());
  else wev.setExpectedAny(new GoogleEmpty());
  const details = new Any();
  details.pack(wev.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const status = new statusPb.Status()
    .setCode(FAILED_PRECONDITION)
    .setMessage('WrongExpectedVersion')
    .setDetails(details);
  return resp.setError(status);
}

const DEADLINE_EXCEEDED = 4;
const INVALID_ARGUMENT = 3;

function batchAppendError(
  correlationId: shared.UUID,
  streamName: string,
  code: number,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  typeName: string,
): streams.BatchAppendResp {
  const details = new Any();
  details.pack(detail.serializeBinary(), typeName);
  const status = new statusPb.Status().setCode(code).setMessage(message).setDetails(details);
  return new streams.BatchAppendResp()
    .setCorrelationId(correlationId)
    .setStreamIdentifier(identifierFor(streamName))
    .setError(status);
}

/** A batch whose deadline had passed when the server took it: nothing written, the client raises DeadlineExceededError. */
export function batchAppendTimeout(correlationId: shared.UUID, streamName: string): streams.BatchAppendResp {
  return batchAppendError(
    correlationId,
    streamName,
    DEADLINE_EXCEEDED,
    'Timeout',
    new shared.Timeout(),
    'event_store.client.Timeout',
  );
}

/** A batch over MaxAppendSize: nothing written, the client raises MaxAppendSizeExceededError. */
export function batchAppendTooLarge(
  correlationId: shared.UUID,
  streamName: string,
  max: number,
): streams.BatchAppendResp {
  const detail = new shared.MaximumAppendSizeExceeded().setMaxappendsize(max);
  return batchAppendError(
    correlationId,
    streamName,
    INVALID_ARGUMENT,
    `Maximum Append Size of ${max} Exceeded.`,
    detail,
    'event_store.client.MaximumAppendSizeExceeded',
  );
}
