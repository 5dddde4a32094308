package fr.vigie.protocol.device;

import java.util.List;

/**
 * The answer of {@link SsoApi#APPLICATIONS}: the applications IT put on the launchpad of the calling kiosk's
 * group, in the order the launchpad shows them, and the OpenID Provider they sign in at. Immutable.
 *
 * @param issuer the OpenID Provider's issuer (the {@code iss} the kiosk hands an application it starts)
 * @param applications the applications, possibly none
 */
public record SsoApplicationsAnswer(String issuer, List<SsoApplication> applications) {
    public SsoApplicationsAnswer {
        Fields.text("issuer", issuer, 512);
        applications = Fields.list("applications", applications);
    }
}
