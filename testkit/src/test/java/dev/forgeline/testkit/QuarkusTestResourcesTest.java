package dev.forgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class QuarkusTestResourcesTest {

    @Test
    void kafkaResourcePointsAtAWorkingBroker() throws Exception {
        Map<String, String> config = new KafkaTestResource().start();

        String bootstrap = config.get("kafka.bootstrap.servers");
        assertEquals(KafkaServers.get().bootstrapServers(), bootstrap);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertFalse(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty());
        }
    }

    @Test
    void postgresResourceCreatesTheNamedDatabase() throws SQLException {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of(PostgresTestResource.DATABASE_ARG, "named_db"));

        Map<String, String> config = resource.start();

        assertEquals("named_db", currentDatabase(config));
        assertTrue(config.get("quarkus.datasource.reactive.url").startsWith("postgresql://"));
        assertTrue(config.get("quarkus.datasource.reactive.url").endsWith("/named_db"));
    }

    @Test
    void postgresResourceGivesEachTestClassAFreshDatabase() throws SQLException {
        PostgresTestResource first = new PostgresTestResource();
        first.init(Map.of());
        PostgresTestResource second = new PostgresTestResource();
        second.init(Map.of());

        String firstDatabase = currentDatabase(first.start());
        String secondDatabase = currentDatabase(second.start());

        assertTrue(firstDatabase.startsWith("t_"), firstDatabase);
        assertNotEquals(firstDatabase, secondDatabase);
    }

    private static String currentDatabase(Map<String, String> config) throws SQLException {
        try (Connection connection = Databases.connect(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_database()")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
