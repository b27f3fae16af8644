package dev.forgeline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.contracts.messages.RunStatus;

/**
 * Follows {@code GET /api/runs/{id}/events} until the run's terminal event; a dropped connection is resumed with
 * {@code Last-Event-ID}, so no event is missed or seen twice.
 */
public final class EventStream {
    private static final int RECONNECTS = 5;
    private final Gateway gateway;

    public EventStream(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Delivers the run's events in order and returns its terminal status. */
    public RunStatus follow(String runId, Consumer<RunEvent> onEvent) {
        String lastEventId = null;
        int failures = 0;
        while (true) {
            Map<String, String> headers = lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId);
            try (InputStream body = gateway.openStream("/api/runs/" + runId + "/events", headers);
                    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && data.length() > 0) {
                        RunEvent event = Json.read(data.toString(), RunEvent.class);
                        data.setLength(0);
                        lastEventId = event.eventId().toString();
                        failures = 0;
                        onEvent.accept(event);
                        RunStatus end = terminal(event);
                        if (end != null) {
                            return end;
                        }
                    }
                }
                if (++failures > RECONNECTS) {
                    throw new GatewayUnreachableException("the event stream of run " + runId
                            + " ended before the run did", null);
                }
            } catch (IOException | GatewayUnreachableException e) {
                if (++failures > RECONNECTS) {
                    throw e instanceof GatewayUnreachableException g ? g
                            : new GatewayUnreachableException("the event stream broke: " + e.getMessage(), e);
                }
            }
            backOff(failures);
        }
    }

    private static RunStatus terminal(RunEvent event) {
        if (event.type() != RunEventType.RUN_STATUS_CHANGED) {
            return null;
        }
        RunStatus status = RunStatus.valueOf(event.status());
        return status.isTerminal() ? status : null;
    }

    private static void backOff(int failures) {
        try {
            Thread.sleep(500L * failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnreachableException("interrupted", e);
        }
    }
}
