package fr.vigie.kiosk.demo;

import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * <b>Demo only.</b> Virtual CPS cards certified by the sandbox's IGC-Santé (the edge-hub-sandbox's
 * {@code POST /sandbox/igc-sante/certify}), so that the hub the sandbox configured trusts them, as an
 * admission desk's agent proof needs: each card's RSA 2048 key is made here and only its public key is sent
 * (a real card's key never leaves the card either). Stateless.
 */
final class SandboxIgcSante {
    /** The sandbox IGC-Santé's routes (edge-hub-sandbox {@code IgcSanteSandbox.BASE}, which the kiosk cannot import). */
    static final String BASE = "/sandbox/igc-sante";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SandboxIgcSante() {
    }

    /**
     * A credential for {@code idNatPs} certified by the sandbox at {@code origin}; its chain ends with the
     * sandbox's root.
     *
     * @throws IllegalStateException when the sandbox cannot be reached or refuses
     */
    static CpsCredential certify(URI origin, String idNatPs, String familyName, String givenName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair card = generator.generateKeyPair();
            // the values are the demo's own constants (digits and capital letters): no JSON escaping needed
            String body = "{\"idNatPs\":\"" + idNatPs + "\",\"familyName\":\"" + familyName + "\",\"givenName\":\""
                    + givenName + "\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(card.getPublic().getEncoded())
                    + "\"}";
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            List<X509Certificate> chain = new ArrayList<>(Pem.parseCertificates(send(http, HttpRequest.newBuilder(
                    origin.resolve(BASE + "/certify")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)))));
            List<X509Certificate> anchors = Pem.parseCertificates(send(http,
                    HttpRequest.newBuilder(origin.resolve(BASE + "/anchors.pem")).GET()));
            anchors.stream().filter(a -> a.getSubjectX500Principal().equals(a.getIssuerX500Principal())
                    && !chain.contains(a)).forEach(chain::add);
            return new CpsCredential(idNatPs, familyName, givenName, card.getPrivate(), chain.get(0), chain);
        } catch (GeneralSecurityException | ProvisioningException | IOException e) {
            throw new IllegalStateException("the sandbox IGC-Santé at " + origin + " did not certify the demo card of "
                    + idNatPs + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sandbox IGC-Santé certified a demo card", e);
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
