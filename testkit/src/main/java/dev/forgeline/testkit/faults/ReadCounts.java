package dev.forgeline.testkit.faults;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the read endpoints answered while the suite polled them: fine, 503 (a dependency down, said so with
 * Retry-After), any other 5xx, and connection failures (an instance gone; the client then asks another instance,
 * as a load balancer would, so these are not client-visible failures by themselves).
 */
final class ReadCounts {
    final AtomicLong reads = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong connectionFailures = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
}
