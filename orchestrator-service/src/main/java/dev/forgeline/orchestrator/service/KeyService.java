package dev.forgeline.orchestrator.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.forgeline.contracts.Ids;
import dev.forgeline.orchestrator.domain.ApiKey;
import dev.forgeline.orchestrator.domain.ApiKeyTokens;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.domain.KeyRequest;
import dev.forgeline.orchestrator.domain.Principal;
import dev.forgeline.orchestrator.repository.ApiKeyStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Issues, lists, revokes and checks API keys. A key's token is returned once, at creation, and only its hash kept. */
@ApplicationScoped
public class KeyService {
    /** last_used_at is written at most this often per key, not once per request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyStore store;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    KeyService(ApiKeyStore store) {
        this.store = store;
    }

    /** A new key and its token, which is never shown again. */
    public record Issued(ApiKey key, String token) {
    }

    public Uni<Issued> create(KeyRequest request) {
        String token = ApiKeyTokens.generate(random);
        ApiKey key = new ApiKey(Ids.uuidV7(), request.tenant(), request.name(), request.role(), Instant.now(), null,
                null);
        return store.insert(key, ApiKeyTokens.hash(token))
                .invoke(() -> Log.infof("API key %s created for tenant %s (name '%s', role %s)", key.id(),
                        key.tenant(), key.name(), key.role().value()))
                .map(ignored -> new Issued(key, token));
    }

    public Uni<List<ApiKey>> list() {
        return store.list();
    }

    public Uni<Void> revoke(UUID id) {
        return store.revoke(id, Instant.now()).invoke(found -> {
            if (!found) {
                throw new DomainException.NotFound("no API key " + id);
            }
            Log.infof("API key %s revoked", id);
        }).replaceWithVoid();
    }

    /** The caller a key token stands for, or null when it is unknown or revoked. */
    public Uni<Principal> authenticate(String token) {
        if (!ApiKeyTokens.looksLikeKey(token)) {
            return Uni.createFrom().nullItem();
        }
        return store.findByHash(ApiKeyTokens.hash(token)).map(key -> {
            if (key == null || key.revoked()) {
                return null;
            }
            touch(key.id());
            return key.principal();
        });
    }

    private void touch(UUID id) {
        Instant now = Instant.now();
        Instant last = lastTouched.get(id);
        if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        lastTouched.put(id, now);
        store.touch(id, now).subscribe().with(ignored -> {
        }, e -> Log.warnf(e, "could not record the use of API key %s", id));
    }
}
