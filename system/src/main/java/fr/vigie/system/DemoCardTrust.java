package fr.vigie.system;

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
 * The demo kiosks trust the sandbox IGC-Santé of the demo hub: its anchors are fetched from the
 * hub's sandbox once the hub is up (the hierarchy is new at each hub start) and written next to the
 * kiosks' data; the kiosks then fetch its CRLs from the hub like production kiosks do.
 */
final class DemoCardTrust {
    static final String ANCHORS_PATH = "/sandbox/igc-sante/anchors.pem";
    static final String CRL_PATH = IgcSanteApi.PUBLIC_CRLS.path();

    private DemoCardTrust() {
    }

    /** Downloads the sandbox anchors into {@code dir}/igc-sante-anchors.pem and returns that file. */
    static Path fetchAnchors(String hubOrigin, Path dir) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hubOrigin + ANCHORS_PATH)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (r.statusCode() != 200) {
            throw new IOException("the demo hub's sandbox anchors " + hubOrigin + ANCHORS_PATH + " answered HTTP "
                    + r.statusCode());
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
