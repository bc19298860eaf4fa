package classlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of the code base (README, code layout), checked on the compiled classes:
 * {@code core} is UI-free, {@code ui} does not touch the engine (it reads everything through
 * {@code core}), and only the entry point uses the command line. {@code cli} may use {@code ui}
 * (PNG export of figures, {@code app}/{@code snapshot} open the window).
 */
@AnalyzeClasses(packages = "classlab", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreHasNoUi = noClasses().that().resideInAPackage("classlab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "classlab.ui..", "classlab.cli..", "classlab.app..")
            .because("core is the UI-free engine: lessons, training and figures as data");

    @ArchTest
    static final ArchRule uiHasNoEngine = noClasses().that().resideInAPackage("classlab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..")
            .because("the window reads the engine through core (figures, Backend), never ND4J/DL4J/JavaCPP directly");

    @ArchTest
    static final ArchRule onlyAppUsesCli = noClasses().that().resideOutsideOfPackages("classlab.app..", "classlab.cli..")
            .should().dependOnClassesThat().resideInAPackage("classlab.cli..")
            .because("the command line is an entry point, not a library");
}
