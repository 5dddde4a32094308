package fr.vigie.hub.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Debian version order, with dpkg itself as the judge. */
class DebianVersionTest {
    /** Pairs whose order trips naive comparisons: tildes, epochs, leading zeros, letters against symbols. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"0.2.0~rc1", "0.2.0"}, new String[] {"0.2.0", "0.2.0+deb1"}, new String[] {"1.0", "1.0-1"},
            new String[] {"1:0.1", "0.9"}, new String[] {"1.10", "1.9"}, new String[] {"1.01", "1.1"},
            new String[] {"1.0a", "1.0+"}, new String[] {"1.0~~", "1.0~"}, new String[] {"2.0-1", "2.0-1.1"},
            new String[] {"0.1.0-SNAPSHOT", "0.1.0"}, new String[] {"1.2.3-4", "1.2.3-10"},
            new String[] {"9", "10"}, new String[] {"1.0.0~beta2", "1.0.0~beta10"}, new String[] {"1a", "1"},
            new String[] {"2:1.0", "1:9.9"}, new String[] {"1.0-a", "1.0-A"}, new String[] {"3.0.0.1", "3.0.0"});

    @Test
    void ordersAsDpkgDoes() throws Exception {
        Assumptions.assumeTrue(dpkgAvailable(), "dpkg is not installed here");
        for (String[] pair : PAIRS) {
            for (String[] p : List.of(pair, new String[] {pair[1], pair[0]}, new String[] {pair[0], pair[0]})) {
                int ours = Integer.signum(DebianVersion.parse(p[0]).compareTo(DebianVersion.parse(p[1])));
                assertEquals(dpkgOrder(p[0], p[1]), ours, p[0] + " against " + p[1]);
            }
        }
    }

    @Test
    void writesWhatItRead() {
        assertEquals("1:0.2.0~rc1-3", DebianVersion.parse("1:0.2.0~rc1-3").toString());
        assertEquals(new DebianVersion(0, "1.2-3", "4"), DebianVersion.parse("1.2-3-4"));
    }

    @Test
    void refusesWhatIsNotAVersion() {
        for (String bad : List.of("", "abc", "1.0 beta", "x:1.0", "1.0-", "-1", "1_0")) {
            assertThrows(IllegalArgumentException.class, () -> DebianVersion.parse(bad), bad);
        }
    }

    private static int dpkgOrder(String a, String b) throws IOException, InterruptedException {
        if (run(a, "lt", b)) {
            return -1;
        }
        return run(a, "eq", b) ? 0 : 1;
    }

    private static boolean run(String a, String op, String b) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dpkg", "--compare-versions", a, op, b).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dpkg --compare-versions did not answer");
        }
        return p.exitValue() == 0;
    }

    private static boolean dpkgAvailable() {
        try {
            return run("1", "lt", "2");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
