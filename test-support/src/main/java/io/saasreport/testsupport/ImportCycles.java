package io.saasreport.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The one rule on a service's package structure: its packages import one another one way only. A package that uses
 * another which uses it back (directly or round a longer circle) fails the service's build with the classes on the
 * circle named, so the layers (rest/consume above service/view above domain) cannot quietly merge.
 */
public final class ImportCycles {

    private ImportCycles() {
    }

    /** Fails when any two packages under {@code rootPackage} (the service's main code) import each other. */
    public static void assertNoneIn(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        slices().matching(rootPackage + ".(**)").namingSlices("package $1")
                .should().beFreeOfCycles()
                .because("imports run one way: a package never imports one that imports it back")
                .check(classes);
    }
}
