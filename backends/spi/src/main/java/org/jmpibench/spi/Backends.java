package org.jmpibench.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds backends on the class path by name. */
public final class Backends {

    private Backends() {}

    /** Every backend on the class path, sorted by name. */
    public static List<Backend> all() {
        List<Backend> found = new ArrayList<>();
        ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(Backend::name));
        return found;
    }

    /**
     * The backend called {@code name}.
     *
     * @throws IllegalArgumentException naming the known backends when there is none by that name
     */
    public static Backend byName(String name) {
        List<Backend> all = all();
        for (Backend backend : all) {
            if (backend.name().equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "'; known backends: "
                + all.stream().map(Backend::name).collect(Collectors.joining(", ")));
    }
}
