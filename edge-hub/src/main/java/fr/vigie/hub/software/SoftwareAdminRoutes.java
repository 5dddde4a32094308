package fr.vigie.hub.software;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.staff.SignedInStaff;
import fr.vigie.hub.audit.AuditLog;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The software routes of the REST API, for IT staff (the staff guard lets a viewer only read). Errors answer
 * {@code {"error": CODE, "message": …}} with the {@link SoftwareRefusal.Code}'s status.
 *
 * <pre>
 * POST /api/v1/software/packages                 body: the .deb ({@value #DEB}), at most 512 MiB
 *                                                → 201 {name, version, architecture, size, sha256}; audited
 *                                                SOFTWARE_PACKAGE_ADDED, or refused (PACKAGE_MALFORMED 400,
 *                                                PACKAGE_NOT_VIGIE 400, PACKAGE_WRONG_ARCHITECTURE 400,
 *                                                PACKAGE_NOT_NEWER 409, PACKAGE_TOO_LARGE 413) and audited
 *                                                SOFTWARE_PACKAGE_REFUSED
 * GET  /api/v1/software/packages                 {repositoryKey: fingerprint, packages: [{name, version, …}]}
 * POST /api/v1/software/rollouts                 {group, version, package?, firstKiosks? | firstPercent?,
 *                                                 allowDowngrade?} → 202 rollout
 * GET  /api/v1/software/rollouts                 {rollouts: [...]} newest first
 * GET  /api/v1/software/rollouts/{id}            {rolloutId, packageName, version, group, firstStage, state,
 *                                                 reason, counts, targets[{site, kioskId, stage, state, code,
 *                                                 message, fromVersion, runningVersion, sentAt, reportedAt}]}
 * POST /api/v1/software/rollouts/{id}/pause|resume|abort   ({reason?} for abort) → 200 rollout
 * </pre>
 */
public final class SoftwareAdminRoutes {
    /** The media type of a package upload. */
    public static final String DEB = "application/vnd.debian.binary-package";
    /** The path prefix whose bodies are packages. */
    public static final String PACKAGES = "/api/v1/software/packages";
    /** The largest package the hub takes. */
    public static final long MAX_PACKAGE_BYTES = 512L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIST_LIMIT = 50;

    private SoftwareAdminRoutes() {
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, AptRepository repository, RepositorySigningKey key,
            SoftwareRollouts rollouts, AuditLog audit) {
        app.post(PACKAGES, ctx -> add(ctx, repository, audit));
        app.get(PACKAGES, ctx -> {
            List<Map<String, Object>> packages = repository.packages().stream().map(p -> describe(p.file())).toList();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("repositoryKey", key.fingerprint());
            out.put("packages", packages);
            ctx.header("Cache-Control", "no-store").json(out);
        });
        app.post("/api/v1/software/rollouts", ctx -> {
            JsonNode b = body(ctx);
            SoftwareRollouts.Request r = new SoftwareRollouts.Request(text(b, "group"), b.hasNonNull("package")
                    ? text(b, "package") : null, text(b, "version"), number(b, "firstKiosks"), number(b, "firstPercent"),
                    b.path("allowDowngrade").asBoolean(false));
            ctx.status(202).json(rollouts.start(r, actor(ctx)));
        });
        app.get("/api/v1/software/rollouts", ctx -> {
            rollouts.advance();
            ctx.header("Cache-Control", "no-store").json(Map.of("rollouts", rollouts.list(LIST_LIMIT)));
        });
        app.get("/api/v1/software/rollouts/{id}", ctx -> {
            rollouts.advance();
            ctx.header("Cache-Control", "no-store").json(rollouts.find(id(ctx)).orElseThrow(() -> notFound(ctx)));
        });
        app.post("/api/v1/software/rollouts/{id}/pause", ctx -> ctx.json(rollouts.pause(id(ctx), actor(ctx))));
        app.post("/api/v1/software/rollouts/{id}/resume", ctx -> ctx.json(rollouts.resume(id(ctx), actor(ctx))));
        app.post("/api/v1/software/rollouts/{id}/abort", ctx -> {
            JsonNode b = ctx.bodyAsBytes().length == 0 ? JSON.createObjectNode() : body(ctx);
            ctx.json(rollouts.abort(id(ctx), b.hasNonNull("reason") ? text(b, "reason") : null, actor(ctx)));
        });
        app.exception(SoftwareRefusal.class, (e, ctx) -> {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("error", e.code().name());
            out.put("message", e.getMessage());
            ctx.status(e.code().status()).json(out);
        });
    }

    private static void add(Context ctx, AptRepository repository, AuditLog audit) throws Exception {
        Path incoming = repository.root().resolveSibling("incoming");
        Files.createDirectories(incoming);
        Path upload = Files.createTempFile(incoming, "upload", ".deb");
        try {
            try {
                receive(ctx.bodyInputStream(), upload);
                DebianPackageFile p = repository.add(upload);
                audit.append(AuditEntry.of(actor(ctx), "SOFTWARE_PACKAGE_ADDED", "package:" + p.name(), Map.of(
                        "version", p.version().toString(), "sha256", p.sha256(), "size", Long.toString(p.size()))));
                ctx.status(201).json(describe(p));
            } catch (SoftwareRefusal e) {
                audit.append(AuditEntry.of(actor(ctx), "SOFTWARE_PACKAGE_REFUSED", "package:upload", Map.of("code",
                        e.code().name(), "reason", e.getMessage().length() > 500 ? e.getMessage().substring(0, 500)
                                : e.getMessage())));
                throw e;
            }
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Streams the body into {@code file}, refusing more than {@link #MAX_PACKAGE_BYTES}. */
    private static void receive(InputStream in, Path file) throws IOException, SoftwareRefusal {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream body = in; OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > MAX_PACKAGE_BYTES) {
                    throw new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_TOO_LARGE, "a package is at most "
                            + MAX_PACKAGE_BYTES / (1024 * 1024) + " MiB");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_MALFORMED, "the request carries no package:"
                    + " send the .deb as the body, Content-Type " + DEB);
        }
    }

    private static Map<String, Object> describe(DebianPackageFile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("version", p.version().toString());
        out.put("architecture", p.architecture());
        out.put("size", p.size());
        out.put("sha256", p.sha256());
        return out;
    }

    private static String actor(Context ctx) {
        Object staff = ctx.attribute(SignedInStaff.LOGIN);
        return AuditEntry.staff(staff instanceof String s ? s : null);
    }

    private static long id(Context ctx) throws SoftwareRefusal {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw notFound(ctx);
        }
    }

    private static SoftwareRefusal notFound(Context ctx) {
        return new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_NOT_FOUND, "no software rollout '"
                + ctx.pathParam("id").replaceAll("\\p{Cntrl}", "?") + "'");
    }

    private static JsonNode body(Context ctx) throws SoftwareRefusal {
        try {
            JsonNode b = JSON.readTree(ctx.bodyAsBytes());
            if (b == null || !b.isObject()) {
                throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, "the body must be a JSON object");
            }
            return b;
        } catch (IOException e) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, "the body is not JSON");
        }
    }

    private static String text(JsonNode b, String field) throws SoftwareRefusal {
        JsonNode v = b.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank() || v.textValue().length() > 200) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, field + " must be a text of 1 to 200"
                    + " characters");
        }
        return v.textValue();
    }

    private static Integer number(JsonNode b, String field) throws SoftwareRefusal {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.ROLLOUT_INVALID, field + " must be a whole number");
        }
        return v.intValue();
    }
}
