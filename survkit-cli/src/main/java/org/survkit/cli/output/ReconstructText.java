package org.survkit.cli.output;

import java.util.List;
import java.util.Locale;
import org.survkit.cli.result.ReconstructResult;
import org.survkit.stats.reconstruct.ReconstructedIpd;

/**
 * {@code survkit reconstruct} as text: per group the patients, events, censored and points used, the published and
 * reconstructed numbers at risk, the warnings and notes, and the command that analyses the patients.
 */
final class ReconstructText {
    private ReconstructText() {
    }

    static String of(ReconstructResult r) {
        StringBuilder sb = new StringBuilder("Reconstructed individual patient data (Guyot et al. 2012) -> ")
                .append(r.output()).append('\n');
        int width = Math.max(5, r.groups().stream().mapToInt(g -> g.group().length()).max().orElse(5));
        sb.append(String.format(Locale.ROOT, "  %-" + width + "s %6s %7s %9s %7s%n", "group", "n", "events",
                "censored", "points"));
        for (ReconstructResult.Group g : r.groups()) {
            ReconstructedIpd ipd = g.ipd();
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s %6d %7d %9d %7d%s%n", g.group(), ipd.n(),
                    ipd.events(), ipd.censored(), ipd.curve().size(),
                    g.totalEvents() == null ? "" : "   (reported total events " + g.totalEvents() + ")"));
        }
        sb.append("Numbers at risk, published / reconstructed:\n");
        for (ReconstructResult.Group g : r.groups()) {
            ReconstructedIpd ipd = g.ipd();
            sb.append("  ").append(String.format(Locale.ROOT, "%-" + width + "s", g.group()));
            double[] times = ipd.riskTime();
            for (int i = 0; i < times.length; i++) {
                sb.append("  ").append(Numbers.text(times[i], 6)).append(": ").append(ipd.publishedRisk()[i])
                        .append('/').append(ipd.reconstructedRisk()[i]);
            }
            sb.append('\n');
        }
        list(sb, "Warnings:", r.warnings());
        list(sb, "Notes:", r.allNotes());
        sb.append("Analyse with: survkit km ").append(r.output()).append(" --time time --event event")
                .append(r.grouped() ? " --group group" : "").append('\n');
        return sb.toString();
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (!items.isEmpty()) {
            sb.append(title).append('\n');
            items.forEach(x -> sb.append("  - ").append(x).append('\n'));
        }
    }
}
