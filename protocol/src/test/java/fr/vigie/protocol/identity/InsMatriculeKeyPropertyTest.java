package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the matricule key over generated bodies, Corsican departments included. */
class InsMatriculeKeyPropertyTest {

    @Property
    @Label("the computed key makes any valid body parse")
    void computedKeyMakesAnyValidBodyParse(@ForAll("validBodies") String body) throws IdentityException {
        int key = InsMatricule.computeKey(body);

        InsMatricule m = InsMatricule.parse(body + two(key));

        assertEquals(body, m.body());
        assertEquals(key, m.key());
        assertTrue(key >= 1 && key <= 97, "key " + key);
    }

    @Property
    @Label("any other key value is reported as a key mismatch naming the expected key")
    void anyOtherKeyIsAMismatch(@ForAll("validBodies") String body, @ForAll @IntRange(min = 0, max = 99) int key)
            throws IdentityException {
        int expected = InsMatricule.computeKey(body);
        if (key == expected) {
            return;
        }

        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse(body + two(key)));

        assertEquals(IdentityError.KEY_MISMATCH, e.error());
        assertTrue(e.getMessage().contains("whose key is " + two(expected)), e.getMessage());
    }

    @Property
    @Label("any change of one digit of a valid matricule is detected")
    void anySingleDigitChangeIsDetected(@ForAll("validBodies") String body,
            @ForAll @IntRange(min = 0, max = 14) int position, @ForAll @IntRange(min = 1, max = 9) int shift)
            throws IdentityException {
        String valid = body + two(InsMatricule.computeKey(body));
        char c = valid.charAt(position);
        if (c < '0' || c > '9') {
            return; // the A or B of a Corsican department is not a digit
        }
        char changed = (char) ('0' + (c - '0' + shift) % 10);
        String altered = valid.substring(0, position) + changed + valid.substring(position + 1);

        assertThrows(IdentityException.class, () -> InsMatricule.parse(altered));
    }

    @Property
    @Label("spaces between groups do not change the matricule")
    void spacesBetweenGroupsAreIgnored(@ForAll("validBodies") String body) throws IdentityException {
        String v = body + two(InsMatricule.computeKey(body));
        String spaced = String.join(" ", v.substring(0, 1), v.substring(1, 3), v.substring(3, 5), v.substring(5, 7),
                v.substring(7, 10), v.substring(10, 13), v.substring(13));

        assertEquals(InsMatricule.parse(v), InsMatricule.parse(spaced));
    }

    @Provide
    Arbitrary<String> validBodies() {
        Arbitrary<String> sex = Arbitraries.of("1", "2");
        Arbitrary<String> year = digits(2).withoutEdgeCases();
        Arbitrary<String> month = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(20, 42),
                Arbitraries.integers().between(50, 99)).map(InsMatriculeKeyPropertyTest::two);
        Arbitrary<String> department = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 99).map(InsMatriculeKeyPropertyTest::two),
                Arbitraries.of("2A", "2B"));
        return Combinators.combine(sex, year, month, department, digits(3).withoutEdgeCases(),
                digits(3).withoutEdgeCases())
                .as((s, y, m, d, commune, order) -> s + y + m + d + commune + order);
    }

    private static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().numeric().ofLength(n);
    }

    static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
