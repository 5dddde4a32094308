package fr.vigie.protocol;

import java.util.Optional;

/**
 * The remote commands a hub may send a kiosk, by their wire name in {@link Command#name()}.
 *
 * <ul>
 * <li>{@code reload-config}: read the configuration in force again and apply it to the components;</li>
 * <li>{@code rotate-cert}: renew the device certificate now (new key pair, CSR, new certificate);</li>
 * <li>{@code diagnostics}: answer with a small bundle (versions, readers, outbox depth, recent
 * errors; never secrets) in {@link Reply#details()};</li>
 * <li>{@code reboot}: restart; simulated on virtual kiosks and in the sandbox;</li>
 * <li>{@code update-software}: install {@code version} of {@code package} from the hub's signed repository
 * ({@code rolloutId}, {@code allowDowngrade}), reporting its steps as {@link EventPayload.SoftwareUpdate} events.</li>
 * </ul>
 */
public enum CommandName {
    RELOAD_CONFIG("reload-config"), ROTATE_CERT("rotate-cert"), DIAGNOSTICS("diagnostics"), REBOOT("reboot"),
    UPDATE_SOFTWARE("update-software");

    private final String wireName;

    CommandName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CommandName> fromWireName(String name) {
        for (CommandName c : values()) {
            if (c.wireName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
