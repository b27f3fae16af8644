package dev.forgeline.orchestrator.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.orchestrator.domain.ApiKey;
import dev.forgeline.orchestrator.domain.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** API keys in PostgreSQL, looked up by the SHA-256 of their token; the token itself is never stored. */
@ApplicationScoped
public class ApiKeyStore {
    private static final String COLUMNS = "id, tenant, name, role, created_at, last_used_at, revoked_at";
    private static final String INSERT = """
            insert into api_keys (id, tenant, name, role, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)""";
    private static final String BY_HASH = "select " + COLUMNS + " from api_keys where token_hash = $1";
    private static final String ALL = "select " + COLUMNS + " from api_keys order by created_at, id";
    private static final String REVOKE =
            "update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1 returning id";
    private static final String TOUCH =
            "update api_keys set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2)";

    private final Pool pool;

    ApiKeyStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(ApiKey key, String tokenHash) {
        return pool.preparedQuery(INSERT).execute(Sql.tuple(key.id(), key.tenant(), key.name(), key.role().value(),
                tokenHash, key.createdAt())).replaceWithVoid();
    }

    /** The key whose token hashes to {@code tokenHash} (revoked or not), or null. */
    public Uni<ApiKey> findByHash(String tokenHash) {
        return pool.preparedQuery(BY_HASH).execute(Tuple.of(tokenHash))
                .map(rows -> rows.iterator().hasNext() ? read(rows.iterator().next()) : null);
    }

    public Uni<List<ApiKey>> list() {
        return pool.query(ALL).execute().map(rows -> {
            List<ApiKey> keys = new ArrayList<>();
            rows.forEach(r -> keys.add(read(r)));
            return keys;
        });
    }

    /** Revokes the key (keeping the first revocation time); false when no key has that id. */
    public Uni<Boolean> revoke(UUID id, Instant at) {
        return pool.preparedQuery(REVOKE).execute(Sql.tuple(id, at)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Void> touch(UUID id, Instant at) {
        return pool.preparedQuery(TOUCH).execute(Sql.tuple(id, at)).replaceWithVoid();
    }

    private static ApiKey read(Row r) {
        return new ApiKey(r.getUUID("id"), r.getString("tenant"), r.getString("name"), Role.parse(r.getString("role")),
                Sql.instant(r, "created_at"), Sql.instant(r, "last_used_at"), Sql.instant(r, "revoked_at"));
    }
}
