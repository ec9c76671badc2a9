package io.saasreport.testsupport;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresPrograms}: run, skip with the reason, or fail when programs are required. */
public final class RequiredProgramsCondition implements ExecutionCondition {

    /** Set to {@code true} where the programs must be present (CI): a missing one fails instead of skipping. */
    public static final String REQUIRE_VARIABLE = "REQUIRE_TEST_PROGRAMS";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<Program> needed = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresPrograms.class))
                .map(annotation -> List.of(annotation.value()))
                .orElse(List.of());
        ConditionEvaluationResult result = evaluate(needed, System.getenv().getOrDefault("PATH", ""),
                Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE)));
        if (result.isDisabled()) {
            SkippedTestsSummary.record(context.getDisplayName(), result.getReason().orElseThrow());
        }
        return result;
    }

    static ConditionEvaluationResult evaluate(List<Program> needed, String path, boolean required) {
        List<Program> missing = needed.stream().filter(program -> program.findOn(path).isEmpty()).toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("every program it needs is on the PATH");
        }
        String reason = "needs " + join(missing, Program::command, ", ") + " (not on the PATH): apt-get install "
                + join(missing, Program::debianPackage, " ");
        if (required) {
            throw new IllegalStateException(reason + " (" + REQUIRE_VARIABLE + "=true: required here)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    private static String join(List<Program> programs, Function<Program, String> name, String separator) {
        return programs.stream().map(name).collect(Collectors.joining(separator));
    }
}
