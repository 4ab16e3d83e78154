/**
 * A team lead's round with the generated TypeScript client (clients/typescript: types from
 * openapi-typescript, calls through openapi-fetch).
 *
 * Signs in as a team lead, lists the approval requests they may decide now, approves one,
 * and prints this month's performance report for their team, agent by agent.
 *
 *     cd examples/typescript && npm ci
 *     ARREARS_URL=http://127.0.0.1:8080 npx tsx team_lead.ts
 *
 * Exits non-zero on any unexpected status.
 */
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { components, paths } from "arrears-client";

type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.ARREARS_URL ?? "http://127.0.0.1:8080";
const email = process.env.ARREARS_EMAIL ?? "lead.north@demo.arrears.dev";
const password = process.env.ARREARS_PASSWORD ?? "arrears-demo-2026";

/** The body of a successful answer; otherwise print the problem and exit. */
function expect<T>(result: { data?: T; error?: Problem | unknown; response: Response }): T {
  if (result.data === undefined) {
    const problem = result.error as Problem | undefined;
    console.error(`unexpected ${result.response.status}: ${problem?.detail ?? problem?.title ?? ""}`);
    process.exit(1);
  }
  return result.data;
}

const anonymous = createClient<paths, "application/json">({ baseUrl });
const token = expect(await anonymous.POST("/v1/auth/token", { body: { email, password } }));
const api = createClient<paths, "application/json">({ baseUrl, headers: { Authorization: `Bearer ${token.access_token}` } });
console.log(`signed in as ${email}`);

const actionable = expect(await api.GET("/v1/approvals", { params: { query: { actionable: true } } }));
console.log(`${actionable.data.length} requests await your decision`);
for (const a of actionable.data) {
  console.log(
    `  #${a.id} ${a.kind} on ${a.account.external_ref} (${a.account.debtor_name}): ${a.amount ?? "-"} ${a.account.currency} ` +
      `of ${a.balance_at_request}, asked by ${a.requester_name ?? "the system"} (needs ${a.required_role})`,
  );
}
const first = actionable.data[0];
if (first === undefined) {
  console.error("nothing to approve");
  process.exit(1);
}
const approved = expect(
  await api.POST("/v1/approvals/{id}/approve", {
    params: { path: { id: first.id }, header: { "Idempotency-Key": randomUUID() } },
    body: { note: "within the team's authority" },
  }),
);
console.log(`approved #${approved.id}: now ${approved.status}`);

const today = new Date();
const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString().slice(0, 10);
const to = today.toISOString().slice(0, 10);
const report = expect(
  await api.GET("/v1/reports/performance", { params: { query: { from, to, group_by: "agent" } } }),
);
console.log(`performance ${from} to ${to}`);
const percent = (r: number | null | undefined) => (r == null ? "-" : `${(r * 100).toFixed(1)} %`);
for (const row of report.data) {
  console.log(
    `  ${row.group_name.padEnd(20)} worked ${String(row.accounts_worked).padStart(4)}  attempts ${String(row.contact_attempts).padStart(4)}` +
      `  rpc ${percent(row.rpc_rate).padStart(7)}  collected ${(row.collected_amount / 100).toFixed(2).padStart(10)}  attainment ${percent(row.attainment)}`,
  );
}
