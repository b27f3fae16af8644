package dev.forgeline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.Topics;
import dev.forgeline.testkit.TopicReaders;

/**
 * Where a run's time goes: records the producer timestamp of every record a run causes on the pipeline topics and
 * splits the chain into the worker's share (command → generated), the validator's (generated → validated) and the
 * orchestrator's (validated → the next command, or the run's last verdict → its terminal event). The records are read
 * after the measured runs, so observing the hops adds no load while they are measured.
 */
final class HopTimeline implements AutoCloseable {
    private static final List<String> TOPICS = List.of(Topics.MODULE_COMMANDS, Topics.MODULE_GENERATED,
            Topics.MODULE_VALIDATED, Topics.RUN_COMMANDS, Topics.RUN_RESULTS, Topics.RUN_EVENTS);

    private record Stamp(String topic, String module, int attempt, long millis, String eventType, String status) {
    }

    private final Map<String, List<Stamp>> byRun = new HashMap<>();
    private final KafkaConsumer<String, String> consumer;

    /** Remembers where the topics end now; nothing is read until {@link #shares} (the stack is not loaded). */
    HopTimeline(String bootstrap) {
        consumer = TopicReaders.fromEnd(bootstrap, TOPICS);
    }

    /** Reads what was written since construction, up to the topics' current ends. */
    private void drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("could not read the pipeline topics to their end within 2 minutes");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                record(record);
            }
        }
    }

    private void record(ConsumerRecord<String, String> record) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(record.value());
        } catch (Exception e) {
            return;
        }
        String runId = json.path("runId").asText(null);
        if (runId == null) {
            return;
        }
        byRun.computeIfAbsent(runId, id -> new ArrayList<>())
                .add(new Stamp(record.topic(), json.path("module").asText(""), json.path("attempt").asInt(0),
                        record.timestamp(), json.path("type").asText(""), json.path("status").asText("")));
    }

    /** Each share's distribution over the given runs (run id → wall-clock millis of the POST), in chain order. */
    Map<String, Percentiles> shares(Map<String, Long> submittedAt) {
        drain();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String name : List.of("submit → first command (orchestrator)", "command → generated (worker)",
                "generated → validated (validator)", "validated → next command (orchestrator)",
                "last verdict → run command (orchestrator)", "run command → run result (validator)",
                "run result → terminal event (orchestrator)")) {
            samples.put(name, new ArrayList<>());
        }
        for (String runId : submittedAt.keySet()) {
            List<Stamp> stamps = new ArrayList<>(byRun.getOrDefault(runId, List.of()));
            stamps.sort(Comparator.comparingLong(Stamp::millis));
            Map<String, Long> commands = new LinkedHashMap<>();
            Map<String, Long> generated = new LinkedHashMap<>();
            long submitted = submittedAt.get(runId);
            long lastValidated = -1;
            long runCommand = -1;
            long runResult = -1;
            long terminal = -1;
            for (Stamp s : stamps) {
                String key = s.module() + "/" + s.attempt();
                switch (s.topic()) {
                    case Topics.RUN_EVENTS -> {
                        if (s.eventType().equals("RUN_STATUS_CHANGED")
                                && List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED").contains(s.status())) {
                            terminal = s.millis();
                        }
                    }
                    case Topics.MODULE_COMMANDS -> {
                        if (commands.isEmpty()) {
                            samples.get("submit → first command (orchestrator)").add((double) (s.millis() - submitted));
                        }
                        if (lastValidated >= 0 && s.millis() >= lastValidated && !commands.isEmpty()) {
                            samples.get("validated → next command (orchestrator)")
                                    .add((double) (s.millis() - lastValidated));
                            lastValidated = -1;
                        }
                        commands.putIfAbsent(key, s.millis());
                    }
                    case Topics.MODULE_GENERATED -> {
                        Long command = commands.get(key);
                        if (command != null) {
                            samples.get("command → generated (worker)").add((double) (s.millis() - command));
                        }
                        generated.putIfAbsent(key, s.millis());
                    }
                    case Topics.MODULE_VALIDATED -> {
                        Long gen = generated.get(key);
                        if (gen != null) {
                            samples.get("generated → validated (validator)").add((double) (s.millis() - gen));
                        }
                        lastValidated = s.millis();
                    }
                    case Topics.RUN_COMMANDS -> runCommand = s.millis();
                    case Topics.RUN_RESULTS -> runResult = s.millis();
                    default -> {
                    }
                }
                if (s.topic().equals(Topics.RUN_COMMANDS) && lastValidated >= 0) {
                    samples.get("last verdict → run command (orchestrator)").add((double) (s.millis() - lastValidated));
                    lastValidated = -1;
                }
            }
            if (runCommand >= 0 && runResult >= runCommand) {
                samples.get("run command → run result (validator)").add((double) (runResult - runCommand));
            }
            if (runResult >= 0 && terminal >= runResult) {
                samples.get("run result → terminal event (orchestrator)").add((double) (terminal - runResult));
            }
        }
        Map<String, Percentiles> shares = new LinkedHashMap<>();
        samples.forEach((name, values) -> {
            if (!values.isEmpty()) {
                shares.put(name, new Percentiles(values));
            }
        });
        return shares;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
