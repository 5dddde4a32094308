package fr.vigie.hub.directory;

import fr.vigie.hub.sso.LocalAccounts.LocalAccount;
import fr.vigie.hub.sso.LocalAccounts.LookupFailed;
import fr.vigie.protocol.identity.IdNatPs;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Reads local accounts from the establishment's directory over JNDI ({@link DirectorySettings}): one bind as the
 * hub's service account per lookup, with connect and read timeouts (no pool: lookups are rare — one per token —
 * and a fresh bind notices a changed password or directory at once), answers (an account, or none) cached for
 * {@link DirectorySettings#cacheTtl()}. Search values are passed as JNDI filter arguments, which escapes them
 * (RFC 4515): a value never changes the filter. Referrals are not followed (the search stays on the configured
 * server). Two accounts holding one identifier is an error, never a guess. Thread-safe.
 */
public final class LdapDirectory {
    private final DirectorySettings settings;
    private final Clock clock;
    private final SSLSocketFactory tls;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<LocalAccount> account, Instant until) {
    }

    public LdapDirectory(DirectorySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tls = settings.tls() ? tlsFactory(settings) : null;
    }

    /** The settings. */
    public DirectorySettings settings() {
        return settings;
    }

    /** The account whose identifier attribute holds {@code professional}'s idNat_PS (or RPPS, per the settings). */
    public Optional<LocalAccount> byNationalId(IdNatPs professional) throws LookupFailed {
        Optional<String> value = settings.idFormat() == DirectorySettings.IdFormat.RPPS ? professional.rpps()
                : Optional.of(professional.value());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return byAttribute(settings.idAttribute(), value.get());
    }

    /** The account whose login attribute is {@code login} (an IT link, a console check). */
    public Optional<LocalAccount> byLogin(String login) throws LookupFailed {
        return byAttribute(settings.loginAttribute(), login);
    }

    /** The account whose {@code attribute} equals {@code value} (any text: it is escaped). */
    Optional<LocalAccount> byAttribute(String attribute, String value) throws LookupFailed {
        String key = attribute + "\u0000" + value;
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && c.until().isAfter(now)) {
            return c.account();
        }
        Optional<LocalAccount> account = search(attribute, value);
        if (!settings.cacheTtl().isZero()) {
            cache.values().removeIf(e -> !e.until().isAfter(now));
            cache.put(key, new Cached(account, now.plus(settings.cacheTtl())));
        }
        return account;
    }

    /** Forgets cached answers (an IT link changed). */
    public void forget() {
        cache.clear();
    }

    private Optional<LocalAccount> search(String attribute, String value) throws LookupFailed {
        LdapContext ctx = connect();
        try {
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setCountLimit(2);
            controls.setTimeLimit((int) settings.readTimeout().toMillis());
            controls.setReturningAttributes(new String[] {settings.loginAttribute(), settings.groupAttribute()});
            List<SearchResult> found = new ArrayList<>();
            NamingEnumeration<SearchResult> results = ctx.search(settings.baseDn(), "(" + attribute + "={0})",
                    new Object[] {value}, controls);
            try {
                while (results.hasMore()) {
                    found.add(results.next());
                }
            } catch (javax.naming.SizeLimitExceededException e) {
                // more than the two asked for: ambiguous, see below
                found.add(null);
            } finally {
                results.close();
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.size() > 1) {
                throw new LookupFailed("the directory holds more than one account with " + attribute
                        + " = this value: no account is chosen", null);
            }
            SearchResult entry = found.get(0);
            Attribute login = entry.getAttributes().get(settings.loginAttribute());
            if (login == null || login.get() == null) {
                throw new LookupFailed("the directory's account " + entry.getNameInNamespace() + " has no "
                        + settings.loginAttribute(), null);
            }
            return Optional.of(new LocalAccount(login.get().toString(), groups(ctx, entry)));
        } catch (NamingException e) {
            throw failed(e);
        } finally {
            close(ctx);
        }
    }

    private List<String> groups(LdapContext ctx, SearchResult entry) throws NamingException {
        List<String> groups = new ArrayList<>();
        if (settings.groupSearchBase().isPresent()) {
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setCountLimit(1000);
            controls.setTimeLimit((int) settings.readTimeout().toMillis());
            controls.setReturningAttributes(new String[] {"cn"});
            NamingEnumeration<SearchResult> results = ctx.search(settings.groupSearchBase().get(),
                    "(" + settings.groupMemberAttribute() + "={0})", new Object[] {entry.getNameInNamespace()},
                    controls);
            try {
                while (results.hasMore()) {
                    SearchResult g = results.next();
                    Attribute cn = g.getAttributes().get("cn");
                    groups.add(cn != null && cn.get() != null ? cn.get().toString() : leafName(g.getNameInNamespace()));
                }
            } finally {
                results.close();
            }
        } else {
            Attribute memberOf = entry.getAttributes().get(settings.groupAttribute());
            if (memberOf != null) {
                NamingEnumeration<?> values = memberOf.getAll();
                while (values.hasMore()) {
                    groups.add(leafName(values.next().toString()));
                }
            }
        }
        groups.sort(null);
        return groups;
    }

    /** The value of a DN's first RDN ({@code cn=ide,ou=groups,...} → {@code ide}). */
    private static String leafName(String dn) throws NamingException {
        LdapName name = new LdapName(dn);
        return name.isEmpty() ? dn : name.getRdn(name.size() - 1).getValue().toString();
    }

    private LdapContext connect() throws LookupFailed {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, settings.url().toString());
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, settings.bindDn());
        env.put(Context.SECURITY_CREDENTIALS, settings.bindPassword());
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", Long.toString(settings.connectTimeout().toMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", Long.toString(settings.readTimeout().toMillis()));
        env.put("com.sun.jndi.ldap.connect.pool", "false");
        if (tls != null) {
            env.put(Context.SECURITY_PROTOCOL, "ssl");
            env.put("java.naming.ldap.factory.socket", DirectorySocketFactory.class.getName());
            DirectorySocketFactory.set(tls);
        }
        try {
            return new InitialLdapContext(env, null);
        } catch (NamingException e) {
            throw failed(e);
        } finally {
            DirectorySocketFactory.clear();
        }
    }

    private LookupFailed failed(NamingException e) {
        String what = e instanceof javax.naming.AuthenticationException ? "refused the hub's bind as "
                + settings.bindDn() : e instanceof javax.naming.CommunicationException
                        || e instanceof javax.naming.ServiceUnavailableException ? "cannot be reached"
                        : String.valueOf(e.getMessage()).contains("timed out") ? "did not answer within "
                                + settings.readTimeout().toMillis() + " ms" : "failed";
        Throwable root = e.getRootCause() != null ? e.getRootCause() : e;
        return new LookupFailed("the directory " + settings.url() + " " + what + ": "
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage()), e);
    }

    private static void close(LdapContext ctx) {
        try {
            ctx.close();
        } catch (NamingException e) {
            // the connection is gone either way
        }
    }

    private static SSLSocketFactory tlsFactory(DirectorySettings settings) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {settings.trust().trustManager()}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a TLS context", e);
        }
    }
}
