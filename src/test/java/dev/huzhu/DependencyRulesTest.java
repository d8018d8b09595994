package dev.huzhu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked by ArchUnit on the compiled main classes (every
 * package, demo included; read from the classpath, so the working directory does not matter):
 * cli sits on top; chain, indexer, web, devnet, demo and protocol never import cli; only cli and
 * demo touch wallet; protocol is the bottom layer (the contracts' wrappers only); no cycles.
 */
class DependencyRulesTest {
    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.huzhu");
    }

    @Test
    void nothingButCliImportsCli() {
        noClasses().that().resideOutsideOfPackage("dev.huzhu.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.huzhu.cli..")
                .check(main);
    }

    @Test
    void onlyCliAndDemoTouchTheWallet() {
        noClasses().that().resideOutsideOfPackages("dev.huzhu.cli..", "dev.huzhu.wallet..", "dev.huzhu.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.huzhu.wallet..")
                .check(main);
    }

    @Test
    void indexerAndWebNeverSign() {
        noClasses().that().resideInAnyPackage("dev.huzhu.indexer..", "dev.huzhu.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.huzhu.wallet..", "dev.huzhu.devnet..", "dev.huzhu.demo..")
                .check(main);
    }

    @Test
    void protocolIsTheBottomLayer() {
        classes().that().resideInAPackage("dev.huzhu.protocol..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.huzhu.chain..", "dev.huzhu.cli..", "dev.huzhu.wallet..",
                        "dev.huzhu.devnet..", "dev.huzhu.demo..", "dev.huzhu.indexer..", "dev.huzhu.web..")
                .check(main);
    }

    @Test
    void chainNeverReachesUp() {
        noClasses().that().resideInAPackage("dev.huzhu.chain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.huzhu.indexer..", "dev.huzhu.web..", "dev.huzhu.devnet..", "dev.huzhu.demo..")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.huzhu.(*)..").should().beFreeOfCycles().check(main);
    }
}
