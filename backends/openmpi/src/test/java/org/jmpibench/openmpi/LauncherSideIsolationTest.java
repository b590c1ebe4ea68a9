package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher JVM may hold MPJ Express's {@code mpi.MPI}: asking the backend its name and availability and for a
 * launcher must not need Open MPI's classes. Proven by loading the backend where Open MPI's jar is absent.
 */
class LauncherSideIsolationTest {

    @Test
    void nameAvailabilityAndLauncherWorkWithoutOpenMpisClasses() throws Exception {
        List<URL> withoutMpiJar = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (!file.equals("mpi.jar") && !file.startsWith("openmpi-mpi")) {
                withoutMpiJar.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader =
                new URLClassLoader(withoutMpiJar.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("mpi.MPI"))
                    .as("Open MPI's classes are really absent")
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> backendClass = loader.loadClass(OpenMpiBackend.class.getName());
            Object backend = backendClass.getConstructor().newInstance();

            assertThat(backendClass.getMethod("name").invoke(backend)).isEqualTo("openmpi");
            Object availability = backendClass.getMethod("availability").invoke(backend);
            assertThat(availability.getClass().getMethod("reason").invoke(availability))
                    .isNotNull();
            assertThat(backendClass.getMethod("launcher").invoke(backend)).isNotNull();
        }
    }
}
