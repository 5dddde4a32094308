package fr.vigie.hub.broker;

import fr.vigie.provisioning.siteca.SiteCa;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The embedded broker's device listener: TLS 1.3 only, client certificate required, server
 * certificate issued by {@code siteCa} for {@code dnsNames} and {@code ipAddresses}, devices checked
 * against {@code siteCa}'s current CRL at {@code clock}'s time on every connect. Immutable; validated
 * at construction.
 *
 * @param bindAddress the address the TLS listener binds (e.g. {@code 0.0.0.0} on a site server)
 * @param port its TCP port, or 0 to pick a free loopback port
 */
public record BrokerTls(String bindAddress, int port, List<String> dnsNames, List<String> ipAddresses,
        SiteCa siteCa, Clock clock) {

    public BrokerTls {
        Objects.requireNonNull(siteCa, "siteCa");
        Objects.requireNonNull(clock, "clock");
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("broker TLS bind address must be set");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("broker TLS port " + port + " is not 0..65535");
        }
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("broker TLS needs at least one DNS name or IP address for its certificate");
        }
    }

    /** A listener on 127.0.0.1 with a free port, certified for {@code localhost} and {@code 127.0.0.1}. */
    public static BrokerTls loopback(SiteCa siteCa, Clock clock) {
        return new BrokerTls("127.0.0.1", 0, List.of("localhost"), List.of("127.0.0.1"), siteCa, clock);
    }
}
