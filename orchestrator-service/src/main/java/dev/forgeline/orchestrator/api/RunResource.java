package dev.forgeline.orchestrator.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.orchestrator.domain.RunFileEntity;
import dev.forgeline.orchestrator.service.RunControl;
import dev.forgeline.orchestrator.service.RunQueries;
import dev.forgeline.orchestrator.service.RunService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** The HTTP gateway for runs (DESIGN §6). */
@Path("/api/runs")
public class RunResource {
    private final RunService service;
    private final RunQueries queries;
    private final RunControl control;

    RunResource(RunService service, RunQueries queries, RunControl control) {
        this.service = service;
        this.queries = queries;
        this.control = control;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey,
            RoutingContext rc) {
        return service.submit(body, idempotencyKey, Callers.of(rc)).map(submission -> Response
                .status(submission.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/api/runs/" + submission.run().id()))
                .entity(RunViews.summary(submission.run()))
                .build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RunPage> list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, RoutingContext rc) {
        RunStatus filter = parseStatus(status);
        if (page < 0) {
            throw ProblemException.badRequest("page", "range", "page must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw ProblemException.badRequest("size", "range", "size must be between 1 and 100");
        }
        return queries.list(filter, page, size, Callers.of(rc)).map(p -> new RunPage(page, size, p.total(),
                p.runs().stream().map(RunViews::summary).toList()));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RunView> get(@PathParam("id") String id, RoutingContext rc) {
        return queries.details(RunService.parseRunId(id), Callers.of(rc)).map(RunViews::view);
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> replay(@PathParam("id") String id, byte[] body, RoutingContext rc) {
        ReplayRequest request = ReplayBodies.parse(body);
        return control.replay(RunService.parseRunId(id), request.modules(), Callers.of(rc))
                .map(run -> Response.accepted(RunViews.summary(run)).location(URI.create("/api/runs/" + run.id()))
                        .build());
    }

    @POST
    @Path("{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RunSummaryView> cancel(@PathParam("id") String id, RoutingContext rc) {
        return control.cancel(RunService.parseRunId(id), Callers.of(rc)).map(RunViews::summary);
    }

    @GET
    @Path("{id}/files")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<java.util.List<RunFileView>> files(@PathParam("id") String id, RoutingContext rc) {
        return queries.files(RunService.parseRunId(id), Callers.of(rc)).map(rf -> rf.files().stream()
                .map(f -> new RunFileView(f.path, f.module, f.sizeBytes, f.sha256)).toList());
    }

    @GET
    @Path("{id}/files/{path: .+}")
    public Uni<Response> file(@PathParam("id") String id, @PathParam("path") String path, RoutingContext rc) {
        return queries.file(RunService.parseRunId(id), path, Callers.of(rc)).map(f -> Response.ok(f.content)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("ETag", "\"" + f.sha256 + "\"")
                .header("X-Forgeline-Module", f.module)
                .build());
    }

    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    public Uni<Response> archive(@PathParam("id") String id, RoutingContext rc) {
        return queries.files(RunService.parseRunId(id), Callers.of(rc)).map(rf -> Response.ok(zip(rf.run().name, rf.files()))
                .type("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + rf.run().name + ".zip\"")
                .header("X-Forgeline-Run-Status", rf.run().status.name())
                .build());
    }

    private static RunStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RunStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "status.unknown", "unknown status '" + status + "'; one of "
                    + Arrays.toString(RunStatus.values()));
        }
    }

    private static byte[] zip(String root, java.util.List<RunFileEntity> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (RunFileEntity f : files) {
                ZipEntry entry = new ZipEntry(root + "/" + f.path);
                entry.setTime(0L);
                zip.putNextEntry(entry);
                zip.write(f.content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
