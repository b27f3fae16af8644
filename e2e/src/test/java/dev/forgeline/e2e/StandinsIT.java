package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.forgeline.testkit.ProjectRoot;

/**
 * The offline Kafka and PostgreSQL stand-ins honour the official images' interface (deploy/standins/test.sh: the
 * environment the compose file gives, health checks, data surviving restarts, a missing password refused). Skipped
 * without an engine, failed instead when {@code FORGELINE_REQUIRE_DOCKER=1}, like {@link ComposeStackIT}.
 */
class StandinsIT {

    @Test
    void standInsHonourTheOfficialImagesInterface() {
        String why = ComposeProject.whyNoEngine();
        if (why != null) {
            assertThat("1".equals(System.getenv(ComposeStackIT.REQUIRE_ENV)))
                    .as(why + "; " + ComposeStackIT.REQUIRE_ENV + "=1 requires the stand-ins' test").isFalse();
            Assumptions.abort("stand-ins' test skipped: " + why);
        }
        Path root = ProjectRoot.find();
        ComposeProject.exec(Map.of(), root, Duration.ofMinutes(10),
                List.of(root.resolve("deploy/standins/build.sh").toString())).orFail("deploy/standins/build.sh");

        ComposeProject.Result result = ComposeProject.exec(Map.of(), root, Duration.ofMinutes(10),
                List.of(root.resolve("deploy/standins/test.sh").toString()));

        System.out.println(result.output());
        assertThat(result.exit()).as("deploy/standins/test.sh exit code; its output:%n%s", result.output()).isZero();
        assertThat(result.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    }
}
