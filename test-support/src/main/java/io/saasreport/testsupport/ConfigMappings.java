package io.saasreport.testsupport;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;

/**
 * A service's {@code @ConfigMapping} read from given values only, and validated as Quarkus validates it at start
 * (Hibernate Validator's constraints on the mapping): what a configuration test needs without starting the service.
 */
public final class ConfigMappings {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private ConfigMappings() {
    }

    /** The mapping of {@code values}; a missing or invalid value throws {@code ConfigValidationException}. */
    public static <T> T read(Class<T> mapping, Map<String, String> values) {
        BeanValidationConfigValidator validator = () -> VALIDATOR;
        return new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(values, "test values", 100))
                // Quarkus' reading of durations: "15s" as well as "PT15S".
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidator(validator)
                .build()
                .getConfigMapping(mapping);
    }
}
