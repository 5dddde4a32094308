package fr.vigie.hub.agent;

import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.protocol.AgentProofApi;
import fr.vigie.protocol.KioskAddress;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The agent-proof routes on the device API ({@link AgentProofApi} gives the paths and codes); the kiosk is
 * the one its certificate proves, and only an admission desk may prove an agent. Bodies are strict JSON
 * (unknown fields refused with {@code AGENT_PROOF_INVALID}); refusals answer {@code {error, message}}.
 * Thread-safe.
 */
public final class AgentDeviceRoutes implements DeviceRoutes {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_BASE64 = 8192;

    record NonceBody(String kioskSessionId) {
    }

    record NonceAnswer(String nonce, Instant expiresAt) {
    }

    record ProofBody(String nonce, String signature, String certificate, List<String> chain) {
    }

    record PscProofBody(String kioskSessionId, String cibaRequestId) {
    }

    record EndBody(String kioskSessionId, String reason) {
    }

    record BindingAnswer(String agent, String method, String kioskSessionId, Instant expiresAt) {
        static BindingAnswer of(AgentBinding b) {
            return new BindingAnswer(b.agent().value(), b.method().name(), b.kioskSessionId(), b.expiresAt());
        }
    }

    private final ProvenAgents agents;

    public AgentDeviceRoutes(ProvenAgents agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    @Override
    public void mount(Javalin app) {
        app.post(AgentProofApi.NONCE, ctx -> {
            NonceBody b = body(ctx, NonceBody.class);
            ProvenAgents.Nonce n = agents.nonce(DeviceCaller.of(ctx), session(b.kioskSessionId()));
            answer(ctx.status(201), new NonceAnswer(Base64.getEncoder().encodeToString(n.value()), n.expiresAt()));
        });
        app.post(AgentProofApi.PROOF, ctx -> {
            ProofBody b = body(ctx, ProofBody.class);
            List<X509Certificate> chain = new ArrayList<>();
            for (String c : b.chain() == null ? List.<String>of() : b.chain()) {
                chain.add(certificate(c, "chain"));
            }
            CardProof proof = new CardProof(bytes(b.nonce(), "nonce"), bytes(b.signature(), "signature"),
                    certificate(b.certificate(), "certificate"), chain);
            answer(ctx, BindingAnswer.of(agents.proveWithCard(DeviceCaller.of(ctx), proof)));
        });
        app.post(AgentProofApi.PSC_PROOF, ctx -> {
            PscProofBody b = body(ctx, PscProofBody.class);
            KioskAddress kiosk = DeviceCaller.of(ctx);
            answer(ctx, BindingAnswer.of(agents.proveThroughPsc(kiosk, session(b.kioskSessionId()),
                    text(b.cibaRequestId(), "cibaRequestId"))));
        });
        app.post(AgentProofApi.END, ctx -> {
            EndBody b = body(ctx, EndBody.class);
            ProvenAgents.EndReason reason;
            try {
                reason = ProvenAgents.EndReason.valueOf(text(b.reason(), "reason").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("reason must be LOCKED or CLOSED");
            }
            agents.end(DeviceCaller.of(ctx), session(b.kioskSessionId()), reason);
            ctx.status(204).header("Cache-Control", "no-store");
        });
    }

    private static void answer(Context ctx, Object body) {
        ctx.header("Cache-Control", "no-store").json(body);
    }

    private static <T> T body(Context ctx, Class<T> type) throws DeviceRefused {
        try {
            T body = ctx.bodyAsClass(type);
            if (body != null) {
                return body;
            }
        } catch (Exception e) { // Jackson's mapping errors arrive unchecked-by-sneak from Javalin
            // answered below
        }
        throw invalid("the body is not the JSON object this route takes");
    }

    private static String session(String id) throws DeviceRefused {
        if (id == null || !SESSION_ID.matcher(id).matches()) {
            throw invalid("kioskSessionId must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static String text(String value, String field) throws DeviceRefused {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw invalid(field + " is required (at most 128 characters)");
        }
        return value;
    }

    private static byte[] bytes(String base64, String field) throws DeviceRefused {
        if (base64 == null || base64.isEmpty() || base64.length() > MAX_BASE64) {
            throw invalid(field + " is required, in base64");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not base64");
        }
    }

    private static X509Certificate certificate(String base64, String field) throws DeviceRefused {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes(base64, field)));
        } catch (CertificateException | ClassCastException e) {
            throw invalid(field + " is not a DER X.509 certificate");
        }
    }

    private static DeviceRefused invalid(String message) {
        return new DeviceRefused(400, AgentProofApi.AGENT_PROOF_INVALID, message);
    }
}
