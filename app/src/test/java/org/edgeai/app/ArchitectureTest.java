package org.edgeai.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's dependency rules: model &lt;- plugins &lt;- app; the model and the command line stay free of UI. */
@AnalyzeClasses(packages = "org.edgeai", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelHasNoUi = noClasses().that().resideInAPackage("org.edgeai.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "javax.swing..", "org.jfree..", "org.controlsfx..")
            .because("the simulation core must run headless and never know whether a GUI is watching");

    @ArchTest
    static final ArchRule modelDependsOnNoOtherModule = noClasses().that().resideInAPackage("org.edgeai.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.edgeai.plugins..", "org.edgeai.app..");

    @ArchTest
    static final ArchRule pluginsHaveNoUiAndNoApp = noClasses().that().resideInAPackage("org.edgeai.plugins..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.edgeai.app..")
            .because("plugins ship no UI code; the app renders their parameter descriptors");

    @ArchTest
    static final ArchRule commandLineHasNoJavaFx = noClasses().that().resideInAPackage("org.edgeai.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..",
                    "org.edgeai.app.gui..")
            .because("the command line must run with no display");

    @ArchTest
    static final ArchRule simulationReadsNoWallClock = noClasses()
            .that().resideInAnyPackage("org.edgeai.model..", "org.edgeai.plugins..")
            .and().resideOutsideOfPackage("..bench..")
            .should().callMethod(System.class, "nanoTime")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Math.class, "random")
            .orShould().callConstructor(java.util.Random.class)
            .because("determinism (DESIGN.md): no wall-clock time and no unseeded randomness in the model;"
                    + " only benchmarks (packages ..bench..) time themselves");
}
