-- Dead-lettered records re-published by POST /api/dead-letters/replay: one row per record, so each is replayed once.
-- record_id is <dlq topic>:<partition>:<offset>. The row is inserted in the transaction that is committed only after
-- Kafka acknowledged the re-published record (docs/architecture.md, "Dead letters").

create table dead_letter_replays (
    record_id    text primary key,
    source_topic text        not null,
    record_key   text,
    replayed_at  timestamptz not null
);
