package fr.vigie.hub.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.sso.LocalAccounts.LocalAccount;
import fr.vigie.hub.sso.LocalAccounts.LookupFailed;
import fr.vigie.hub.testing.TestSlapd;
import fr.vigie.hub.tls.ServerTrust;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LdapDirectory} against a real OpenLDAP ({@link TestSlapd}, one per class): lookups by national
 * identifier and by login, groups by search and by memberOf, escaping, LDAPS trust and names, failures.
 */
class LdapDirectoryIT {
    static final String CLAIRE = "810001234565";
    static final String TWICE = "810001234581";
    static final String LUC_RPPS = "10001234599";

    @TempDir
    static Path dir;
    static TestSlapd slapd;

    @BeforeAll
    static void start() throws Exception {
        slapd = TestSlapd.start(dir, String.join("\n",
                person("cmartin", "Claire", "MARTIN", "employeeNumber: " + CLAIRE),
                person("jdurand", "Jean", "DURAND", null),
                person("lpetit", "Luc", "PETIT", "departmentNumber: " + LUC_RPPS),
                person("dup1", "Anne", "UN", "employeeNumber: " + TWICE),
                person("dup2", "Anne", "DEUX", "employeeNumber: " + TWICE)));
        slapd.add(String.join("\n", group("urgences", "cmartin", "jdurand"), group("ide", "cmartin"),
                group("pharmacie", "jdurand")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    static String person(String uid, String given, String family, String extra) {
        return "dn: uid=" + uid + "," + TestSlapd.PEOPLE + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: "
                + given + " " + family + "\nsn: " + family + "\ngivenName: " + given + "\n"
                + (extra == null ? "" : extra + "\n");
    }

    static String group(String cn, String... uids) {
        StringBuilder b = new StringBuilder("dn: cn=" + cn + "," + TestSlapd.GROUPS + "\nobjectClass: groupOfNames\ncn: "
                + cn + "\n");
        for (String uid : uids) {
            b.append("member: uid=").append(uid).append(",").append(TestSlapd.PEOPLE).append("\n");
        }
        return b.append("\n").toString();
    }

    static DirectorySettings settings(String url, String password, String idAttribute, String idFormat,
            String groupSearchBase, Path anchor, int cacheSeconds) {
        return DirectorySettings.of(URI.create(url), TestSlapd.SERVICE_DN, password, TestSlapd.PEOPLE, idAttribute,
                idFormat, "uid", null, groupSearchBase, null, ServerTrust.anchors(DirectorySettings.TRUST_ANCHORS,
                        anchor == null ? List.of() : List.of(anchor)), 1000, 2000, cacheSeconds);
    }

    static LdapDirectory directory(DirectorySettings settings) {
        return new LdapDirectory(settings, MutableClock.followingSystemTime());
    }

    static LdapDirectory ldaps() {
        return directory(settings(slapd.ldapsUrl(), TestSlapd.SERVICE_PASSWORD, "employeeNumber", null,
                TestSlapd.GROUPS, slapd.ca(), 0));
    }

    static IdNatPs id(String value) throws Exception {
        return IdNatPs.parse(value);
    }

    @Test
    void theNationalIdentityFindsTheLoginAndGroupsOverLdapsWithTheTrustAnchors() throws Exception {
        assertEquals(Optional.of(new LocalAccount("cmartin", List.of("ide", "urgences"))),
                ldaps().byNationalId(id(CLAIRE)));
    }

    @Test
    void groupsAreReadFromMemberOfWhenNoGroupSearchBaseIsSet() throws Exception {
        LdapDirectory d = directory(settings(slapd.ldapsUrl(), TestSlapd.SERVICE_PASSWORD, "employeeNumber", null,
                null, slapd.ca(), 0));

        assertEquals(List.of("ide", "urgences"), d.byNationalId(id(CLAIRE)).orElseThrow().groups());
        assertEquals(List.of("pharmacie", "urgences"), d.byLogin("jdurand").orElseThrow().groups());
    }

    @Test
    void anUnknownProfessionalOrOneWithoutTheAttributeHasNoAccount() throws Exception {
        LdapDirectory d = ldaps();

        assertEquals(Optional.empty(), d.byNationalId(id("810001234607")));
        assertEquals(Optional.empty(), d.byLogin("nobody"));
        // jdurand exists but carries no identifier: found by login only
        assertEquals("jdurand", d.byLogin("jdurand").orElseThrow().login());
    }

    @Test
    void theRppsFormatSearchesTheElevenDigitsWithoutTheTypePrefix() throws Exception {
        LdapDirectory d = directory(settings(slapd.ldapsUrl(), TestSlapd.SERVICE_PASSWORD, "departmentNumber",
                "rpps", TestSlapd.GROUPS, slapd.ca(), 0));

        assertEquals("lpetit", d.byNationalId(id("8" + LUC_RPPS)).orElseThrow().login());
        assertEquals(Optional.empty(), d.byNationalId(id(CLAIRE)));
    }

    @Test
    void filterValuesAreEscapedSoAnInjectionMatchesNothing() throws Exception {
        LdapDirectory d = ldaps();

        // unescaped, "*" would match every account carrying the attribute (four: an ambiguity error),
        // and the others would widen or close the filter
        assertEquals(Optional.empty(), d.byAttribute("employeeNumber", "*"));
        assertEquals(Optional.empty(), d.byAttribute("employeeNumber", CLAIRE + ")(uid=*"));
        assertEquals(Optional.empty(), d.byAttribute("uid", "cmartin)(|(uid=*"));
        assertEquals(Optional.empty(), d.byAttribute("uid", "cm*"));
        assertEquals(Optional.empty(), d.byAttribute("uid", "cmartin\\00"));
        assertEquals("cmartin", d.byAttribute("uid", "cmartin").orElseThrow().login());
    }

    @Test
    void twoAccountsHoldingOneIdentifierIsAnErrorNotAGuess() {
        LookupFailed e = assertThrows(LookupFailed.class, () -> ldaps().byNationalId(id(TWICE)));

        assertTrue(e.getMessage().contains("more than one account"), e.getMessage());
    }

    @Test
    void anUnreachableDirectoryFailsClearly() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        LdapDirectory d = directory(settings("ldaps://127.0.0.1:" + closed, TestSlapd.SERVICE_PASSWORD,
                "employeeNumber", null, null, slapd.ca(), 60));

        LookupFailed e = assertThrows(LookupFailed.class, () -> d.byNationalId(id(CLAIRE)));

        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void aDirectoryThatNeverAnswersFailsAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // the kernel completes the connection (backlog); nobody ever reads or answers the bind
            DirectorySettings s = DirectorySettings.of(URI.create("ldap://127.0.0.1:" + silent.getLocalPort()),
                    TestSlapd.SERVICE_DN, TestSlapd.SERVICE_PASSWORD, TestSlapd.PEOPLE, "employeeNumber", null, null,
                    null, null, null, ServerTrust.jvmDefault(), 500, 300, 0);

            LookupFailed e = assertThrows(LookupFailed.class, () -> directory(s).byNationalId(id(CLAIRE)));

            assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
        }
    }

    @Test
    void aWrongBindPasswordIsRefusedAndNamesTheBindNotThePassword() {
        LdapDirectory d = directory(settings(slapd.ldapsUrl(), "wrong-password", "employeeNumber", null, null,
                slapd.ca(), 0));

        LookupFailed e = assertThrows(LookupFailed.class, () -> d.byNationalId(id(CLAIRE)));

        assertTrue(e.getMessage().contains("refused the hub's bind as " + TestSlapd.SERVICE_DN), e.getMessage());
        assertTrue(!e.getMessage().contains("wrong-password"));
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        LdapDirectory d = directory(settings(slapd.ldapsUrl(), TestSlapd.SERVICE_PASSWORD, "employeeNumber", null,
                null, slapd.otherCa(), 0));

        LookupFailed e = assertThrows(LookupFailed.class, () -> d.byNationalId(id(CLAIRE)));

        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        LdapDirectory d = directory(settings(slapd.ldapsUrlByName(), TestSlapd.SERVICE_PASSWORD, "employeeNumber",
                null, null, slapd.ca(), 0));

        assertThrows(LookupFailed.class, () -> d.byNationalId(id(CLAIRE)));
    }

    @Test
    void plainLdapOnLoopbackWorksAndAnswersAreCachedForTheirTtl() throws Exception {
        MutableClock clock = MutableClock.followingSystemTime();
        LdapDirectory d = new LdapDirectory(settings(slapd.ldapUrl(), TestSlapd.SERVICE_PASSWORD, "employeeNumber",
                null, TestSlapd.GROUPS, null, 60), clock);
        slapd.add(person("tcache", "Tom", "CACHE", "employeeNumber: 810001234623"));
        assertEquals("tcache", d.byNationalId(id("810001234623")).orElseThrow().login());

        slapd.modify("dn: uid=tcache," + TestSlapd.PEOPLE + "\nchangetype: modify\ndelete: employeeNumber\n");

        assertEquals("tcache", d.byNationalId(id("810001234623")).orElseThrow().login(), "cached");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Optional.empty(), d.byNationalId(id("810001234623")));
    }
}
