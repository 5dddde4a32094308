package fr.vigie.hub.directory;

import fr.vigie.config.Setting;
import fr.vigie.hub.tls.ServerTrust;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * The establishment's directory (LDAP / Active Directory) the hub asks for clinicians' local accounts
 * ({@code hub.directory.*}; off without {@code hub.directory.url}). Immutable; the bind password is never printed.
 *
 * <p>The URL must be {@code ldaps://}: the bind password and the link between a national identity and a local
 * account never cross the network in clear. {@code ldap://} is accepted only to this machine's loopback (a
 * directory or a TLS proxy on the hub's own host, and the tests).
 *
 * @param url the directory ({@code hub.directory.url}, {@code ldaps://host[:port]})
 * @param bindDn the service account the hub binds as ({@code hub.directory.bind-dn})
 * @param bindPassword its password, read from the owner-only file {@code hub.directory.bind-password-file}
 * @param baseDn where accounts are searched, subtree ({@code hub.directory.base-dn})
 * @param idAttribute the attribute holding the professional's identifier ({@code hub.directory.id-attribute},
 *     e.g. {@code employeeID} in Active Directory or a custom attribute in OpenLDAP)
 * @param idFormat what that attribute holds ({@code hub.directory.id-format}: {@code idnat} the idNat_PS with
 *     its type prefix, e.g. {@code 810001234567}, the default; {@code rpps} the 11-digit RPPS without it)
 * @param loginAttribute the account's login ({@code hub.directory.login-attribute}, default {@code uid};
 *     {@code sAMAccountName} in Active Directory)
 * @param groupAttribute the account's attribute listing its groups as DNs ({@code hub.directory.group-attribute},
 *     default {@code memberOf}); used when no group search base is set
 * @param groupSearchBase where groups are searched by member ({@code hub.directory.group-search-base}; empty:
 *     the account's {@code groupAttribute} is read instead)
 * @param groupMemberAttribute the group's attribute naming its members' DNs ({@code hub.directory.group-member-attribute},
 *     default {@code member})
 * @param trust the CAs the directory's certificate must chain to ({@code hub.directory.trust-anchors}; empty:
 *     the JVM's)
 * @param connectTimeout {@code hub.directory.connect-timeout-ms}, 100 to 30000, default 2000
 * @param readTimeout {@code hub.directory.read-timeout-ms}, 100 to 30000, default 3000
 * @param cacheTtl how long an answer (an account, or none) is reused ({@code hub.directory.cache-seconds}, 0 to
 *     3600, default 60)
 */
public record DirectorySettings(URI url, String bindDn, String bindPassword, String baseDn, String idAttribute,
        IdFormat idFormat, String loginAttribute, String groupAttribute, Optional<String> groupSearchBase,
        String groupMemberAttribute, ServerTrust trust, Duration connectTimeout, Duration readTimeout,
        Duration cacheTtl) {
    public static final String URL = "hub.directory.url";
    public static final String BIND_DN = "hub.directory.bind-dn";
    public static final String BIND_PASSWORD_FILE = "hub.directory.bind-password-file";
    public static final String BASE_DN = "hub.directory.base-dn";
    public static final String ID_ATTRIBUTE = "hub.directory.id-attribute";
    public static final String ID_FORMAT = "hub.directory.id-format";
    public static final String LOGIN_ATTRIBUTE = "hub.directory.login-attribute";
    public static final String GROUP_ATTRIBUTE = "hub.directory.group-attribute";
    public static final String GROUP_SEARCH_BASE = "hub.directory.group-search-base";
    public static final String GROUP_MEMBER_ATTRIBUTE = "hub.directory.group-member-attribute";
    public static final String TRUST_ANCHORS = "hub.directory.trust-anchors";
    public static final String CONNECT_TIMEOUT_MS = "hub.directory.connect-timeout-ms";
    public static final String READ_TIMEOUT_MS = "hub.directory.read-timeout-ms";
    public static final String CACHE_SECONDS = "hub.directory.cache-seconds";
    /** The descriptors of these keys, for {@code HubSettingsCatalogue}. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.define(URL).textValue("").words("Annuaire de l'établissement", "Establishment directory",
                    "Adresse ldaps:// de l'annuaire (LDAP ou Active Directory) des comptes locaux ; vide : pas d'annuaire.",
                    "ldaps:// URL of the establishment's LDAP / Active Directory holding clinicians' local accounts"
                            + " (ldap:// only to a loopback address); empty: no directory."),
            Setting.define(BIND_DN).textValue("").words("Compte de connexion à l'annuaire", "Directory bind DN",
                    "DN du compte avec lequel le hub lit l'annuaire.", "DN of the account the hub binds as."),
            Setting.define(BIND_PASSWORD_FILE).textValue("").words("Mot de passe de l'annuaire", "Directory bind password file",
                    "Fichier (lisible par son seul propriétaire) qui contient le mot de passe de ce compte.",
                    "Owner-only file holding the bind password."),
            Setting.define(BASE_DN).textValue("").words("Base de recherche des comptes", "Account search base",
                    "Où les comptes sont cherchés dans l'annuaire.", "Where accounts are searched."),
            Setting.define(ID_ATTRIBUTE).textValue("").words("Attribut de l'identifiant national",
                    "National identifier attribute", "Attribut des comptes qui porte l'idNat_PS ou le RPPS.",
                    "Account attribute holding the professional's idNat_PS or RPPS."),
            Setting.define(ID_FORMAT).choice("idnat", "idnat", "rpps").words("Forme de l'identifiant", "Identifier form",
                    "idnat : l'idNat_PS complet (8 + RPPS) ; rpps : les 11 chiffres du RPPS.",
                    "idnat: the full idNat_PS (8 + RPPS); rpps: the 11-digit RPPS."),
            Setting.define(LOGIN_ATTRIBUTE).textValue("uid").words("Attribut de l'identifiant local", "Login attribute",
                    "Attribut du nom de connexion local (uid, sAMAccountName…).",
                    "Attribute of the local login (uid, sAMAccountName…)."),
            Setting.define(GROUP_ATTRIBUTE).textValue("memberOf").words("Attribut des groupes", "Group attribute",
                    "Attribut des comptes qui liste leurs groupes.", "Account attribute listing its groups."),
            Setting.define(GROUP_SEARCH_BASE).textValue("").words("Base de recherche des groupes", "Group search base",
                    "Si renseignée, les groupes sont aussi cherchés ici par leurs membres.",
                    "When set, groups are also searched there by member."),
            Setting.define(GROUP_MEMBER_ATTRIBUTE).textValue("member").words("Attribut des membres d'un groupe",
                    "Group member attribute", "Attribut des groupes qui nomme leurs membres.",
                    "Group attribute naming its members."),
            Setting.define(TRUST_ANCHORS).list("").words("Autorités de l'annuaire", "Directory trust anchors",
                    "Fichiers PEM des autorités du certificat de l'annuaire (vide : celles de Java).",
                    "PEM files of the CAs the directory's certificate chains to; empty: the JVM's."),
            Setting.define(CONNECT_TIMEOUT_MS).integer(2000, 100, 30_000).unit("ms").words("Délai de connexion à l'annuaire",
                    "Directory connect timeout", "Attente maximale de la connexion.", "Longest wait to connect."),
            Setting.define(READ_TIMEOUT_MS).integer(3000, 100, 30_000).unit("ms").words("Délai de réponse de l'annuaire",
                    "Directory read timeout", "Attente maximale d'une réponse.", "Longest wait for an answer."),
            Setting.define(CACHE_SECONDS).integer(60, 0, 3600).unit("s").words("Mémoire des réponses de l'annuaire",
                    "Directory answer cache", "Durée pendant laquelle une réponse est réutilisée (0 : jamais).",
                    "How long an answer (account or none) is reused; 0: never."));
    public static final List<String> KEYS = SETTINGS.stream().map(Setting::key).toList();
    /** An attribute description: a name (RFC 4512 keystring) or a numeric OID. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}|[0-9]+(\\.[0-9]+)+");

    /** What the identifier attribute holds. */
    public enum IdFormat {
        /** The idNat_PS, type prefix included ({@code 8} + RPPS for an RPPS professional). */
        IDNAT,
        /** The 11-digit RPPS number alone: professionals without an RPPS are not found by attribute. */
        RPPS;

        static IdFormat of(String value) {
            for (IdFormat f : values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(ID_FORMAT + " must be idnat or rpps, got '" + value + "'");
        }
    }

    public DirectorySettings {
        Objects.requireNonNull(url, "url");
        checkUrl(url);
        dn(BIND_DN, bindDn);
        if (bindPassword == null || bindPassword.isEmpty()) {
            throw new IllegalArgumentException(BIND_PASSWORD_FILE + " must hold the bind password");
        }
        dn(BASE_DN, baseDn);
        attribute(ID_ATTRIBUTE, idAttribute);
        Objects.requireNonNull(idFormat, "idFormat");
        attribute(LOGIN_ATTRIBUTE, loginAttribute);
        attribute(GROUP_ATTRIBUTE, groupAttribute);
        Objects.requireNonNull(groupSearchBase, "groupSearchBase");
        groupSearchBase.ifPresent(b -> dn(GROUP_SEARCH_BASE, b));
        attribute(GROUP_MEMBER_ATTRIBUTE, groupMemberAttribute);
        Objects.requireNonNull(trust, "trust");
        between(CONNECT_TIMEOUT_MS, connectTimeout.toMillis(), 100, 30_000);
        between(READ_TIMEOUT_MS, readTimeout.toMillis(), 100, 30_000);
        between(CACHE_SECONDS, cacheTtl.toSeconds(), 0, 3600);
    }

    /** Creates the settings from the keys' values, with the defaults above. */
    public static DirectorySettings of(URI url, String bindDn, String bindPassword, String baseDn, String idAttribute,
            String idFormat, String loginAttribute, String groupAttribute, String groupSearchBase,
            String groupMemberAttribute, ServerTrust trust, int connectTimeoutMs, int readTimeoutMs, int cacheSeconds) {
        return new DirectorySettings(url, bindDn, bindPassword, baseDn, idAttribute,
                IdFormat.of(idFormat == null || idFormat.isBlank() ? "idnat" : idFormat),
                blankOr(loginAttribute, "uid"), blankOr(groupAttribute, "memberOf"),
                Optional.ofNullable(groupSearchBase).filter(b -> !b.isBlank()), blankOr(groupMemberAttribute, "member"),
                trust, Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs),
                Duration.ofSeconds(cacheSeconds));
    }

    /** Whether the connection is LDAP over TLS. */
    public boolean tls() {
        return "ldaps".equalsIgnoreCase(url.getScheme());
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap") || url.getHost() == null
                || !(url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"))
                || url.getQuery() != null || url.getUserInfo() != null) {
            throw new IllegalArgumentException(URL + " must be ldaps://host[:port], got '" + url + "'");
        }
        if (scheme.equals("ldap") && !loopback(url.getHost())) {
            throw new IllegalArgumentException(URL + " must be ldaps:// (ldap:// only to this machine's loopback):"
                    + " the bind password and the professionals' accounts never cross the network in clear, got '"
                    + url + "'");
        }
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name could resolve elsewhere tomorrow
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void dn(String key, String value) {
        try {
            if (value == null || value.isBlank()) {
                throw new InvalidNameException("empty");
            }
            new LdapName(value);
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException(key + " must be a distinguished name, e.g. ou=people,dc=example,dc=org,"
                    + " got '" + value + "'");
        }
    }

    private static void attribute(String key, String value) {
        if (value == null || !ATTRIBUTE.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " must be an LDAP attribute name, got '" + value + "'");
        }
    }

    private static void between(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    @Override
    public String toString() {
        return "DirectorySettings[" + url + " as " + bindDn + ", base " + baseDn + ", " + idAttribute + " ("
                + idFormat.name().toLowerCase(java.util.Locale.ROOT) + ") → " + loginAttribute + ", groups "
                + groupSearchBase.map(b -> "by " + groupMemberAttribute + " under " + b).orElse("from " + groupAttribute)
                + ", " + trust + "]";
    }
}
