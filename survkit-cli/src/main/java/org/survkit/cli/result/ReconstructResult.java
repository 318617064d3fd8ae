package org.survkit.cli.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.reconstruct.ReconstructedIpd;

/**
 * What {@code survkit reconstruct} found: the individual patient data of each curve of a published Kaplan–Meier
 * figure (Guyot et al. 2012), with the published and reconstructed numbers at risk and what was changed on the way.
 *
 * @param curve   the digitized curve points' file
 * @param atRisk  the numbers-at-risk file
 * @param output  the file the patients are written to
 * @param percent whether the survival column was read as percentages
 * @param groups  one reconstruction per curve, in the files' group order ({@code all} for one curve)
 * @param notes   notes about the files as a whole (scale read, missing headers), before the groups' own
 */
public record ReconstructResult(String curve, String atRisk, String output, boolean percent, List<Group> groups,
        List<String> notes) {

    public ReconstructResult {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(atRisk, "atRisk");
        Objects.requireNonNull(output, "output");
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no curve reconstructed");
        }
    }

    /**
     * One curve's reconstruction.
     *
     * @param group       the group, or {@code all}
     * @param ipd         the reconstructed patients
     * @param totalEvents the total events reported ({@code --total-events}), or null
     * @param notes       what was changed on the way in (risk-table rows not used, the curve extended)
     */
    public record Group(String group, ReconstructedIpd ipd, Integer totalEvents, List<String> notes) {

        public Group {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(ipd, "ipd");
            notes = List.copyOf(notes);
        }
    }

    /** {@return whether the files hold several groups (or one named group)} */
    public boolean grouped() {
        return groups.size() > 1 || !groups.get(0).group().equals("all");
    }

    /** {@return the reconstruction's warnings, each prefixed with its group when there are groups} */
    public List<String> warnings() {
        List<String> m = new ArrayList<>();
        for (Group g : groups) {
            m.addAll(messages(g, Diagnostic.Severity.WARNING));
        }
        return m;
    }

    /** {@return the notes: the files', then each group's diagnostics and changes} */
    public List<String> allNotes() {
        List<String> m = new ArrayList<>(notes);
        for (Group g : groups) {
            m.addAll(messages(g, Diagnostic.Severity.NOTE));
            g.notes().forEach(x -> m.add(prefix(g) + x));
        }
        return m;
    }

    private List<String> messages(Group g, Diagnostic.Severity severity) {
        List<String> m = new ArrayList<>();
        for (Diagnostic d : g.ipd().diagnostics()) {
            if (d.severity() == severity) {
                m.add(prefix(g) + d.message());
            }
        }
        return m;
    }

    private String prefix(Group g) {
        return grouped() ? "group " + g.group() + ": " : "";
    }
}
