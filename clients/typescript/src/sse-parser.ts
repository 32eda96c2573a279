/**
 * A text/event-stream parser as the HTML standard defines it (section 9.2.6, "Interpreting an event
 * stream"), fed text in chunks of any size: a line, a CR LF pair or a character may be split between
 * chunks. Comments (": keepalive") are dropped; `retry` is kept for the reconnect delay.
 */

/** One dispatched event, before its data is interpreted. */
export interface RawEvent {
  /** The event type ("message" when the stream names none). */
  event: string;
  /** The data lines joined with line feeds. */
  data: string;
  /** The last event id buffer when the event was dispatched (ids persist across events, as the standard says). */
  id: string | undefined;
}

export class SseParser {
  private buffer = '';
  private started = false;
  private event = '';
  private data: string[] = [];
  /** The stream's last event id: set by every `id` field, dispatched or not. */
  lastEventId: string | undefined;
  /** The reconnection time the stream asked for (`retry` field), in milliseconds. */
  retryMs: number | undefined;

  /** Parses a chunk; returns the events it completed. */
  push(chunk: string): RawEvent[] {
    this.buffer += chunk;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.startsWith('\uFEFF')) this.buffer = this.buffer.slice(1);
    }
    const events: RawEvent[] = [];
    for (;;) {
      const end = /\r\n|\r|\n/.exec(this.buffer);
      // A CR last in the buffer may be the first half of a CR LF pair: wait for the next chunk.
      if (!end || (end[0] === '\r' && end.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, end.index);
      this.buffer = this.buffer.slice(end.index + end[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): RawEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): RawEvent | undefined {
    const { event, data } = this;
    this.event = '';
    this.data = [];
    if (data.length === 0) return undefined;
    return { event: event || 'message', data: data.join('\n'), id: this.lastEventId };
  }
}
