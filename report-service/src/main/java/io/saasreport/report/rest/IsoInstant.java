package io.saasreport.report.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An optional parameter that, when given, is an ISO-8601 instant such as {@code 2026-11-20T21:21:00Z}. */
@Documented
@Constraint(validatedBy = IsoInstant.Validator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoInstant {

    String message() default "not an ISO-8601 instant such as 2026-11-20T21:21:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoInstant, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || OptionalInstant.parse(value) != null;
        }
    }
}
