package dev.forgeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** Argument errors, help and version: answered before any request, with the documented exit codes. */
class ForgelineArgumentsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Forgeline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: forgeline", "submit", "watch", "download", "Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "demo", "submit", "watch", "status", "list", "replay", "cancel", "download",
            "keys"})
    void helpOnEveryCommandExits0(String command) {
        assertThat(run(command, "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("Usage: forgeline " + command);
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isEqualTo(0);
        assertThat(out.toString()).matches("forgeline \\d+\\.\\d+\\.\\d+.*\\s*");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void aRunIdThatIsNotAUuidIsAUsageErrorNamingIt() {
        assertThat(run("status", "run-42")).isEqualTo(2);
        assertThat(err.toString()).contains("'run-42' is not a run id");
    }

    @Test
    void submitWithoutASpecOrWithAMissingFileIsAUsageError() {
        assertThat(run("submit")).isEqualTo(2);
        assertThat(err.toString()).contains("SPEC");
        assertThat(run("submit", "no/such/spec.json")).isEqualTo(2);
        assertThat(err.toString()).contains("no/such/spec.json", "no such file");
    }

    @Test
    void anUnknownStatusFilterIsAUsageErrorListingTheValidOnes() {
        assertThat(run("list", "--status", "DONE")).isEqualTo(2);
        assertThat(err.toString()).contains("DONE", "SUCCEEDED");
    }

    @Test
    void anApiThatIsNotAnHttpUrlIsAUsageError() {
        assertThat(run("status", UUID.randomUUID().toString(), "--api", "ftp://example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("--api", "ftp://example.org");
    }

    @Test
    void aGatewayNobodyListensOnExits3() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("list", "--api", "http://127.0.0.1:" + port)).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach the gateway at http://127.0.0.1:" + port);
    }

    @Test
    void apiMayComeBeforeTheCommand() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("--api", "http://127.0.0.1:" + port, "status", UUID.randomUUID().toString())).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach the gateway at http://127.0.0.1:" + port);
    }

    @Test
    void theAdminKeyLineShowsAGeneratedKeyInFullAndAConfiguredOneByItsVariable() {
        assertThat(LocalStacks.adminKeyLine("flk_generated", false))
                .isEqualTo("admin key: flk_generated (export FORGELINE_TOKEN=flk_generated to use the CLI)");
        assertThat(LocalStacks.adminKeyLine("configured-secret-0123456789", true))
                .isEqualTo("admin key: $FORGELINE_ADMIN_KEY (export FORGELINE_TOKEN=\"$FORGELINE_ADMIN_KEY\" to use "
                        + "the CLI)")
                .doesNotContain("configured-secret");
    }
}
