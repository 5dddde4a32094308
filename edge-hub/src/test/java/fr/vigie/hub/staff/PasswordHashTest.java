package fr.vigie.hub.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private final PasswordHash hashes = new PasswordHash(new SecureRandom());

    @Test
    void storedFormIsArgon2idPhcWithOwaspParametersAndASalt() {
        String a = hashes.hash("correct horse".toCharArray());
        String b = hashes.hash("correct horse".toCharArray());
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "each hash has its own salt");
        assertFalse(a.contains("correct"));
    }

    @Test
    void verifiesTheRightPasswordOnlyIncludingNonAscii() {
        String stored = hashes.hash("mot de passe é€".toCharArray());
        assertTrue(hashes.verify("mot de passe é€".toCharArray(), stored));
        assertFalse(hashes.verify("mot de passe e€".toCharArray(), stored));
        assertFalse(hashes.verify(new char[0], stored));
    }

    @Test
    void verifiesWithTheParametersWrittenInTheStoredString() {
        String stored = hashes.hash("pw-123456789".toCharArray());
        String weaker = stored.replace("m=19456,t=2", "m=4096,t=1");
        assertFalse(hashes.verify("pw-123456789".toCharArray(), weaker), "parameters are part of what is checked");
    }

    @Test
    void malformedStoredStringsNeverMatch() {
        for (String bad : new String[] {null, "", "plain", "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA",
                "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA", "$argon2id$v=19$m=19456,t=2,p=1$!!$AAAA"}) {
            assertFalse(hashes.verify("x".toCharArray(), bad), String.valueOf(bad));
        }
    }

    @Test
    void viewerMayOnlyReadAndRolesParseInAnyCase() throws Exception {
        assertTrue(StaffRole.parse("Admin").mayMutate());
        assertFalse(StaffRole.parse("viewer").mayMutate());
        assertTrue(StaffRole.ADMIN.covers(StaffRole.VIEWER));
        assertFalse(StaffRole.VIEWER.covers(StaffRole.ADMIN));
        StaffRejection e = org.junit.jupiter.api.Assertions.assertThrows(StaffRejection.class, () -> StaffRole.parse("root"));
        assertEquals(StaffError.STAFF_ROLE_INVALID, e.error());
    }
}
