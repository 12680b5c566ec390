// A Server-Sent Events reader over a real HTTP response (fetch): parses events and comments as they arrive.
export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  /** Comment lines (": ping"), without the colon. */
  comments: string[];
}

export class SseReader {
  private buffer = "";
  private readonly reader: { read(): Promise<{ value?: Uint8Array; done?: boolean }> };
  private readonly decoder = new TextDecoder();

  constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.reader = response.body!.getReader();
  }

  /** The next complete block (an event, or comments only); null when the stream ended. */
  async next(): Promise<SseEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const e: SseEvent = { comments: [] };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) e.comments.push(line.slice(1).trim());
          else {
            const i = line.indexOf(":");
            const [k, v] = [line.slice(0, i), line.slice(i + 1).replace(/^ /, "")];
            if (k === "id" || k === "event" || k === "data") e[k] = v;
          }
        }
        return e;
      }
      const { value, done } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next event that has data (comments skipped). */
  async nextEvent(): Promise<SseEvent & { json: Record<string, unknown> }> {
    for (;;) {
      const e = await this.next();
      if (!e) throw new Error("the stream ended");
      if (e.data !== undefined) return { ...e, json: JSON.parse(e.data) };
    }
  }

  /** Drops the connection, as a client that goes away does. */
  close(): void {
    this.abort.abort();
  }
}

/** GET `url` as an event stream; the reader, or the refusal's status and JSON body. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<{ status: number; reader?: SseReader; body?: unknown }> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  return { status: 200, reader: new SseReader(res, abort) };
}
