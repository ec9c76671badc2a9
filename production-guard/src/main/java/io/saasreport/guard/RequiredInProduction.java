package io.saasreport.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Refuses, in the prod profile, a configuration whose logins are incomplete, naming every missing setting, as soon
 * as a login is first read, before the first connection (Flyway migrates before any bean starts):
 *
 * <ul>
 * <li>every name of {@code saasreport.required-settings} (e.g. {@code quarkus.datasource.username}) must have a
 * value;</li>
 * <li>while {@code kafka.security.protocol} is SASL, so must every name of {@code saasreport.required-settings-for-sasl}
 * (e.g. {@code KAFKA_PASSWORD}).</li>
 * </ul>
 *
 * The check runs when one of those settings, or Kafka's bootstrap servers, is read. Both lists are set under
 * {@code %prod} only, so dev, test and the build are untouched. The failure is an {@link IllegalStateException}
 * on purpose: Quarkus hands a property it cannot resolve (a NoSuchElementException) to Kafka and the datasource
 * as absent, and the service would start and fail later without saying why.
 */
@Priority(Priorities.APPLICATION + 100)
public class RequiredInProduction implements ConfigSourceInterceptor {

    static final String REQUIRED = "saasreport.required-settings";
    static final String REQUIRED_FOR_SASL = "saasreport.required-settings-for-sasl";
    private static final Set<String> KAFKA_ADDRESSES = Set.of("kafka.bootstrap.servers",
            "quarkus.kafka-streams.bootstrap-servers");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (name.startsWith("saasreport.")) {
            return value;
        }
        List<String> required = list(context, REQUIRED);
        if (KAFKA_ADDRESSES.contains(name) || required.contains(name)) {
            List<String> all = new ArrayList<>(required);
            if (sasl(context)) {
                all.addAll(list(context, REQUIRED_FOR_SASL));
            }
            List<String> missing = all.stream().filter(setting -> isBlank(context.proceed(setting)))
                    .map(RequiredInProduction::describe).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Missing setting(s) required in production: " + String.join(", ", missing)
                        + ". There is no default outside dev and test: set them (see docs/operations.md, Security)");
            }
        }
        return value;
    }

    private static boolean sasl(ConfigSourceInterceptorContext context) {
        ConfigValue protocol = context.proceed("kafka.security.protocol");
        return !isBlank(protocol) && protocol.getValue().toUpperCase(Locale.ROOT).startsWith("SASL");
    }

    private static List<String> list(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (isBlank(value)) {
            return List.of();
        }
        return Stream.of(value.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isBlank(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }

    /** "quarkus.datasource.username (env QUARKUS_DATASOURCE_USERNAME)", or just the variable's name. */
    static String describe(String name) {
        String env = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return env.equals(name) ? name : name + " (env " + env + ")";
    }
}
