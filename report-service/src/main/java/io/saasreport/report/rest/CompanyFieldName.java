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

import io.saasreport.report.domain.CompanyField;

/** The name of a field of the companies table (a metric, {@code ticker}, {@code name} or {@code asOf}). */
@Documented
@Constraint(validatedBy = CompanyFieldName.Validator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CompanyFieldName {

    String message() default "not a field of the companies table";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CompanyFieldName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || CompanyField.named(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "unknown field '" + value.replace("{", "").replace("$", "") + "'; one of " + CompanyField.names())
                    .addConstraintViolation();
            return false;
        }
    }
}
