package dev.forgeline.testkit;

/** A PostgreSQL server someone else runs, given as a JDBC URL to one of its databases plus credentials. */
final class ExternalPostgres implements PostgresEndpoint {
    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    private final String adminJdbcUrl;
    private final String authority;
    private final String query;
    private final String username;
    private final String password;

    /** {@code jdbcUrl} is {@code jdbc:postgresql://host[:port]/database[?params]}; other databases share host and params. */
    ExternalPostgres(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("expected " + JDBC_PREFIX + "host:port/database, got " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("no database in " + jdbcUrl);
        }
        int question = rest.indexOf('?', slash);
        this.adminJdbcUrl = jdbcUrl;
        this.authority = rest.substring(0, slash);
        this.query = question < 0 ? "" : rest.substring(question);
        this.username = username;
        this.password = password == null ? "" : password;
    }

    @Override
    public String jdbcUrl(String database) {
        return JDBC_PREFIX + authority + "/" + database + query;
    }

    @Override
    public String reactiveUrl(String database) {
        return "postgresql://" + authority + "/" + database + query;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void createDatabase(String name) {
        Databases.createIfMissing(adminJdbcUrl, username, password, name);
    }
}
