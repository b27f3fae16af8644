package dev.forgeline.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.messages.RunEvent;

/**
 * Shows a run's progress: on a terminal, a line per module and an overall bar redrawn in place; otherwise one plain
 * line per event (for logs and pipes).
 */
public final class ProgressDisplay {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Set<String> MODULE_DONE = Set.of("VALIDATED", "FAILED", "SKIPPED", "CANCELLED");
    private static final int BAR = 30;
    private final PrintWriter out;
    private final boolean live;
    private final Map<String, String[]> modules = new LinkedHashMap<>();
    private String runStatus = "QUEUED";
    private int drawnLines;

    public ProgressDisplay(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** Takes the module list (and their current statuses) from {@code GET /api/runs/{id}}. */
    public void start(JsonNode run) {
        runStatus = run.path("status").asText(runStatus);
        for (JsonNode m : run.path("modules")) {
            modules.put(m.path("module").asText(), new String[] {m.path("status").asText("PENDING"),
                    m.path("attempt").asText("0")});
        }
        if (live) {
            draw();
        }
    }

    public void accept(RunEvent e) {
        if (e.module() == null) {
            runStatus = e.status();
        } else {
            modules.put(e.module(), new String[] {e.status(), e.attempt() == null ? "0" : e.attempt().toString()});
        }
        if (live) {
            draw();
        } else {
            String subject = e.module() == null ? "run" : e.module();
            out.println(TIME.format(e.at()) + "  " + pad(subject, 10) + " " + pad(e.status(), 16)
                    + (e.detail() == null ? "" : e.detail()));
        }
    }

    /** The overall bar, e.g. {@code [##########----------]  5/10 modules  RUNNING}. */
    String bar() {
        long done = modules.values().stream().filter(s -> MODULE_DONE.contains(s[0])).count();
        int total = modules.size();
        int filled = total == 0 ? 0 : (int) (BAR * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + done + "/" + total + " modules  "
                + runStatus;
    }

    private void draw() {
        StringBuilder frame = new StringBuilder();
        if (drawnLines > 0) {
            frame.append("\u001b[").append(drawnLines).append('F');
        }
        int lines = 0;
        for (Map.Entry<String, String[]> m : modules.entrySet()) {
            String attempt = "0".equals(m.getValue()[1]) ? "" : "attempt " + m.getValue()[1];
            frame.append("\u001b[2K  ").append(pad(m.getKey(), 10)).append(' ').append(pad(m.getValue()[0], 16))
                    .append(attempt).append('\n');
            lines++;
        }
        frame.append("\u001b[2K").append(bar()).append('\n');
        out.print(frame);
        out.flush();
        drawnLines = lines + 1;
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
