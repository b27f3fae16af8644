package dev.forgeline.orchestrator;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.forgeline.contracts.CloudEventTypes;
import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.RunCounts;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.messages.ValidationIssue;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Plays the worker and the validator in orchestrator tests: reads commands, answers with chosen verdicts. */
final class FakeDownstream implements AutoCloseable {
    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> commands;
    private final ConsumerTask<String, String> runCommands;
    private final ConsumerTask<String, String> events;

    FakeDownstream(String bootstrap) {
        companion = new KafkaCompanion(bootstrap);
        commands = companion.consumeStrings().fromTopics(Topics.MODULE_COMMANDS);
        runCommands = companion.consumeStrings().fromTopics(Topics.RUN_COMMANDS);
        events = companion.consumeStrings().fromTopics(Topics.RUN_EVENTS);
    }

    KafkaCompanion companion() {
        return companion;
    }

    List<GenerateModule> commandsFor(UUID runId) {
        return commands.getRecords().stream().filter(r -> r.key().startsWith(runId + ":"))
                .map(r -> Json.read(r.value(), GenerateModule.class)).toList();
    }

    List<ConsumerRecord<String, String>> commandRecordsFor(UUID runId) {
        return commands.getRecords().stream().filter(r -> r.key().startsWith(runId + ":")).toList();
    }

    GenerateModule awaitCommand(UUID runId, String module, int attempt) {
        await().atMost(Duration.ofSeconds(30)).until(() -> commandsFor(runId).stream()
                .anyMatch(c -> c.module().equals(module) && c.attempt() == attempt));
        return commandsFor(runId).stream().filter(c -> c.module().equals(module) && c.attempt() == attempt)
                .findFirst().orElseThrow();
    }

    List<ValidateRun> runCommandsFor(UUID runId) {
        return runCommands.getRecords().stream().filter(r -> r.key().equals(runId.toString()))
                .map(r -> Json.read(r.value(), ValidateRun.class)).toList();
    }

    ValidateRun awaitValidateRun(UUID runId, int validation) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runCommandsFor(runId).stream()
                .anyMatch(c -> c.validation() == validation));
        return runCommandsFor(runId).stream().filter(c -> c.validation() == validation).findFirst().orElseThrow();
    }

    /** Every record read from forgeline.run.events so far. */
    List<ConsumerRecord<String, String>> allEvents() {
        return events.getRecords();
    }

    List<ConsumerRecord<String, String>> eventsFor(UUID runId) {
        return events.getRecords().stream().filter(r -> r.key().equals(runId.toString())).toList();
    }

    /** Answers a command as a validator would after a worker generated every planned file. */
    void pass(GenerateModule command) {
        List<GeneratedFile> files = command.plan().files().stream()
                .map(f -> GeneratedFile.of(f.path(), "// " + f.path() + " of " + command.module() + "\n")).toList();
        send(new ModuleValidated(command.commandId(), command.runId(), command.module(), command.attempt(), true, true,
                1.0, List.of(), files, "template", "fake-worker", 1, 1));
    }

    void reject(GenerateModule command, boolean retryable, String rule) {
        send(new ModuleValidated(command.commandId(), command.runId(), command.module(), command.attempt(), false,
                retryable, 0.5, List.of(ValidationIssue.error("src/x.js", 3, rule, "broken on purpose")), List.of(),
                "template", "fake-worker", 1, 1));
    }

    void send(ModuleValidated verdict) {
        produce(Topics.MODULE_VALIDATED, verdict.runId().toString(), Json.write(verdict));
    }

    void answerRun(ValidateRun command, boolean passed) {
        int total = command.modules().size();
        RunValidated verdict = new RunValidated(command.commandId(), command.runId(), command.validation(), passed,
                passed ? 1.0 : 0.5, List.of(), List.of(), List.of(), new RunCounts(total, total, 0, 0),
                passed ? "SUCCEEDED: all modules validated" : "FAILED: on purpose", 1);
        produce(Topics.RUN_RESULTS, command.runId().toString(), Json.write(verdict));
    }

    void produce(String topic, String key, String value) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_type", CloudEventTypes.MODULE_VALIDATED.getBytes());
        companion.produceStrings().withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                String.valueOf(SizeLimits.MAX_RECORD_BYTES)).fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        commands.stop();
        runCommands.stop();
        events.stop();
        companion.close();
    }
}
