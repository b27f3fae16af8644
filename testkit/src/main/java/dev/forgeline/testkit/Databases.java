package dev.forgeline.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import org.postgresql.Driver;

/** JDBC helpers shared by every {@link PostgresEndpoint}. */
final class Databases {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private Databases() {
    }

    /** Opens a connection through the driver directly: DriverManager can miss it under Quarkus' class loaders. */
    static Connection connect(String jdbcUrl, String username, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password);
        Connection connection = new Driver().connect(jdbcUrl, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return connection;
    }

    /** Creates {@code name} through a connection to an existing database, tolerating a concurrent creator. */
    static void createIfMissing(String adminJdbcUrl, String username, String password, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsupported database name: " + name);
        }
        try (Connection connection = connect(adminJdbcUrl, username, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name + "\"");
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " via " + adminJdbcUrl, e);
        }
    }
}
