package dev.forgeline.orchestrator.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.forgeline.orchestrator.domain.ApiKey;
import dev.forgeline.orchestrator.domain.DomainException;
import dev.forgeline.orchestrator.domain.KeyRequest;
import dev.forgeline.orchestrator.service.KeyService;
import io.smallrye.mutiny.Uni;

/** {@code /api/admin/keys} (admins only, see {@link AuthFilter}): issue, list and revoke API keys. */
@Path("/api/admin/keys")
public class KeyResource {
    private final KeyService keys;

    KeyResource(KeyService keys) {
        this.keys = keys;
    }

    /** The body of a key request. */
    public record CreateKey(String tenant, String name, String role) {
    }

    /** A new key: the only time its token ({@code key}) is shown. */
    public record CreatedKey(UUID id, String tenant, String name, String role, Instant createdAt, String key) {
    }

    /** A stored key, without secret or hash. */
    public record KeyView(UUID id, String tenant, String name, String role, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.tenant(), k.name(), k.role().value(), k.createdAt(), k.lastUsedAt(),
                    k.revokedAt());
        }
    }

    /** Every key, oldest first. */
    public record KeyList(List<KeyView> keys) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateKey body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "body.missing",
                    "a JSON object {\"tenant\", \"name\", \"role\"} is required");
        }
        KeyRequest request = KeyRequest.of(body.tenant(), body.name(), body.role());
        return keys.create(request).map(issued -> Response.status(Response.Status.CREATED)
                .location(URI.create("/api/admin/keys/" + issued.key().id()))
                .entity(new CreatedKey(issued.key().id(), issued.key().tenant(), issued.key().name(),
                        issued.key().role().value(), issued.key().createdAt(), issued.token()))
                .build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<KeyList> list() {
        return keys.list().map(all -> new KeyList(all.stream().map(KeyView::of).toList()));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return keys.revoke(parseKeyId(id)).map(ignored -> Response.noContent().build());
    }

    private static UUID parseKeyId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("id", "id.format", "'" + id + "' is not a key id (a UUID)");
        }
    }
}
