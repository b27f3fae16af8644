package dev.forgeline.contracts;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The command ids a consumer instance took on recently (bounded in number and age), so a record delivered again to
 * the same instance is skipped instead of worked on again. Why: delivery is at least once, and without this a record
 * delivered three times to the worker yields three results, each delivered three times to the validator (nine
 * validations per module): the work compounds hop by hop. Correctness never depends on it (every receiver also
 * ignores a duplicate by its guards); it only keeps duplicates cheap. An id whose work failed is forgotten, so a
 * redelivery is worked on.
 */
public final class RecentIds {
    private final int capacity;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Long> ids = new LinkedHashMap<>();

    public RecentIds(int capacity, Duration maxAge) {
        this(capacity, maxAge, System::nanoTime);
    }

    RecentIds(int capacity, Duration maxAge, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** True if {@code id} was not taken on recently (it is now); false for a repeat. A null id is never a repeat. */
    public synchronized boolean claim(String id) {
        if (id == null) {
            return true;
        }
        long now = nanoClock.getAsLong();
        evictOlderThan(now);
        if (ids.containsKey(id)) {
            return false;
        }
        if (ids.size() >= capacity) {
            ids.remove(ids.keySet().iterator().next());
        }
        ids.put(id, now);
        return true;
    }

    /** The work on {@code id} failed or was handed back: a later delivery is worked on again. */
    public synchronized void forget(String id) {
        if (id != null) {
            ids.remove(id);
        }
    }

    /** Ids held now. */
    public synchronized int size() {
        evictOlderThan(nanoClock.getAsLong());
        return ids.size();
    }

    private void evictOlderThan(long now) {
        Iterator<Map.Entry<String, Long>> oldest = ids.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() > maxAgeNanos) {
            oldest.remove();
        }
    }
}
