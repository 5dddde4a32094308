package fr.vigie.hub;

import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.directory.DirectorySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's gateways to the national services as the site configured them: INSi ({@code hub.insi.*}),
 * Pro Santé Connect ({@code hub.psc.*}), the ApCV issuer's keys ({@code hub.apcv.*}) and the establishment's
 * directory of local accounts ({@code hub.directory.*}). A gateway
 * without settings is off: its steps answer {@code INSI_UNAVAILABLE}, {@code CIBA_UNAVAILABLE} or
 * {@code APCV_NOT_CONFIGURED}. Immutable.
 *
 * @param insi the INSi gateway, when {@code hub.insi.endpoint} is set
 * @param psc the PSC gateway, when {@code hub.psc.discovery-url} is set
 * @param apcv the ApCV trust, when {@code hub.apcv.keys-file} or {@code hub.apcv.keys-url} is set
 * @param directory the directory of local accounts, when {@code hub.directory.url} is set
 * @param secretFiles the files of these settings that hold secrets (PKCS#12 files, their password
 *        files, the PSC client secret, the directory's bind password), checked owner-only at every start
 */
public record GatewaySettings(Optional<InsiGatewaySettings> insi, Optional<PscGatewaySettings> psc,
        Optional<ApcvSettings> apcv, Optional<DirectorySettings> directory, List<Path> secretFiles) {
    public GatewaySettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(insi, "insi");
        Objects.requireNonNull(psc, "psc");
        Objects.requireNonNull(apcv, "apcv");
        secretFiles = List.copyOf(secretFiles);
    }

    /** No gateway at all. */
    public static GatewaySettings none() {
        return new GatewaySettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public String toString() {
        return "GatewaySettings[insi=" + insi.map(i -> i.endpoint() + " as " + i.certificate().commonName().orElse("?"))
                .orElse("off") + ", psc=" + psc.map(PscGatewaySettings::toString).orElse("off") + ", apcv="
                + apcv.map(a -> a.keys() + " from " + a.issuer()).orElse("off") + ", directory="
                + directory.map(DirectorySettings::toString).orElse("off") + "]";
    }
}
