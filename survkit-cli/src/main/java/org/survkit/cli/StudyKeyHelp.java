package org.survkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;

/**
 * The help text of every study option's flag, from its {@link StudyKey}: picocli reads an option's description
 * from this bundle (key: the flag without its dashes), so the command line, the study-file reference and the JSON
 * Schema say the same. An option that describes itself for its command keeps its text (qualified key
 * {@code survkit.cif.rho}).
 */
public final class StudyKeyHelp extends ListResourceBundle {

    private final Map<String, String> own;

    private StudyKeyHelp(Map<String, String> own) {
        this.own = own;
    }

    /**
     * Sets the help bundle on a command line whose options are built: an option's own description (written for
     * its command, e.g. {@code cif --rho}, Gray's ρ) stays; an option without one shows its study key's.
     */
    static void install(CommandLine cl) {
        Map<String, String> own = new LinkedHashMap<>();
        collect(cl, own);
        cl.setResourceBundle(new StudyKeyHelp(own));
    }

    private static void collect(CommandLine cl, Map<String, String> own) {
        CommandSpec spec = cl.getCommandSpec();
        for (OptionSpec o : spec.options()) {
            if (o.description().length > 0) {
                own.put(spec.qualifiedName(".") + "." + o.longestName().replaceFirst("^-+", ""),
                        String.join(" ", o.description()));
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, own);
        }
    }

    @Override
    protected Object[][] getContents() {
        List<Object[]> rows = new ArrayList<>();
        for (StudyKey<?> k : StudyKeys.all()) {
            if (k.flag() != null) {
                // a switch's default is the study file's; on the command line a switch is off until given
                String def = k.defaultText() == null || k.defaultText().equals("none")
                        || k.kind() == StudyKey.Kind.BOOLEAN ? ""
                        : " Default: " + k.defaultText() + ".";
                // picocli formats descriptions: a literal % must be doubled
                rows.add(new Object[] {k.flag().substring(2), (k.description() + def).replace("%", "%%")});
            }
        }
        own.forEach((k, v) -> rows.add(new Object[] {k, v}));
        return rows.toArray(new Object[0][]);
    }
}
