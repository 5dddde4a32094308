package fr.vigie.hub.sandbox.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The one stylesheet of the sandbox's own pages (the e-CPS phone, the INSi test identities), served from the
 * class path ({@code sandbox/sandbox.css}) at {@value #PATH} on the sandbox's server, so that the pages keep a
 * Content-Security-Policy without inline style ({@value #CSP}). Stateless.
 */
public final class SandboxStylesheet {
    /** Where the pages link it. */
    public static final String PATH = "/sandbox/sandbox.css";
    /** The Content-Security-Policy of a sandbox page: its stylesheet, forms to itself, nothing else. */
    public static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final byte[] CSS = load();

    private SandboxStylesheet() {
    }

    /** Adds the stylesheet's route to {@code app}. */
    public static void mount(Javalin app) {
        app.get(PATH, ctx -> ctx.header("Cache-Control", "max-age=300").header("X-Content-Type-Options", "nosniff")
                .contentType("text/css; charset=utf-8").result(CSS));
    }

    private static byte[] load() {
        try (InputStream in = Objects.requireNonNull(SandboxStylesheet.class.getResourceAsStream("/sandbox/sandbox.css"),
                "sandbox/sandbox.css is not on the class path")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
