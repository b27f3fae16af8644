package dev.forgeline.orchestrator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the orchestrator's Kafka tests: the broker's address, a {@link FakeDownstream} for the whole class, and
 * RestAssured sending the test admin key ({@link TestAuth}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DownstreamTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    FakeDownstream downstream;

    @BeforeAll
    void startDownstream() {
        TestAuth.sendAdminKey();
        downstream = new FakeDownstream(bootstrap);
    }

    @AfterAll
    void stopDownstream() {
        downstream.close();
    }
}
