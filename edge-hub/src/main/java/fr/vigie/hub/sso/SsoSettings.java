package fr.vigie.hub.sso;

import fr.vigie.config.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's OpenID Provider ({@code hub.sso.*}). Off unless {@code hub.sso.enabled=true}; on, it listens on
 * its own HTTPS listener (server certificate from the site CA, for the device API's names; no client
 * certificate asked) so that browsers and the applications' back ends reach it without the kiosks' mutual TLS
 * and without the console. Immutable.
 *
 * @param enabled whether the OP runs ({@code hub.sso.enabled}, default false)
 * @param bind address its listener binds to ({@code hub.sso.bind}, default the device API's)
 * @param port its port ({@code hub.sso.port}, default 9443; 0 for a free one, the default when
 *     {@code hub.http.port} is 0)
 * @param issuer the issuer applications are configured with ({@code hub.sso.issuer}, an {@code https} URL
 *     without query or fragment); empty: {@code https://<first server name>:<port>}
 * @param tapWindow how long after a card + PIN sign-in a contactless tap of the same clinician opens a session
 *     ({@code hub.sso.tap-window-minutes}, 1 to 1440, default 480)
 */
public record SsoSettings(boolean enabled, String bind, int port, Optional<URI> issuer, Duration tapWindow) {
    public static final String ENABLED = "hub.sso.enabled";
    public static final String BIND = "hub.sso.bind";
    public static final String PORT = "hub.sso.port";
    public static final String ISSUER = "hub.sso.issuer";
    public static final String TAP_WINDOW_MINUTES = "hub.sso.tap-window-minutes";
    /** The default port. */
    public static final int DEFAULT_PORT = 9443;
    /** The descriptors of these keys, for {@code HubSettingsCatalogue}. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.define(ENABLED).bool(false).words("Authentification unique (SSO)", "Single sign-on (SSO)",
                    "Le hub ouvre les applications de l'établissement aux soignants connectés à une borne.",
                    "Whether the hub is the OpenID Provider of the site's applications (single sign-on from the"
                            + " kiosk session)."),
            Setting.define(BIND).textValue("").words("Adresse d'écoute du SSO", "SSO listen address",
                    "Adresse où le fournisseur d'identité écoute (vide : celle de l'API des bornes).",
                    "Address the OpenID Provider's HTTPS listener binds to; empty: the device API's."),
            Setting.define(PORT).integer(DEFAULT_PORT, 0, 65_535).words("Port du SSO", "SSO port",
                    "Port HTTPS du fournisseur d'identité (libre si hub.http.port vaut 0).",
                    "The OpenID Provider's HTTPS port (a free port when hub.http.port is 0)."),
            Setting.define(ISSUER).textValue("").words("Émetteur du SSO", "SSO issuer",
                    "Adresse https que les applications connaissent (vide : https://<premier nom du hub>:<port>).",
                    "The issuer applications are configured with: an https URL without query, fragment or trailing"
                            + " slash; empty: https://<first device API name>:<port>."),
            Setting.define(TAP_WINDOW_MINUTES).integer(480, 1, 1440).unit("min").words("Fenêtre du sans-contact (SSO)",
                    "Contactless window (SSO)",
                    "Après carte et code, durée pendant laquelle un passage sans contact ouvre les applications.",
                    "How long after a card + PIN sign-in a contactless tap of the same clinician opens an SSO"
                            + " session."));
    public static final List<String> KEYS = SETTINGS.stream().map(Setting::key).toList();

    public SsoSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(issuer, "issuer");
        issuer.ifPresent(SsoSettings::checkIssuer);
        if (tapWindow.compareTo(Duration.ofMinutes(1)) < 0 || tapWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(TAP_WINDOW_MINUTES + " must be between 1 and 1440, got "
                    + tapWindow.toMinutes());
        }
    }

    /** Off. */
    public static SsoSettings off() {
        return new SsoSettings(false, "0.0.0.0", DEFAULT_PORT, Optional.empty(), Duration.ofHours(8));
    }

    private static void checkIssuer(URI issuer) {
        if (!"https".equals(issuer.getScheme()) || issuer.getHost() == null || issuer.getQuery() != null
                || issuer.getFragment() != null || issuer.toString().endsWith("/")) {
            throw new IllegalArgumentException(ISSUER + " must be an https URL without query, fragment or trailing"
                    + " slash, got " + issuer);
        }
    }
}
