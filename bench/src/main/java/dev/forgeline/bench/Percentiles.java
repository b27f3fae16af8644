package dev.forgeline.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a sample of durations in milliseconds. */
public final class Percentiles {
    private final List<Double> sorted;

    public Percentiles(List<Double> samples) {
        this.sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]. */
    public double at(double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public int count() {
        return sorted.size();
    }

    public String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", at(50), at(95), at(99), count());
    }
}
