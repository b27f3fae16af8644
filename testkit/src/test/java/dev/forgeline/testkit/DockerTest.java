package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** With or without an engine, an image that is not on it makes the testkit use an embedded server, never a pull. */
class DockerTest {

    @Test
    void anImageThatIsNotPresentIsReplacedByAnEmbeddedServer() {
        String absent = "forgeline/never-built-" + System.nanoTime() + ":0";

        // Only FORGELINE_TESTCONTAINERS=true may ask for a pull; CI and the README's commands never set it. Before
        // this rule, a reachable engine alone chose containers and the tests stalled on minutes of pull retries.
        assertEquals(Boolean.parseBoolean(System.getenv(Docker.SWITCH_ENV)), Docker.useContainerFor(absent));
    }
}
