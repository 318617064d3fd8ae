package org.survkit.study.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published schema accepts every bundled study file and rejects the mistakes the study reader rejects. */
class StudySchemaTest {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(StudySchema.schema().toString());

    private static List<Error> validate(String yaml) throws IOException {
        JsonNode tree = new YAMLMapper().readTree(yaml);
        return SCHEMA.validate(new ObjectMapper().writeValueAsString(tree), InputFormat.JSON);
    }

    @Test
    void everyBundledStudyFileFollowsTheSchema() throws IOException {
        Path examples = Path.of("..", "examples");
        List<Path> studies;
        try (Stream<Path> s = Files.walk(examples)) {
            studies = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(studies).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : studies) {
            assertThat(validate(Files.readString(p))).as(p.toString()).isEmpty();
        }
    }

    @Test
    void unknownKeysWrongKindsAndMissingBlocksAreRejected() throws IOException {
        String ok = "data: c.csv\ntime: t\nevent: {column: s, value: dead}\n";
        assertThat(validate(ok)).isEmpty();
        assertThat(validate(ok + "horizn: 60\n")).isNotEmpty();
        assertThat(validate(ok + "comparisons: {adjust: tukey}\n")).isNotEmpty();
        assertThat(validate(ok + "conf_level: high\n")).isNotEmpty();
        assertThat(validate("time: t\nevent: s\n")).isNotEmpty();
        assertThat(validate(ok + "cox: {covariates: [age], ties: breslow}\n")).isEmpty();
        assertThat(validate(ok + "cox: [{covariates: [age]}, {name: b, covariates: [sex]}]\n")).isEmpty();
        assertThat(validate(ok + "table1: [age, {column: grade, levels: [I, II]}]\n")).isEmpty();
        assertThat(validate(ok + "table1: {p_values: false, percent: \"n (%)\", continuous: median_iqr,"
                + " variables: [age, {column: grade}]}\n")).isEmpty();
        assertThat(validate(ok + "table1: {percent: \"%\"}\n")).isNotEmpty();
        assertThat(validate(ok + "p_style: lancet\ncomparisons: {hazard_ratios: [cox, oe]}\n")).isEmpty();
        assertThat(validate(ok + "comparisons: {hazard_ratios: [wald]}\n")).isNotEmpty();
    }

    @Test
    void eligibilityCriteriaAreListsOfRulesWithAReason() throws IOException {
        String ok = "data: c.csv\ntime: t\nevent: {column: s, value: dead}\n";
        assertThat(validate(ok + "include: [{when: age >= 18, reason: younger than 18}]\n"
                + "exclude: [{when: stage == 4, reason: metastatic}]\n")).isEmpty();
        assertThat(validate(ok + "include: [{when: age >= 18}]\n")).isNotEmpty(); // no reason
        assertThat(validate(ok + "exclude: [{reason: metastatic}]\n")).isNotEmpty(); // no rule
        assertThat(validate(ok + "exclude: [{when: stage == 4, reason: x, label: y}]\n")).isNotEmpty();
        assertThat(validate(ok + "exclude: {when: stage == 4, reason: x}\n")).isNotEmpty(); // a list
        String text = StudySchema.schema().toString();
        assertThat(text).contains("\"include\"").contains("\"exclude\"").contains("Inclusion rule")
                .contains("first criterion it fails");
    }

    @Test
    void everyLeafHasItsDocumentation() {
        String text = StudySchema.schema().toString();
        assertThat(text).contains("\"horizon\"").contains("Administrative censoring").contains("Command line: --horizon");
    }
}
