/**
 * An agent's live work list: follows `GET /v1/events/stream` (Server-Sent Events) the way a
 * browser's EventSource would, with a single-use stream token instead of a header.
 *
 * Signs in as the demo agent, asks for a stream token, opens the stream, records a payment on
 * the agent's first queued account, and prints the `payment.recorded` event as it arrives; then
 * reconnects with `Last-Event-ID` to show that a client resumes where it stopped. Exits non-zero
 * on any unexpected status or after 20 s without the event.
 *
 *     cd examples/typescript && npm ci
 *     ARREARS_URL=http://127.0.0.1:8080 npx tsx live_queue.ts
 *
 * In a browser: `new EventSource(`${base}/v1/events/stream?stream_token=${token}`)` and
 * `source.onmessage = (m) => render(JSON.parse(m.data))`; EventSource resends Last-Event-ID.
 */
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { components, paths } from "arrears-client";

type Event = components["schemas"]["Event"];

const baseUrl = process.env.ARREARS_URL ?? "http://127.0.0.1:8080";
const email = process.env.ARREARS_EMAIL ?? "agent.north@demo.arrears.dev";
const password = process.env.ARREARS_PASSWORD ?? "arrears-demo-2026";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function expect<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) fail(`unexpected ${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Reads Server-Sent Events from a fetch response: yields each event's id and parsed data. */
async function* events(response: Response): AsyncGenerator<{ id: number; event: Event }> {
  if (!response.body) fail("the stream has no body");
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: number | undefined;
      let data = "";
      for (const line of frame.split("\n")) {
        if (line.startsWith("id: ")) id = Number(line.slice(4));
        else if (line.startsWith("data: ")) data += line.slice(6);
        // Lines starting with ":" are comments (the keep-alive every 15 s).
      }
      if (id !== undefined && data) yield { id, event: JSON.parse(data) as Event };
    }
  }
}

async function open(token: string, lastEventId?: number): Promise<Response> {
  const headers: Record<string, string> = { Accept: "text/event-stream" };
  if (lastEventId !== undefined) headers["Last-Event-ID"] = String(lastEventId);
  const response = await fetch(`${baseUrl}/v1/events/stream?stream_token=${encodeURIComponent(token)}`, { headers });
  if (response.status !== 200) fail(`the stream answered ${response.status}`);
  return response;
}

const anonymous = createClient<paths, "application/json">({ baseUrl });
const session = expect(await anonymous.POST("/v1/auth/token", { body: { email, password } }));
const api = createClient<paths, "application/json">({ baseUrl, headers: { Authorization: `Bearer ${session.access_token}` } });
console.log(`signed in as ${email}`);

const queue = expect(await api.GET("/v1/queue", { params: { query: { limit: 5 } } }));
const account = queue.data[0] ?? fail("the queue is empty");

const timer = setTimeout(() => fail("no payment.recorded event within 20 s"), 20_000);
const first = expect(await api.POST("/v1/events/stream-tokens", {}));
const stream = await open(first.stream_token);
console.log("stream open; recording a payment");
expect(
  await api.POST("/v1/accounts/{id}/payments", {
    params: { path: { id: account.account_id }, header: { "Idempotency-Key": randomUUID() } },
    body: { amount: 250, method: "card" },
  }),
);
let seen = 0;
for await (const { id, event } of events(stream)) {
  console.log(`  #${id} ${event.type} on account ${event.account_id ?? "-"}`);
  if (event.type === "payment.recorded" && event.account_id === account.account_id) {
    seen = id;
    break;
  }
}
await stream.body?.cancel();

// Resume: a new token, and Last-Event-ID one before the payment's: the payment comes again.
const second = expect(await api.POST("/v1/events/stream-tokens", {}));
const resumed = await open(second.stream_token, seen - 1);
for await (const { id, event } of events(resumed)) {
  if (id !== seen) fail(`resumed at ${id}, expected ${seen}`);
  console.log(`resumed after #${seen - 1}: #${id} ${event.type} again, nothing missed`);
  break;
}
await resumed.body?.cancel();
clearTimeout(timer);
