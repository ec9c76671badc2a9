package io.saasreport.universe.rule;

import java.util.regex.Pattern;

/**
 * Names of universes: the key of a definition on {@code universe.definitions}, of its figures on
 * {@code metrics.universe} and of its alerts. The default universe (every company) is {@value #DEFAULT}, its key
 * since the first version; no definition may take that name.
 */
public final class UniverseNames {

    public static final String DEFAULT = "universe";
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private UniverseNames() {
    }

    /** Why the name cannot name a defined universe, or null when it can. */
    public static String problemWith(String name) {
        if (name == null || !PATTERN.matcher(name).matches()) {
            return "a universe name is 1 to 63 lower-case letters, digits or '-', starting with a letter or digit";
        }
        if (DEFAULT.equals(name)) {
            return "'" + DEFAULT + "' is the default universe (every company); it cannot be defined or removed";
        }
        return null;
    }
}
