package dev.forgeline.orchestrator.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunEventType;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.orchestrator.config.EventStreamConfig;
import io.quarkus.logging.Log;

/**
 * Every run's events as read from forgeline.run.events, in topic order and without duplicates, and the listeners
 * following them. A listener added to a run gets the run's history and then its live events with nothing missed
 * or repeated in between: both happen under the run's lock, as does every append.
 */
@ApplicationScoped
public class RunEventLog {
    private final int maxRuns;
    private final int maxEventsPerRun;
    private final Map<UUID, RunHistory> runs;
    private final List<Consumer<RunEvent>> allRunsListeners = new CopyOnWriteArrayList<>();

    @Inject
    RunEventLog(EventStreamConfig config) {
        this(config.maxRuns(), config.maxEventsPerRun());
    }

    RunEventLog(int maxRuns, int maxEventsPerRun) {
        this.maxRuns = maxRuns;
        this.maxEventsPerRun = maxEventsPerRun;
        this.runs = new LinkedHashMap<>(1024, 0.75f, true);
    }

    /** A subscription to stop with {@link #cancel()}. */
    public interface Subscription {
        void cancel();
    }

    /** True when the event ends a run (it may still be replayed later, which starts new events). */
    public static boolean isTerminal(RunEvent e) {
        if (e.type() != RunEventType.RUN_STATUS_CHANGED || e.status() == null) {
            return false;
        }
        try {
            return RunStatus.valueOf(e.status()).isTerminal();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Adds an event read from the topic; a duplicate (same eventId, e.g. an outbox re-publication) is dropped. */
    public void append(RunEvent event) {
        RunHistory history = history(event.runId());
        boolean added;
        synchronized (history) {
            added = history.add(event);
        }
        if (added) {
            allRunsListeners.forEach(l -> l.accept(event));
        }
    }

    /** Whether any event of the run has been seen. */
    public boolean knows(UUID runId) {
        synchronized (runs) {
            return runs.containsKey(runId);
        }
    }

    /** Whether events of the run are held (false for a run older than the history window, or forgotten). */
    public boolean hasEvents(UUID runId) {
        RunHistory history;
        synchronized (runs) {
            history = runs.get(runId);
        }
        if (history == null) {
            return false;
        }
        synchronized (history) {
            return !history.events.isEmpty();
        }
    }

    /** The run's events held now, oldest first (empty for a run older than the history window, or forgotten). */
    public List<RunEvent> events(UUID runId) {
        RunHistory history;
        synchronized (runs) {
            history = runs.get(runId);
        }
        if (history == null) {
            return List.of();
        }
        synchronized (history) {
            return List.copyOf(history.events);
        }
    }

    /**
     * Delivers the run's events after {@code lastEventId} (all of them when null or not found), then its live
     * events, to {@code listener}, until cancelled. {@code onHistoryEnd} learns whether the history ended with a
     * terminal event, i.e. the run is finished and nothing more will come unless it is replayed.
     */
    public Subscription follow(UUID runId, UUID lastEventId, Consumer<RunEvent> listener,
            Consumer<Boolean> onHistoryEnd) {
        RunHistory history = history(runId);
        synchronized (history) {
            List<RunEvent> events = history.events;
            int from = 0;
            if (lastEventId != null) {
                for (int i = 0; i < events.size(); i++) {
                    if (events.get(i).eventId().equals(lastEventId)) {
                        from = i + 1;
                        break;
                    }
                }
            }
            for (int i = from; i < events.size(); i++) {
                listener.accept(events.get(i));
            }
            onHistoryEnd.accept(!events.isEmpty() && isTerminal(events.get(events.size() - 1)));
            history.listeners.add(listener);
        }
        return () -> {
            synchronized (history) {
                history.listeners.remove(listener);
            }
        };
    }

    /** Delivers every run's new events that match {@code filter}, until cancelled. */
    public Subscription followAll(Predicate<RunEvent> filter, Consumer<RunEvent> listener) {
        Consumer<RunEvent> filtered = e -> {
            if (filter.test(e)) {
                listener.accept(e);
            }
        };
        allRunsListeners.add(filtered);
        return () -> allRunsListeners.remove(filtered);
    }

    private RunHistory history(UUID runId) {
        synchronized (runs) {
            RunHistory history = runs.computeIfAbsent(runId, id -> new RunHistory());
            if (runs.size() > maxRuns) {
                evictOne(runId);
            }
            return history;
        }
    }

    private void evictOne(UUID keep) {
        Iterator<Map.Entry<UUID, RunHistory>> it = runs.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UUID, RunHistory> eldest = it.next();
            if (!eldest.getKey().equals(keep) && eldest.getValue().idle()) {
                it.remove();
                return;
            }
        }
    }

    /** One run's events and listeners; guarded by its own monitor. */
    private final class RunHistory {
        final List<RunEvent> events = new ArrayList<>();
        final Set<UUID> ids = new HashSet<>();
        final List<Consumer<RunEvent>> listeners = new ArrayList<>();

        boolean add(RunEvent event) {
            if (!ids.add(event.eventId())) {
                return false;
            }
            if (events.size() >= maxEventsPerRun) {
                RunEvent dropped = events.remove(0);
                ids.remove(dropped.eventId());
                Log.warnf("run %s has more than %d events; its oldest are no longer streamed", event.runId(),
                        maxEventsPerRun);
            }
            events.add(event);
            for (Consumer<RunEvent> l : List.copyOf(listeners)) {
                l.accept(event);
            }
            return true;
        }

        synchronized boolean idle() {
            return listeners.isEmpty();
        }
    }
}
