-- The W3C trace context (traceparent) of the span that wrote an outbox row: the relay publishes the record as a
-- child of it, so one run's spans form one trace across the outbox, Kafka, the worker and the validator.
-- Null when tracing is off (the default locally) or for rows written before this migration.
alter table outbox add column trace_parent text;
