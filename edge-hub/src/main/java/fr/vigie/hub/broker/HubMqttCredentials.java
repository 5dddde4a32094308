package fr.vigie.hub.broker;

import fr.vigie.provisioning.device.DeviceSecret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * The hub's own MQTT credentials: the username {@value #USERNAME} and a 256-bit password kept in
 * {@value #FILE} (mode 600) in the hub's data directory, generated on first start. The hub's client
 * ids derive from that secret ({@code hub.<purpose>.<32 hex digits>}): nobody can guess them, nor
 * derive them from anything readable by others, and since a broker checks the password before it
 * hands a session over, a client that reuses one without the secret is refused instead of taking the
 * hub's session. A client id of the hub holds dots, which a kiosk's ({@code vigie-<site>-<kioskId>},
 * letters, digits and hyphens) never does. Immutable and thread-safe; {@link #toString()} shows nothing
 * secret, and neither the password nor the client ids may be logged.
 *
 * <pre>{@code
 * HubMqttCredentials hub = HubMqttCredentials.openOrCreate(dataDir.resolve(HubMqttCredentials.FILE));
 * MqttConnectionOptions options = new MqttConnectionOptions();
 * hub.applyTo(options);
 * new MqttAsyncClient(url, hub.clientId("ingest"), new MemoryPersistence()).connect(options);
 * }</pre>
 */
public final class HubMqttCredentials {
    /** The secret's file name in the hub's data directory. */
    public static final String FILE = "mqtt-client.secret";
    /** The username the hub's clients give. */
    public static final String USERNAME = "vigie-hub";
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private final byte[] password;

    private HubMqttCredentials(byte[] password) {
        this.password = password;
    }

    /** Reads the secret from {@code file}, creating it (256 random bits, mode 600) on first use. */
    public static HubMqttCredentials openOrCreate(Path file) throws IOException {
        char[] secret = DeviceSecret.loadOrCreate(file);
        try {
            return new HubMqttCredentials(new String(secret).getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * The hub's client id for {@code purpose} ({@code ingest}, {@code fleet}…): stable across restarts,
     * secret, different for each purpose.
     */
    public String clientId(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("client purpose must be a-z, 0-9 and '-', got '" + purpose + "'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            byte[] tag = mac.doFinal(("vigie-hub-client-id:" + purpose).getBytes(StandardCharsets.US_ASCII));
            return "hub." + purpose + "." + HexFormat.of().formatHex(tag, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Puts the username and password into {@code options}. */
    public void applyTo(MqttConnectionOptions options) {
        options.setUserName(USERNAME);
        options.setPassword(password.clone());
    }

    /** Whether a CONNECT's username and password are these, compared in constant time. */
    boolean authenticates(String username, ByteBuffer givenPassword) {
        if (givenPassword == null) {
            return false;
        }
        byte[] given = new byte[givenPassword.remaining()];
        givenPassword.duplicate().get(given);
        boolean passwordOk = MessageDigest.isEqual(password, given);
        Arrays.fill(given, (byte) 0);
        return passwordOk & USERNAME.equals(username);
    }

    /** The password, for a broker's password file (hashed there); never log it. */
    char[] password() {
        char[] out = new char[password.length];
        for (int i = 0; i < password.length; i++) {
            out[i] = (char) password[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "HubMqttCredentials[" + USERNAME + ", ****]";
    }
}
