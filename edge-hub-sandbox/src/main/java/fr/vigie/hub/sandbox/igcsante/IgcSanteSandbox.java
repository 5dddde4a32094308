package fr.vigie.hub.sandbox.igcsante;

import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox IGC-Santé: its {@link IgcSanteSandboxCa} (made at start, so demo kiosks fetch its anchors
 * each time the demo starts), three routes on the sandbox's server, and in a folder the files a site's
 * hub is configured with ({@code hub.igc-sante.anchors}: {@value #ANCHORS}; {@code hub.igc-sante.crl-files}:
 * {@value #CRLS}, rewritten after each revocation and every hour, as an operator job would download the
 * real ones). Never in production. Errors answer 400 {@code {"error": CODE, "message": …}}. Thread-safe.
 *
 * <pre>
 * GET  /sandbox/igc-sante/anchors.pem   the root and intermediate, PEM: kiosk.igc-sante.anchors of demo kiosks
 * POST /sandbox/igc-sante/certify       {idNatPs, familyName, givenName, publicKey: base64 RSA SubjectPublicKeyInfo}
 *                                       → PEM: the card certificate, then the intermediate (the key stays on the card)
 * POST /sandbox/igc-sante/revoke        {serial: hex} → {serial, revoked: true|false (already)}; in the next CRL
 * </pre>
 */
public final class IgcSanteSandbox {
    /** Where the routes live. */
    public static final String BASE = "/sandbox/igc-sante";
    /** The anchors file in the folder. */
    public static final String ANCHORS = "igc-sante-anchors.pem";
    /** The CRL file in the folder. */
    public static final String CRLS = "igc-sante-crls.pem";
    private static final Logger LOG = LoggerFactory.getLogger(IgcSanteSandbox.class);

    private final IgcSanteSandboxCa ca;
    private final Path dir;

    private IgcSanteSandbox(IgcSanteSandboxCa ca, Path dir) {
        this.ca = ca;
        this.dir = dir;
    }

    /** Makes a fresh hierarchy (two RSA 2048 keys) and writes its anchors and CRLs into {@code dir}. */
    public static IgcSanteSandbox start(Clock clock, Path dir) throws IOException {
        IgcSanteSandbox sandbox = new IgcSanteSandbox(IgcSanteSandboxCa.create(clock, new SecureRandom()), dir);
        AtomicFiles.createPrivateDirectory(dir);
        AtomicFiles.write(dir.resolve(ANCHORS), sandbox.ca.trust().toPem().getBytes(StandardCharsets.US_ASCII));
        sandbox.writeCrls();
        return sandbox;
    }

    /** The anchors file ({@code hub.igc-sante.anchors}). */
    public Path anchorsFile() {
        return dir.resolve(ANCHORS);
    }

    /** The CRL file ({@code hub.igc-sante.crl-files}). */
    public Path crlFile() {
        return dir.resolve(CRLS);
    }

    /** Writes the current CRLs (re-signed when due) to {@link #crlFile()}. */
    public synchronized void writeCrls() throws IOException {
        AtomicFiles.write(crlFile(), IgcSanteCrls.toPem(ca.crls()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The certification authority, whose CRLs the hub distributes. */
    public IgcSanteSandboxCa ca() {
        return ca;
    }

    /** Adds the routes to {@code app}. */
    public void mount(Javalin app) {
        app.get(BASE + "/anchors.pem", ctx -> ctx.contentType("application/x-pem-file").result(ca.trust().toPem()));
        app.post(BASE + "/certify", this::certify);
        app.post(BASE + "/revoke", this::revoke);
    }

    private void certify(Context ctx) {
        Map<?, ?> body = body(ctx);
        if (body == null) {
            return;
        }
        String id = text(body, "idNatPs");
        try {
            IdNatPs.parse(id);
        } catch (IdentityException e) {
            reject(ctx, e.error().name(), "idNatPs: " + e.getMessage());
            return;
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(text(body, "publicKey"))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            reject(ctx, "KEY_INVALID", "publicKey must be a base64 RSA SubjectPublicKeyInfo");
            return;
        }
        if (((RSAPublicKey) key).getModulus().bitLength() != 2048) {
            reject(ctx, "KEY_INVALID", "publicKey must be an RSA 2048 key, like a CPS card's");
            return;
        }
        X509Certificate cert = ca.certify(id, text(body, "familyName"), text(body, "givenName"), key);
        LOG.info("sandbox IGC-Santé certified a test card for {} (serial {})", id, cert.getSerialNumber().toString(16));
        ctx.contentType("application/x-pem-file").result(ca.chainPem(cert));
    }

    private void revoke(Context ctx) throws IOException {
        Map<?, ?> body = body(ctx);
        if (body == null) {
            return;
        }
        String serial = text(body, "serial");
        BigInteger value;
        try {
            value = new BigInteger(serial, 16);
        } catch (NumberFormatException e) {
            reject(ctx, "SERIAL_INVALID", "serial must be the certificate serial number in hexadecimal");
            return;
        }
        boolean revoked = ca.revoke(value);
        writeCrls();
        LOG.info("sandbox IGC-Santé: certificate {} {}", serial, revoked ? "revoked" : "was already revoked");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("serial", value.toString(16));
        answer.put("revoked", revoked);
        ctx.json(answer);
    }

    private static Map<?, ?> body(Context ctx) {
        try {
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            if (body != null) {
                return body;
            }
        } catch (Exception e) {
            // Jackson's parse errors arrive unchecked through Javalin; answered below
        }
        reject(ctx, "BODY_INVALID", "a JSON object is required");
        return null;
    }

    private static String text(Map<?, ?> body, String field) {
        Object v = body.get(field);
        return v == null ? "" : String.valueOf(v).trim();
    }

    private static void reject(Context ctx, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", code);
        error.put("message", message);
        ctx.status(400).json(error);
    }
}
