-- :accounts open accounts (1 to 400 days past due, USD 900.00 each, one North agent's) with a
-- debtor each in Chicago; every 50th debtor has asked to cease communication, every 20th opted
-- out of SMS. Added to whatever the database holds (the demo data). Used by
-- bench/strategy-run.sh and scripts/takeover.sh: psql -v accounts=N -f bench/generate-accounts.sql
CREATE TEMP TABLE ids AS SELECT (SELECT coalesce(max(id), 0) FROM debtors) AS debtor0,
  (SELECT min(id) FROM teams) AS team0, (SELECT min(id) FROM users WHERE role = 'agent') AS agent0;
INSERT INTO debtors (name, timezone, phone, email, region, phone_valid, cease_communication, do_not_call, do_not_email, do_not_sms, attorney_represented, created_at, updated_at)
  SELECT 'Debtor ' || g, 'America/Chicago', '+13125550100', 'd' || g || '@example.com', 'IL', true, g % 50 = 0, false, false, g % 20 = 0, false, now(), now()
  FROM generate_series(1, :accounts) g;
INSERT INTO accounts (external_ref, debtor_id, currency, original_amount, balance, principal, interest, fees, costs,
                      delinquent_since, status, team_id, assignee_id, version, created_at, updated_at)
  SELECT 'STR-' || g, (SELECT debtor0 FROM ids) + g, 'USD', 100000, 90000, 90000, 0, 0, 0,
         current_date - (1 + g % 400), 'open', (SELECT team0 FROM ids), (SELECT agent0 FROM ids), 1, now(), now()
  FROM generate_series(1, :accounts) g;
VACUUM ANALYZE;
