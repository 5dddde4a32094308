package fr.vigie.hub;

import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.tls.ClientCertificate;
import fr.vigie.hub.tls.ServerTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The hub's settings as {@code ./vigie hub check} reads them: through the hub's own readers
 * ({@link HubConfigReader}, {@link GatewaySettingsReader}), with the same file, overrides and checks, but one
 * gateway whose settings are refused does not hide the others: each gateway is read on its own, and the hub's
 * verdict on the whole configuration is kept beside them. Immutable.
 *
 * @param refused the hub's verdict: why it would refuse to start with these settings, or empty
 * @param config the whole configuration when the hub accepts it
 * @param insi {@code hub.insi.*}
 * @param psc {@code hub.psc.*}
 * @param apcv {@code hub.apcv.*}
 * @param igcSanteAnchors the PEM files of {@code hub.igc-sante.anchors} (empty when unset or unusable)
 * @param gam the GAM feed's settings when set and accepted
 */
public record PreflightSettings(Optional<Refusal> refused, Optional<HubConfig> config,
        Gateway<InsiGatewaySettings> insi, Gateway<PscGatewaySettings> psc, Gateway<ApcvSettings> apcv,
        List<Path> igcSanteAnchors, Optional<GamSettings> gam) {

    /**
     * Why a setting was refused.
     *
     * @param key the key at fault, e.g. {@code hub.insi.certificate}
     * @param message the reader's explanation, naming the key (never a secret)
     */
    public record Refusal(String key, String message) {
        public Refusal {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One gateway's settings.
     *
     * @param configured whether any of its keys is set
     * @param settings its settings, when configured and accepted
     * @param refusal why they were refused, when configured and refused
     * @param certificate when the settings were refused, the client certificate they name if it opens, so that
     *        its own checks still run (e.g. the CN INSi would refuse)
     * @param trust when the settings were refused, the server trust they name if it reads
     */
    public record Gateway<T>(boolean configured, Optional<T> settings, Optional<Refusal> refusal,
            Optional<ClientCertificate> certificate, Optional<ServerTrust> trust) {
        public Gateway {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(trust, "trust");
        }

        static <T> Gateway<T> off() {
            return new Gateway<>(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public PreflightSettings {
        Objects.requireNonNull(refused, "refused");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(insi, "insi");
        Objects.requireNonNull(psc, "psc");
        Objects.requireNonNull(apcv, "apcv");
        igcSanteAnchors = List.copyOf(igcSanteAnchors);
        Objects.requireNonNull(gam, "gam");
    }

    /** Reads the settings {@code arguments} name ({@code --config FILE}, {@code --set}, options), as the hub would. */
    public static PreflightSettings load(HubArguments arguments) {
        Map<String, String> raw;
        try {
            raw = HubConfigReader.raw(Map.of(), arguments.configFile(), arguments.overrides());
        } catch (HubConfigException e) {
            return new PreflightSettings(Optional.of(new Refusal(e.key(), e.getMessage())), Optional.empty(),
                    Gateway.off(), Gateway.off(), Gateway.off(), List.of(), Optional.empty());
        }
        Optional<Refusal> refused = Optional.empty();
        Optional<HubConfig> config = Optional.empty();
        try {
            config = Optional.of(HubConfigReader.read(raw));
        } catch (HubConfigException e) {
            refused = Optional.of(new Refusal(e.key(), e.getMessage()));
        }
        List<Path> secrets = new ArrayList<>();
        Gateway<InsiGatewaySettings> insi = gateway(raw, InsiGatewaySettings.KEYS, InsiGatewaySettings.ENDPOINT,
                () -> GatewaySettingsReader.insi(raw, secrets), InsiGatewaySettings.CERTIFICATE,
                InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, InsiGatewaySettings.TRUST_ANCHORS);
        Gateway<PscGatewaySettings> psc = gateway(raw, PscGatewaySettings.KEYS, PscGatewaySettings.DISCOVERY_URL,
                () -> GatewaySettingsReader.psc(raw, secrets), PscGatewaySettings.CERTIFICATE,
                PscGatewaySettings.CERTIFICATE_PASSWORD_FILE, PscGatewaySettings.TRUST_ANCHORS);
        Gateway<ApcvSettings> apcv = gateway(raw, ApcvSettings.KEYS, ApcvSettings.KEYS_FILE,
                () -> GatewaySettingsReader.apcv(raw), null, null, null);
        List<Path> anchors;
        try {
            anchors = HubConfigReader.paths(raw, HubConfig.IGC_SANTE_ANCHORS);
        } catch (IllegalArgumentException e) {
            anchors = List.of(); // the hub's verdict above says why
        }
        return new PreflightSettings(refused, config, insi, psc, apcv, anchors,
                config.map(HubConfig::gam).filter(GamSettings::enabled));
    }

    private interface Read<T> {
        Optional<T> read();
    }

    private static <T> Gateway<T> gateway(Map<String, String> raw, Collection<String> keys, String mainKey,
            Read<T> read, String certificateKey, String passwordKey, String trustKey) {
        boolean configured = keys.stream().anyMatch(k -> raw.get(k) != null && !raw.get(k).isBlank());
        if (!configured) {
            return Gateway.off();
        }
        try {
            return new Gateway<>(true, read.read(), Optional.empty(), Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            HubConfig.InvalidSetting s = HubConfigReader.keyed(e, raw, mainKey, Set.copyOf(keys));
            return new Gateway<>(true, Optional.empty(), Optional.of(new Refusal(s.key, s.getMessage())),
                    certificate(raw, certificateKey, passwordKey), trust(raw, trustKey));
        }
    }

    /** The server trust {@code trustKey} names, read as the hub reads it; empty when unset or unusable. */
    private static Optional<ServerTrust> trust(Map<String, String> raw, String trustKey) {
        if (trustKey == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServerTrust.anchors(trustKey, HubConfigReader.paths(raw, trustKey)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the refusal says why
        }
    }

    /** The certificate {@code certificateKey} names, opened as the hub opens it; empty when unset or unusable. */
    private static Optional<ClientCertificate> certificate(Map<String, String> raw, String certificateKey,
            String passwordKey) {
        if (certificateKey == null || raw.get(certificateKey) == null || raw.get(certificateKey).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GatewaySettingsReader.certificate(raw, certificateKey, passwordKey, new ArrayList<>()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the refusal says why
        }
    }
}
