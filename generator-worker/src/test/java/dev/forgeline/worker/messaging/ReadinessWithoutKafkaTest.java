package dev.forgeline.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(ReadinessWithoutKafkaTest.UnreachableKafka.class)
class ReadinessWithoutKafkaTest {

    /** Points the worker at a port nothing listens on, and skips topic creation so that it can start. */
    public static class UnreachableKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:9", "forgeline.topics.create", "false");
        }
    }

    @Test
    void readinessIsDownWhileKafkaIsUnreachable() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(503).body(containsString("module-commands-in")));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }
}
