package io.saasreport.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives programs outside the JVM. Where one is not on the PATH the class is skipped
 * with a one-line reason naming the Debian packages to install, and the skip is listed at the end of the
 * module's tests ({@link SkippedTestsSummary}). With {@code REQUIRE_TEST_PROGRAMS=true} in the environment
 * (as CI sets it) a missing program fails the class instead, so these tests never silently stop running.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredProgramsCondition.class)
public @interface RequiresPrograms {

    Program[] value();
}
