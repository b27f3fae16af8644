package dev.forgeline.testkit.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.forgeline.testkit.RestartablePostgres;
import dev.forgeline.testkit.local.StackOptions;

/**
 * PostgreSQL stopped (fast shutdown: every connection is cut) and started again on the same data directory and
 * port while runs are in flight. The database is down until the orchestrator's readiness check has noticed
 * (at most 15 s), so the outage is certainly seen by the services and by the readers.
 */
public final class PostgresRestart implements FaultScenario {
    private RestartablePostgres postgres;

    @Override
    public String name() {
        return "postgres-restart";
    }

    @Override
    public boolean ownStack() {
        return true;
    }

    @Override
    public StackOptions stack(StackOptions standard) {
        postgres = RestartablePostgres.start();
        return standard.postgres(postgres);
    }

    @Override
    public void inject(FaultContext context) {
        context.faultNow();
        postgres.stop();
        URI ready = URI.create("http://127.0.0.1:" + context.stack().service(FaultSuite.ORCHESTRATOR_1).port()
                + "/q/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean noticed = Poll.until(() -> status(http, ready) != 200, Duration.ofSeconds(15), Duration.ofMillis(100));
        if (!noticed) {
            context.failed("the orchestrator still reported ready 15 s after PostgreSQL stopped");
        }
        postgres.startAgain();
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            postgres.close();
        }
    }

}
