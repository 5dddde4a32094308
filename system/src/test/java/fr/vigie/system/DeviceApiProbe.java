package fr.vigie.system;

import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.Refusal;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a device-API route a body the kiosk's own client can never write (a field the contract does not have,
 * a body that is not an object), with a kiosk's certificate, to show how the hub refuses it.
 */
public final class DeviceApiProbe {
    private static final DeviceCodec CODEC = new DeviceCodec();

    /** What the hub answered: the status, and the refusal it carried. */
    public record Refused(int status, Refusal refusal) {
    }

    private DeviceApiProbe() {
    }

    /** POSTs {@code json} to {@code route} as {@code kiosk}; the hub's refusal (fails when the hub accepted it). */
    public static Refused post(URI deviceApi, DeviceIdentity kiosk, DeviceRoute<?, ?> route, String json,
            String... parameters) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(kiosk.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(deviceApi.resolve(route.path(parameters)))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() < 400) {
            throw new AssertionError(route + " accepted " + json + " with " + r.statusCode());
        }
        return new Refused(r.statusCode(), CODEC.decodeRefusal(r.body()));
    }
}
