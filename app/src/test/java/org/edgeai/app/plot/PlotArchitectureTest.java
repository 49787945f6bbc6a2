package org.edgeai.app.plot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The plotting layer is shared by the headless command line: no JavaFX, no GUI. */
@AnalyzeClasses(packages = "org.edgeai.app.plot", importOptions = ImportOption.DoNotIncludeTests.class)
class PlotArchitectureTest {

    @ArchTest
    static final ArchRule plotLayerHasNoJavaFx = noClasses().that().resideInAPackage("org.edgeai.app.plot..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..",
                    "org.edgeai.app.gui..", "org.edgeai.app.cli..")
            .because("plot runs headless and the GUI calls this layer, not the other way round");
}
