package dev.forgeline.orchestrator.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.forgeline.contracts.Channels;
import dev.forgeline.contracts.CloudEventHeaders;
import dev.forgeline.contracts.TraceHeaders;
import dev.forgeline.orchestrator.config.OrchestratorConfig;
import dev.forgeline.orchestrator.messaging.RunTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox records to Kafka right after the commit that wrote them, from memory (their writer claimed them
 * at birth), and sweeps what a crash left behind: records still unpublished when their claim expired. A sweep claims
 * rows (row lock, skip locked) before it sends them, so two relays never send one at once (at-least-once). Each
 * record goes out in the trace stored with its row (W3C traceparent header of a publish span).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final int BATCH = 500;
    private static final String CLAIM_STALE = """
            update outbox set claimed_until = now() + interval '30 seconds'
             where seq in (select seq from outbox
                            where published_at is null and created_at < $1
                              and (claimed_until is null or claimed_until < now())
                            order by seq limit %d for update skip locked)
            returning seq, id, run_id, topic, record_key, ce_type, payload, created_at, trace_parent""".formatted(BATCH);
    private static final String CONFIRM = "update outbox set published_at = now(), claimed_until = null where seq = any($1)";
    private static final String CONFIRM_IDS = "update outbox set published_at = now(), claimed_until = null where id = any($1)";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OrchestratorConfig config;
    private final RunTracing tracing;
    private volatile FaultPoint faultPoint;

    OutboxRelay(Pool pool, @Channel(Channels.OUTBOX_OUT) MutinyEmitter<String> emitter, OrchestratorConfig config,
            RunTracing tracing) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.tracing = tracing;
        this.faultPoint = config.faultPoint();
    }

    /** Test hooks: a crash between the commit and the publish; a sweep that never comes. */
    public enum FaultPoint {
        NONE, SKIP_PUBLISH_AFTER_COMMIT, SKIP_SWEEP
    }

    public void setFaultPoint(FaultPoint faultPoint) {
        this.faultPoint = faultPoint;
    }

    /** Sends records a transaction just committed, in write order. Never fails the caller: the sweep retries. */
    public Uni<Void> publish(List<OutboxRecord> records) {
        if (records.isEmpty() || faultPoint == FaultPoint.SKIP_PUBLISH_AFTER_COMMIT) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = records.stream().map(this::send).toList();
        UUID[] ids = records.stream().map(OutboxRecord::id).toArray(UUID[]::new);
        return Uni.join().all(sends).andFailFast()
                .chain(() -> pool.preparedQuery(CONFIRM_IDS).execute(Tuple.of(ids)))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    Log.warnf(e, "publishing %d outbox records of run %s failed; the sweep will send them",
                            records.size(), records.get(0).runId());
                    return null;
                });
    }

    /** How many outbox records are not published yet. */
    public Uni<Long> backlog() {
        return pool.query("select count(*) from outbox where published_at is null").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Publishes records left unpublished for longer than the configured sweep age. */
    public Uni<Integer> sweep() {
        if (faultPoint == FaultPoint.SKIP_SWEEP) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(Instant.now().minus(config.outboxSweepAge()), ZoneOffset.UTC);
        return claimAndSend(CLAIM_STALE, Tuple.of(cutoff)).invoke(n -> {
            if (n > 0) {
                Log.infof("outbox sweep published %d records left behind", n);
            }
        });
    }

    private Uni<Integer> claimAndSend(String claimSql, Tuple args) {
        return pool.preparedQuery(claimSql).execute(args).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            claimed.sort(Comparator.comparingLong(r -> r.getLong("seq")));
            List<Uni<Void>> sends = claimed.stream().map(OutboxRelay::record).map(this::send).toList();
            Long[] seqs = claimed.stream().map(r -> r.getLong("seq")).toArray(Long[]::new);
            return Uni.join().all(sends).andFailFast()
                    .chain(() -> pool.preparedQuery(CONFIRM).execute(Tuple.of(seqs)))
                    .replaceWith(claimed.size());
        });
    }

    /** A claimed outbox row as a record (its claim is not needed to send it). */
    static OutboxRecord record(Row row) {
        return new OutboxRecord(row.getUUID("id"), row.getUUID("run_id"), row.getString("topic"),
                row.getString("record_key"), row.getString("ce_type"), row.getString("payload"),
                row.getOffsetDateTime("created_at").toInstant(), null, row.getString("trace_parent"));
    }

    /** Sends one record in its run's trace: a publish span, child of the row's trace context, named in its headers. */
    private Uni<Void> send(OutboxRecord record) {
        Span span = tracing.publish(record.topic(), record.key(), record.ceType(), record.runId(), record.createdAt(),
                record.traceParent());
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic())
                .withKey(record.key())
                .withHeaders(headers(record, config.source(), span))
                .build();
        return emitter.sendMessage(Message.of(record.payload()).addMetadata(metadata))
                .ifNoItem().after(Duration.ofSeconds(30)).fail()
                .onItemOrFailure().invoke((ok, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                    }
                    span.end();
                });
    }

    /** The record's CloudEvents headers and, when it is traced, the W3C traceparent of its publish span. */
    static RecordHeaders headers(OutboxRecord record, String source, Span span) {
        RecordHeaders headers = CloudEventHeaders.create(record.id().toString(), record.ceType(), source,
                record.createdAt());
        TraceHeaders.inject(Context.root().with(span), headers);
        return headers;
    }
}
