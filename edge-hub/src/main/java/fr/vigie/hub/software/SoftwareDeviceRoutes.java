package fr.vigie.hub.software;

import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.protocol.device.RepositoryKeyAnswer;
import fr.vigie.protocol.device.SoftwareApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The package repository on the device API ({@link SoftwareApi}): its signing key, and its files for the
 * kiosks' APT, read-only. Only files under {@code dists/} and {@code pool/} are served, never a path that
 * leaves the repository. Immutable.
 */
public final class SoftwareDeviceRoutes implements DeviceRoutes {
    private final AptRepository repository;
    private final RepositorySigningKey key;

    public SoftwareDeviceRoutes(AptRepository repository, RepositorySigningKey key) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public void mount(Javalin app) {
        DeviceExchange.serve(app, SoftwareApi.REPOSITORY_KEY,
                (ctx, none) -> new RepositoryKeyAnswer(key.fingerprint(), key.publicKeyArmoured()));
        app.get(SoftwareApi.REPOSITORY + "/<file>", this::serveFile);
    }

    private void serveFile(Context ctx) throws IOException {
        String requested = ctx.pathParam("file");
        Path root = repository.root().toAbsolutePath().normalize();
        Path file = root.resolve(requested).normalize();
        boolean inside = file.startsWith(root.resolve("dists")) || file.startsWith(root.resolve("pool"));
        if (!inside || !Files.isRegularFile(file) || file.getFileName().toString().endsWith(".partial")
                || file.getFileName().toString().endsWith(".tmp")) {
            ctx.status(404).json(java.util.Map.of("error", "NOT_FOUND", "message",
                    "the repository has no file '" + requested + "'"));
            return;
        }
        String name = file.getFileName().toString();
        ctx.contentType(name.endsWith(".deb") ? "application/vnd.debian.binary-package"
                : name.endsWith(".gz") ? "application/gzip" : "text/plain; charset=utf-8");
        ctx.header("Cache-Control", name.endsWith(".deb") ? "max-age=86400" : "no-cache");
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.result(Files.newInputStream(file)); // Javalin closes it once sent
    }
}
