ALTER TABLE debtors DROP COLUMN additional_timezones;
UPDATE contacts SET counts_as_attempt = TRUE
    WHERE outcome IN ('busy', 'disconnected') AND direction = 'outbound' AND channel = 'phone';
ALTER TABLE contacts DROP COLUMN consented;
