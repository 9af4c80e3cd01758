package dev.tokenbill;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The module boundaries of STYLE.md: the billing core is plain Java (no Spring, JDBC, CSV or Jasper
 * types), the rating engine knows nothing of the job, the CLI or the reports, and money is never a
 * binary floating-point number. The packages form no cycle, a module's {@code internal} package is used only by the
 * module and the job's step adapters, and the job's shared step support ({@code job.run}) knows no step.
 */
@AnalyzeClasses(packages = "dev.tokenbill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The plain-Java core: whole packages money, rating and period, and the top level (not
     * {@code .internal} or {@code invoice.pdf}) of catalog, customer, usage, invoice, and of the
     * discount, allocation and credit modules that STYLE.md names as core too.
     */
    private static final String[] CORE = {"dev.tokenbill.money..", "dev.tokenbill.rating..", "dev.tokenbill.period..",
            "dev.tokenbill.catalog", "dev.tokenbill.customer", "dev.tokenbill.usage", "dev.tokenbill.invoice",
            "dev.tokenbill.discount", "dev.tokenbill.allocation", "dev.tokenbill.credit", "dev.tokenbill.tax"};

    private static final String[] INFRASTRUCTURE = {"org.springframework..", "java.sql..", "javax.sql..",
            "com.opencsv..", "net.sf.jasperreports.."};

    /** Names of things that hold money: amount, price, total, fee, and their usual relatives. */
    private static final Pattern MONEY_NAME = Pattern.compile(
            "(?i).*(amount|price|total|fee|cost|tax|discount|credit|charge|money|due).*");

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .because("the billing core is plain Java, unit-tested in milliseconds (STYLE.md, rule 2)");

    @ArchTest
    static final ArchRule coreDoesNotReachIntoAdapters = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.tokenbill..internal..", "dev.tokenbill.invoice.pdf..",
                    "dev.tokenbill.csv..", "dev.tokenbill.job..", "dev.tokenbill.cli..", "dev.tokenbill.report..",
                    "dev.tokenbill.database..")
            .because("adapters depend on the core, never the other way round");

    @ArchTest
    static final ArchRule ratingKnowsNothingOfTheJob = noClasses()
            .that().resideInAPackage("dev.tokenbill.rating..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tokenbill.job..", "dev.tokenbill.cli..",
                    "dev.tokenbill.report..")
            .because("the rating engine is called by the job, not the other way round");

    @ArchTest
    static final ArchRule noFloatingPointMoneyFields = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.tokenbill..")
            .and(haveNameMatching(MONEY_NAME))
            .should(not(haveFloatingPointType()))
            .because("money is BigDecimal or Money, never double or float (STYLE.md, rule 3)");

    @ArchTest
    static final ArchRule noFloatingPointInTheCore = fields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(CORE)
            .should(not(haveFloatingPointType()))
            .because("the core computes money and quantities; binary floating point has no place there");

    @ArchTest
    static final ArchRule noFloatingPointMoneyResults = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.tokenbill..")
            .and(haveNameMatching(MONEY_NAME))
            .should(not(returnFloatingPoint()))
            .because("money is BigDecimal or Money, never double or float (STYLE.md, rule 3)");

    @ArchTest
    static final ArchRule noFloatingPointMoneyParameters = codeUnits()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.tokenbill..")
            .should(notTakeFloatingPointParametersNamedLikeMoney())
            .because("money is BigDecimal or Money, never double or float (STYLE.md, rule 3)");

    @ArchTest
    static final ArchRule noPackageCycles = SlicesRuleDefinition.slices().matching("dev.tokenbill.(**)")
            .should().beFreeOfCycles()
            .because("a package that depends on itself through others cannot be understood, tested or moved alone");

    @ArchTest
    static final ArchRule internalStaysInItsModule = classes()
            .that().resideInAPackage("dev.tokenbill..internal..")
            .should(beUsedOnlyByTheirModuleOr("dev.tokenbill.job"))
            .because("X.internal holds module X's adapters; only X and the job's step adapters use them");

    @ArchTest
    static final ArchRule runSupportKnowsNoStep = noClasses()
            .that().resideInAPackage("dev.tokenbill.job.run..")
            .should().dependOnClassesThat(resideInAPackage("dev.tokenbill.job..").and(DescribedPredicate.not(
                    resideInAnyPackage("dev.tokenbill.job.run..", "dev.tokenbill.job.partition.."))))
            .because("job.run is the support every step uses; it depends on no step and not on the wiring");

    // conditions

    /**
     * The module of {@code dev.tokenbill.x.internal.Foo} is {@code dev.tokenbill.x}: every class that depends on
     * {@code Foo} must reside in it (or below it), or in {@code allowed} or below.
     */
    private static ArchCondition<JavaClass> beUsedOnlyByTheirModuleOr(String allowed) {
        return new ArchCondition<>("be used only by their own module or by " + allowed + "..") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String name = internal.getPackageName();
                String module = name.substring(0, (name + ".").indexOf(".internal."));
                for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
                    String user = dependency.getOriginClass().getPackageName();
                    boolean inModule = user.equals(module) || user.startsWith(module + ".");
                    boolean inAllowed = user.equals(allowed) || user.startsWith(allowed + ".");
                    if (!inModule && !inAllowed) {
                        events.add(SimpleConditionEvent.violated(internal, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static final List<String> FLOATING_POINT = List.of("double", "float", "java.lang.Double", "java.lang.Float");

    private static boolean isFloatingPoint(JavaClass type) {
        return FLOATING_POINT.contains(type.getName());
    }

    private static <T extends com.tngtech.archunit.core.domain.properties.HasName> DescribedPredicate<T> haveNameMatching(
            Pattern pattern) {
        return DescribedPredicate.describe("have a name like " + pattern.pattern(),
                named -> pattern.matcher(named.getName()).matches());
    }

    private static ArchCondition<JavaField> haveFloatingPointType() {
        return new ArchCondition<>("have type double or float") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                boolean floating = isFloatingPoint(field.getRawType());
                events.add(new SimpleConditionEvent(field, floating, field.getFullName() + " is of type "
                        + field.getRawType().getName()));
            }
        };
    }

    private static ArchCondition<JavaMethod> returnFloatingPoint() {
        return new ArchCondition<>("return double or float") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean floating = isFloatingPoint(method.getRawReturnType());
                events.add(new SimpleConditionEvent(method, floating, method.getFullName() + " returns "
                        + method.getRawReturnType().getName()));
            }
        };
    }

    /**
     * Parameter names are not in ArchUnit's model; they are read by reflection (the build compiles
     * with {@code -parameters}, as spring-boot-starter-parent configures). Without them every
     * floating-point parameter is reported, so the rule never passes silently.
     */
    private static ArchCondition<JavaCodeUnit> notTakeFloatingPointParametersNamedLikeMoney() {
        return new ArchCondition<>("not take double or float parameters named like money") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                if (codeUnit.getRawParameterTypes().stream().noneMatch(ArchitectureTest::isFloatingPoint)) {
                    return;
                }
                for (Parameter parameter : ((Executable) codeUnit.reflect()).getParameters()) {
                    boolean floating = FLOATING_POINT.contains(parameter.getType().getName());
                    boolean moneyName = !parameter.isNamePresent() || MONEY_NAME.matcher(parameter.getName()).matches();
                    if (floating && moneyName) {
                        events.add(SimpleConditionEvent.violated(codeUnit, codeUnit.getFullName() + " takes "
                                + parameter.getType().getName() + " " + parameter.getName()));
                    }
                }
            }
        };
    }
}
