package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgWriterTest {

    @Test
    void escapesMarkupQuotesAndForbiddenCharacters() {
        assertThat(SvgWriter.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(SvgWriter.escape("a & \"b\" 'c'")).isEqualTo("a &amp; &quot;b&quot; &#39;c&#39;");
        assertThat(SvgWriter.escape("x\u0000y\u001Fz\uFFFE")).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
        assertThat(SvgWriter.escape("line\nbreak\ttab")).isEqualTo("line break tab");
        assertThat(SvgWriter.escape("emoji \uD83D\uDE00 ok, lone \uD800 not")).isEqualTo("emoji \uD83D\uDE00 ok, lone \uFFFD not");
    }

    @Test
    void numbersAreShortAndExact() {
        assertThat(SvgWriter.num(12.5)).isEqualTo("12.5");
        assertThat(SvgWriter.num(-3)).isEqualTo("-3");
        assertThat(SvgWriter.num(0.07)).isEqualTo("0.07");
        assertThat(SvgWriter.num(100.004)).isEqualTo("100");
        assertThat(SvgWriter.num(-0.004)).isEqualTo("0");
        assertThat(SvgWriter.num(481.88976)).isEqualTo("481.89");
    }

    @Test
    void helveticaWidthsAndTruncation() {
        // Adobe Helvetica AFM: "0" = 556, "M" = 833, "i" = 222 per 1000 em
        assertThat(TextMetrics.width("0", 10)).isEqualTo(5.56);
        assertThat(TextMetrics.width("Mi", 8)).isEqualTo((833 + 222) * 8 / 1000.0);
        assertThat(TextMetrics.width("é", 10)).isEqualTo(TextMetrics.width("e", 10));
        String t = TextMetrics.truncate("A very long group name indeed", 8, 50);
        assertThat(t).endsWith("\u2026");
        assertThat(TextMetrics.width(t, 8)).isLessThanOrEqualTo(50);
        assertThat(TextMetrics.truncate("short", 8, 50)).isEqualTo("short");
    }

    @Test
    void ratiosAndTickLabels() {
        assertThat(NumberText.ratio(0.5754)).isEqualTo("0.58");
        assertThat(NumberText.ratio(28.6)).isEqualTo("28.6");
        assertThat(NumberText.ratio(0.00412)).isEqualTo("0.0041");
        assertThat(NumberText.ratio(Double.POSITIVE_INFINITY)).isEqualTo("\u221E");
        assertThat(NumberText.fixed(-2, 0)).isEqualTo("\u22122");
        assertThat(NumberText.fixed(-0.0001, 1)).isEqualTo("0.0");
        assertThat(NumberText.plain(0.25)).isEqualTo("0.25");
    }
}
