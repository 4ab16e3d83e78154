DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
DROP TABLE stream_tokens;
DROP TABLE event_relay;
DROP TABLE events;
