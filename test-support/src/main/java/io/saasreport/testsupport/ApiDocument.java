package io.saasreport.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code docs/api.md} held to what a service really serves: every endpoint its {@code /q/openapi}
 * describes is in the document's section for the service, and every endpoint that section names is served, so the
 * one API table cannot drift from the code. The document names an endpoint as {@code `METHOD /path`}; a concrete
 * path ({@code /api/v1/editions/latest}) stands for the template it matches ({@code /api/v1/editions/{date}}).
 */
public final class ApiDocument {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/[^`?\\s]*)");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private ApiDocument() {
    }

    /**
     * Asserts that the section {@code ## <section>} of docs/api.md and the OpenAPI document's {@code paths} (as
     * parsed from its JSON form) name the same endpoints under {@code /api/}.
     */
    public static void assertDocuments(String section, Map<String, Map<String, Object>> openApiPaths) {
        Set<String> served = new TreeSet<>();
        openApiPaths.forEach((path, operations) -> {
            if (path.startsWith("/api/")) {
                operations.keySet().stream().filter(METHODS::contains)
                        .forEach(method -> served.add(method.toUpperCase() + " " + path));
            }
        });
        Set<String> documented = endpoints(section);

        Set<String> undocumented = new TreeSet<>();
        for (String endpoint : served) {
            if (documented.stream().noneMatch(named -> matches(endpoint, named))) {
                undocumented.add(endpoint);
            }
        }
        Set<String> notServed = new TreeSet<>();
        for (String named : documented) {
            if (served.stream().noneMatch(endpoint -> matches(endpoint, named))) {
                notServed.add(named);
            }
        }
        assertEquals(Set.of(), undocumented, "served but missing from docs/api.md, section \"" + section + "\"");
        assertEquals(Set.of(), notServed, "named in docs/api.md, section \"" + section + "\", but not served");
    }

    /** The endpoints ({@code "GET /api/v1/…"}) the section names, query strings left out. */
    static Set<String> endpoints(String section) {
        String text = read();
        int start = text.indexOf("\n## " + section);
        if (start < 0) {
            throw new IllegalStateException("docs/api.md has no section \"## " + section + "\"");
        }
        int end = text.indexOf("\n## ", start + 1);
        Matcher matcher = ENDPOINT.matcher(text.substring(start, end < 0 ? text.length() : end));
        Set<String> endpoints = new TreeSet<>();
        while (matcher.find()) {
            endpoints.add(matcher.group(1) + " " + matcher.group(2));
        }
        return endpoints;
    }

    /** Whether a served endpoint (its path a template) is the one the document names. */
    static boolean matches(String served, String named) {
        String template = Pattern.quote(served).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
        return named.matches(template);
    }

    private static String read() {
        // Tests run in their module's folder; the document sits at the repository's root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path document = dir.resolve("docs/api.md");
            if (Files.isRegularFile(document)) {
                try {
                    return Files.readString(document);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no docs/api.md in " + Path.of("").toAbsolutePath() + " or above");
    }
}
