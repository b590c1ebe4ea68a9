package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jmpibench.spi.Jdk;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @TempDir
    Path jvm;

    @Test
    void aNameIsADirectoryNameAFeatureReleaseOrTheStartOfADirectoryName() throws IOException {
        Path temurin = fakeJdk("temurin-21-jdk-amd64", "21.0.4+7-LTS", "Eclipse Adoptium");
        Path openjdk = fakeJdk("java-19-openjdk-amd64", "19.0.2+7-Debian-1", "Debian");

        assertThat(Jdks.resolve("temurin-21-jdk-amd64", jvm).home()).isEqualTo(temurin);
        assertThat(Jdks.resolve("21", jvm).home()).isEqualTo(temurin);
        assertThat(Jdks.resolve("temurin-21", jvm).home()).isEqualTo(temurin);
        assertThat(Jdks.resolve("java-19", jvm).home()).isEqualTo(openjdk);
        Jdk jdk = Jdks.resolve("19", jvm);
        assertThat(jdk.version()).isEqualTo(Runtime.Version.parse("19.0.2+7-Debian-1"));
        assertThat(jdk.implementor()).isEqualTo("Debian");
        assertThat(jdk.java()).isEqualTo(openjdk.resolve("bin/java"));
    }

    @Test
    void aLinkToAJdkIsTheSameJdkNotASecondMatch() throws IOException {
        Path real = fakeJdk("java-21-openjdk-amd64", "21.0.4+7", "Debian");
        Files.createSymbolicLink(jvm.resolve("java-1.21.0-openjdk-amd64"), real);

        assertThat(Jdks.resolve("21", jvm).home()).isEqualTo(real);
        assertThat(Jdks.resolve("java-1.21.0-openjdk-amd64", jvm).home())
                .isEqualTo(jvm.resolve("java-1.21.0-openjdk-amd64"));
    }

    @Test
    void twoJdksOfOneNameAreAnErrorNamingBoth() throws IOException {
        fakeJdk("temurin-21-jdk-amd64", "21.0.4+7-LTS", "Eclipse Adoptium");
        fakeJdk("java-21-openjdk-amd64", "21.0.2+13", "Debian");

        assertThatThrownBy(() -> Jdks.resolve("21", jvm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'21' is ambiguous")
                .hasMessageContaining("temurin-21-jdk-amd64")
                .hasMessageContaining("java-21-openjdk-amd64")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownNameIsOneLineListingWhatThereIs() throws IOException {
        fakeJdk("temurin-21-jdk-amd64", "21.0.4+7-LTS", "Eclipse Adoptium");

        assertThatThrownBy(() -> Jdks.resolve("23", jvm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no JDK '23'")
                .hasMessageContaining("temurin-21-jdk-amd64 (21.0.4+7-LTS)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Jdks.resolve("  ", jvm)).hasMessageStartingWith("no JDK given");
    }

    @Test
    void aJdkOlderThan17IsRefusedInOneLine() throws IOException {
        fakeJdk("java-11-openjdk-amd64", "11.0.22+7", "Debian");
        Path eight = fakeJdk("java-8-openjdk-amd64", "1.8.0_392", "Debian");

        assertThatThrownBy(() -> Jdks.resolve("11", jvm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is Java 11.0.22+7; ranks need Java 17 or later")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Jdks.resolve(eight.toString(), jvm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is Java 1.8.0_392; ranks need Java 17 or later");
    }

    @Test
    void aPathIsAJdkHomeOrItsJavaAndMustExist() throws IOException {
        Path home = fakeJdk("some-jdk", "21.0.4+7", "");

        assertThat(Jdks.resolve(home.toString(), jvm).home()).isEqualTo(home);
        assertThat(Jdks.resolve(home.resolve("bin/java").toString(), jvm).home())
                .isEqualTo(home);
        assertThatThrownBy(() -> Jdks.resolve(jvm.resolve("nowhere").toString(), jvm))
                .hasMessage("no JDK at " + jvm.resolve("nowhere") + ": no such directory");
        Path notAJdk = Files.createDirectories(jvm.resolve("not-a-jdk"));
        assertThatThrownBy(() -> Jdks.resolve(notAJdk.toString(), jvm))
                .hasMessage("no JDK at " + notAJdk + ": it has no bin/java");
    }

    @Test
    void aJdkWithoutAReleaseFileIsAskedForItsVersion() throws IOException {
        Path home = jvm.resolve("bare-jdk");
        javaScript(
                home,
                "echo 'Property settings:' >&2\n"
                        + "echo '    java.runtime.version = 21.0.1+12-LTS' >&2\n"
                        + "echo '    java.vendor = Some Vendor' >&2\n"
                        + "echo '    java.library.path = /usr/lib' >&2\n"
                        + "echo '        /lib' >&2\n"
                        + "echo 'openjdk version \"21.0.1\"' >&2\n");

        Jdk jdk = Jdks.resolve(home.toString(), jvm);

        assertThat(jdk.version()).isEqualTo(Runtime.Version.parse("21.0.1+12-LTS"));
        assertThat(jdk.implementor()).isEqualTo("Some Vendor");
    }

    @Test
    void aJavaThatPrintsNoVersionIsOneLine() throws IOException {
        Path home = jvm.resolve("broken-jdk");
        javaScript(home, "echo 'Error: could not create the Java Virtual Machine.' >&2\nexit 1\n");

        assertThatThrownBy(() -> Jdks.resolve(home.toString(), jvm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot tell which Java")
                .hasMessageContaining("exit status 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theRunningJdkIsFoundByItsFeatureReleaseEvenOutsideTheJvmDirectory() {
        Jdk found = Jdks.resolve(Integer.toString(Runtime.version().feature()), jvm);

        assertThat(found.feature()).isEqualTo(Runtime.version().feature());
        assertThat(found.java()).isExecutable();
    }

    @Test
    void theInstalledTemurin25IsFoundByNumberAndByName() {
        Assumptions.assumeTrue(
                Files.isDirectory(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64")), "no Temurin 25 in /usr/lib/jvm here");

        Jdk byNumber = Jdks.resolve("25");
        Jdk byName = Jdks.resolve("temurin-25");

        assertThat(byNumber).isEqualTo(byName);
        assertThat(byNumber.feature()).isEqualTo(25);
        assertThat(byNumber.implementor()).isEqualTo("Eclipse Adoptium");
        assertThat(byNumber.version().build()).isPresent();
    }

    private Path fakeJdk(String name, String version, String implementor) throws IOException {
        Path home = jvm.resolve(name);
        javaScript(home, "echo 'a fake JDK: the release file has its version' >&2\nexit 1\n");
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"" + implementor + "\"\nJAVA_RUNTIME_VERSION=\"" + version + "\"\nJAVA_VERSION=\""
                        + version.split("\\+")[0] + "\"\n");
        return home;
    }

    private static void javaScript(Path home, String body) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
