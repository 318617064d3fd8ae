package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.survkit.cli.output.Serializer;

/** The JSON writer is set up on a spare core only when the output is JSON, and writes nothing while it is. */
class JsonSetupTest {

    @Test
    void onlyJsonOutputIsPreparedFor() {
        assertThat(Main.wantsJson("cox", "d.csv", "--format", "json")).isTrue();
        assertThat(Main.wantsJson("km", "--format=json", "d.csv")).isTrue();
        assertThat(Main.wantsJson("km", "d.csv", "--format", "JSON")).isTrue();
        assertThat(Main.wantsJson("km", "d.csv", "--format", "csv")).isFalse();
        assertThat(Main.wantsJson("km", "json", "--format")).isFalse();
        assertThat(Main.wantsJson()).isFalse();
    }

    @Test
    void settingUpWritesNothing() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured));
        try {
            Serializer.prepareJson();
        } finally {
            System.setOut(out);
        }
        assertThat(captured.size()).isZero();
    }
}
