package fr.vigie.system.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.system.packaging.ArtifactPom.DeclaredLicence;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceNamesTest {
    private static DeclaredLicence declared(String name, String url) {
        return new DeclaredLicence(name, url);
    }

    @Test
    void pomNamesAsProjectsWriteThemBecomeDebianShortNames() throws Exception {
        assertThat(LicenceNames.expression("jackson", List.of(declared("The Apache Software License, Version 2.0",
                "https://www.apache.org/licenses/LICENSE-2.0.txt")))).isEqualTo("Apache-2.0");
        assertThat(LicenceNames.expression("bc", List.of(declared("Bouncy Castle Licence",
                "https://www.bouncycastle.org/licence.html")))).isEqualTo("Expat");
        assertThat(LicenceNames.expression("jaxb", List.of(declared("EDL 1.0", "")))).isEqualTo("BSD-3-clause");
        assertThat(LicenceNames.expression("slf4j", List.of(declared("MIT", "https://opensource.org/license/mit"))))
                .isEqualTo("Expat");
        assertThat(LicenceNames.expression("pg", List.of(declared("BSD-2-Clause", "")))).isEqualTo("BSD-2-clause");
        assertThat(LicenceNames.expression("flyway", List.of(declared("Apache License, Version 2.0",
                "https://github.com/flyway/flyway/blob/main/README.txt")))).isEqualTo("Apache-2.0");
    }

    @Test
    void severalLicencesAreAChoiceAndDescriptionsAreSkipped() throws Exception {
        assertThat(LicenceNames.expression("jetty", List.of(
                declared("Eclipse Public License - Version 2.0", "https://www.eclipse.org/legal/epl-2.0/"),
                declared("Apache Software License - Version 2.0", "https://www.apache.org/licenses/LICENSE-2.0"))))
                .isEqualTo("EPL-2.0 or Apache-2.0");
        assertThat(LicenceNames.expression("logback", List.of(
                declared("Eclipse Public License - v 1.0", "http://www.eclipse.org/legal/epl-v10.html"),
                declared("GNU Lesser General Public License", "http://www.gnu.org/licenses/old-licenses/lgpl-2.1.html"))))
                .isEqualTo("EPL-1.0 or LGPL-2.1");
        assertThat(LicenceNames.expression("hapi", List.of(declared("HAPI is dual licensed (MPL, GPL)", ""),
                declared("Mozilla Public License 1.1", "http://www.mozilla.org/MPL/MPL-1.1.txt"),
                declared("GNU General Public License", "http://www.gnu.org/licenses/gpl.txt"))))
                .isEqualTo("MPL-1.1 or GPL");
    }

    @Test
    void anUnknownOrMissingLicenceStopsThePackageNamingTheJar() {
        assertThatThrownBy(() -> LicenceNames.expression("com.example:odd:1.0", List.of(declared("Odd Licence", ""))))
                .isInstanceOf(LicenceNames.UnknownLicenceException.class).hasMessageContaining("com.example:odd:1.0")
                .hasMessageContaining("Odd Licence");
        assertThatThrownBy(() -> LicenceNames.expression("com.example:none:1.0", List.of()))
                .isInstanceOf(LicenceNames.UnknownLicenceException.class).hasMessageContaining("declares no licence");
    }

    @Test
    void everyShortNameSaysWhereItsTextIs() {
        for (String name : List.of("Apache-2.0", "Expat", "BSD-3-clause", "EPL-2.0", "LGPL-2.1+", "public-domain",
                "GPL-2 with Classpath-2.0 exception", "CDDL-1.1", "Unicode-3.0", "0BSD")) {
            assertThat(LicenceNames.whereToRead(name)).isNotBlank();
        }
        assertThat(LicenceNames.whereToRead("Apache-2.0")).contains("/usr/share/common-licenses/Apache-2.0");
    }
}
