package dev.forgeline.orchestrator.messaging;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.jboss.logging.MDC;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Puts the run id in the logging context ({@code runId}: shown by the console pattern, a field of the JSON logs) for
 * the rest of the current message's processing. A verdict batch can span runs: then it names them all, comma-separated.
 */
public final class RunMdc {
    public static final String KEY = "runId";

    private RunMdc() {
    }

    public static void put(Object runId) {
        if (runId != null) {
            MDC.put(KEY, runId.toString());
        }
    }

    /** The runs of a verdict batch (its records are keyed by run id). */
    public static void put(KafkaRecordBatch<String, String> batch) {
        Set<String> runs = new LinkedHashSet<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            runs.add(Objects.toString(record.getKey(), "?"));
        }
        put(runs);
    }

    static void put(Collection<String> runs) {
        if (!runs.isEmpty()) {
            MDC.put(KEY, String.join(",", runs));
        }
    }
}
