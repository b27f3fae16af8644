package dev.forgeline.orchestrator.messaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.forgeline.contracts.Topics;

/** Names one dead-lettered record: {@code <dlqTopic>:<partition>:<offset>}. */
public record DeadLetterId(String topic, int partition, long offset) {
    private static final Pattern FORMAT = Pattern.compile("([^:]+):(\\d{1,9}):(\\d{1,18})");

    /** Parses an id; {@code null} when it is not one or names a topic that is not a dead-letter topic. */
    public static DeadLetterId parse(String id) {
        Matcher m = id == null ? null : FORMAT.matcher(id);
        if (m == null || !m.matches() || !DeadLetterTopics.TOPICS.contains(m.group(1))) {
            return null;
        }
        return new DeadLetterId(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** The topic a record of this dead-letter topic came from, by name. */
    public static String sourceOf(String dlqTopic) {
        return dlqTopic.substring(0, dlqTopic.length() - Topics.DLQ_SUFFIX.length());
    }

    @Override
    public String toString() {
        return topic + ":" + partition + ":" + offset;
    }
}
