package dev.communitysdk.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module arrows pointing one way: spi ← core, spi ← jdbc, and internals stay inside their module. */
class ArchitectureTest {
  private static JavaClasses sdk;

  @BeforeAll
  static void importSdk() {
    sdk = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.communitysdk");
  }

  @Test
  void spi_dependsOnNothingButTheJdkAndJSpecify() {
    classes().that().resideInAPackage("dev.communitysdk.spi..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.communitysdk.spi..", "java..", "org.jspecify..")
        .check(sdk);
  }

  @Test
  void core_neverSeesJooqJdbcOrTheJdbcAdapter() {
    noClasses().that().resideInAPackage("dev.communitysdk.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
            "dev.communitysdk.jdbc..", "dev.communitysdk.tck..")
        .check(sdk);
  }

  @Test
  void jdbc_neverSeesCore() {
    noClasses().that().resideInAPackage("dev.communitysdk.jdbc..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.communitysdk.core..", "dev.communitysdk.tck..")
        .check(sdk);
  }

  @Test
  void coreInternals_stayInsideCore() {
    noClasses().that().resideOutsideOfPackage("dev.communitysdk.core..")
        .should().dependOnClassesThat().resideInAPackage("dev.communitysdk.core.internal..")
        .check(sdk);
  }

  @Test
  void jdbcInternals_stayInsideJdbc() {
    noClasses().that().resideOutsideOfPackage("dev.communitysdk.jdbc..")
        .should().dependOnClassesThat().resideInAPackage("dev.communitysdk.jdbc.internal..")
        .check(sdk);
  }
}
