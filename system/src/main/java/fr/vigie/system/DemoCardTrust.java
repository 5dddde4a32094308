package fr.vigie.system;

import fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox;
import fr.vigie.protocol.device.IgcSanteApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo kiosks trust the sandbox IGC-Santé: its anchors are fetched from the sandbox's server once it
 * is up (the hierarchy is new at each start) and written next to the kiosks' data; the kiosks then fetch
 * its CRLs from the hub (which serves the CRL file the sandbox writes) like production kiosks do.
 */
final class DemoCardTrust {
    static final String ANCHORS_PATH = IgcSanteSandbox.BASE + "/anchors.pem";
    static final String CRL_PATH = IgcSanteApi.PUBLIC_CRLS.path();

    private DemoCardTrust() {
    }

    /**
     * Downloads the anchors from the sandbox at {@code sandboxOrigin} into {@code dir}/igc-sante-anchors.pem
     * and returns that file.
     */
    static Path fetchAnchors(URI sandboxOrigin, Path dir) throws IOException, InterruptedException {
        URI anchors = sandboxOrigin.resolve(ANCHORS_PATH);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(anchors)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (r.statusCode() != 200) {
            throw new IOException("the sandbox's IGC-Santé anchors " + anchors + " answered HTTP " + r.statusCode());
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("igc-sante-anchors.pem");
        Files.writeString(file, r.body(), StandardCharsets.US_ASCII);
        return file;
    }

    static String crlUrl(String hubOrigin) {
        return hubOrigin + CRL_PATH;
    }
}
