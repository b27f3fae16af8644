package dev.forgeline.orchestrator.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.forgeline.orchestrator.service.DeadLetterService;

/** A dead-lettered record as listed: where it came from, why, a short preview, and whether it was re-published. */
public record DeadLetterView(String id, String topic, int partition, long offset, String sourceTopic, String key,
        String reason, String causeClass, Instant time, String preview, int valueBytes, boolean replayed,
        Instant replayedAt) {
    /** Characters of the value shown, at most. */
    public static final int PREVIEW_CHARS = 200;

    static DeadLetterView of(DeadLetterService.Entry entry) {
        var r = entry.record();
        byte[] value = r.value() == null ? new byte[0] : r.value();
        // Decode at most what the preview can show: a value may be 16 MiB.
        String text = new String(value, 0, Math.min(value.length, PREVIEW_CHARS * 4), StandardCharsets.UTF_8);
        String preview = text.codePointCount(0, text.length()) <= PREVIEW_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, PREVIEW_CHARS));
        return new DeadLetterView(r.id().toString(), r.id().topic(), r.id().partition(), r.id().offset(),
                r.sourceTopic(), r.keyText(), r.header("dead-letter-reason"), r.header("dead-letter-cause-class-name"),
                r.time(), preview, value.length, entry.replayedAt() != null, entry.replayedAt());
    }
}
