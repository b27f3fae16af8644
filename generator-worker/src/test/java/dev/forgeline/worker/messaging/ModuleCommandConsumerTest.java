package dev.forgeline.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.MalformedRecordException;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.worker.Commands;

class ModuleCommandConsumerTest {

    @Test
    void wellFormedCommandParses() {
        GenerateModule command = Commands.command(Commands.todoApi(), "models");

        GenerateModule parsed = ModuleCommandConsumer.parse(Json.write(command));

        assertThat(parsed).isEqualTo(command);
    }

    @Test
    void recordsThatAreNotCommandsArePoison() {
        assertThatThrownBy(() -> ModuleCommandConsumer.parse("{not json")).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ModuleCommandConsumer.parse("")).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ModuleCommandConsumer.parse("null")).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ModuleCommandConsumer.parse("{\"module\":\"models\",\"plan\":{}}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("runId");
        assertThatThrownBy(() -> ModuleCommandConsumer.parse(
                "{\"runId\":\"0190d1c8-2c3f-7a1b-8c2d-3e4f5a6b7c8d\",\"plan\":{}}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("module");
        assertThatThrownBy(() -> ModuleCommandConsumer.parse(
                "{\"runId\":\"0190d1c8-2c3f-7a1b-8c2d-3e4f5a6b7c8d\",\"module\":\"models\"}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("plan");
    }
}
