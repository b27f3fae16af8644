package dev.forgeline.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which worker generated an attempt is read off its id: a container's hostname, a process's host and pid. */
class WorkerIdTest {

    @Test
    void inAContainerTheIdIsTheHostnameAlone() {
        assertEquals("3f9c1a2b7d10", WorkerConfig.resolveId(Optional.empty(), "3f9c1a2b7d10", 1));
    }

    @Test
    void aPlainProcessAddsItsPidSoTwoWorkersOnOneHostDiffer() {
        assertEquals("build-host-4242", WorkerConfig.resolveId(Optional.empty(), "build-host", 4242));
    }

    @Test
    void aConfiguredIdWinsAndABlankOneIsIgnored() {
        assertEquals("worker-7", WorkerConfig.resolveId(Optional.of("worker-7"), "host", 1));
        assertEquals("host", WorkerConfig.resolveId(Optional.of("  "), "host", 1));
    }
}
