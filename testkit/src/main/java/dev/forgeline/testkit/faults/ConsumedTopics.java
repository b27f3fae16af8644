package dev.forgeline.testkit.faults;

import java.util.List;

import dev.forgeline.contracts.Topics;

/** The topics a Forgeline service consumes (each has a dead-letter topic): where the record faults are aimed. */
final class ConsumedTopics {
    static final List<String> ALL = List.of(Topics.MODULE_COMMANDS, Topics.MODULE_GENERATED, Topics.MODULE_VALIDATED,
            Topics.RUN_COMMANDS, Topics.RUN_RESULTS);

    private ConsumedTopics() {
    }
}
