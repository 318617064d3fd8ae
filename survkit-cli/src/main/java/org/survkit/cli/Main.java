package org.survkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.survkit.cli.output.Serializer;
import org.survkit.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code survkit} command line. */
@Command(name = "survkit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Survival analysis for clinical cohort studies, at parity with R's survival package.",
        subcommands = {KmCommand.class, CompareCommand.class, CoxCommand.class, CifCommand.class, FineGrayCommand.class,
            PlanCommand.class, ReportCommand.class, ReconstructCommand.class, SchemaCommand.class, CheckCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'survkit help COMMAND' for a command's options.",
            "Exit status: 0 success, 2 a problem with the input or options (the message says what to do),"
                + " 1 an internal error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose a command: report, km, compare, cox, cif, finegray, plan, reconstruct, schema or serve");
    }

    /** Builds the configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (ExtensionCommand extra : ServiceLoader.load(ExtensionCommand.class, Main.class.getClassLoader())) {
            cl.addSubcommand(extra);
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("survkit: " + (ex instanceof CommandLine.UnmatchedArgumentException u
                    ? unknownOptions(u) : ex.getMessage()));
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.USER_ERROR;
        });
        return configure(cl);
    }

    /**
     * The command line for these arguments: when the first names one of the built-in commands, a command line
     * with that command alone (picocli then builds one command's options instead of every command's: ~0.1 s of
     * CPU less per run, issue 15); otherwise, and to report a mistake in the options (whose message names the
     * other commands that have an unknown option), the whole {@link #commandLine()}. Both print the same.
     */
    public static CommandLine commandLine(String... args) {
        Class<?> command = args.length == 0 ? null : builtIn(args[0]);
        if (command == null) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create().name(
                Main.class.getAnnotation(Command.class).name()));
        cl.addSubcommand(args[0], command);
        cl.setParameterExceptionHandler((ex, given) -> {
            CommandLine whole = commandLine();
            whole.setOut(cl.getOut());
            whole.setErr(cl.getErr());
            return whole.execute(given);
        });
        return configure(cl);
    }

    /** {@return the class of the built-in command of that name, or null} */
    private static Class<?> builtIn(String name) {
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            Command sub = c.getAnnotation(Command.class);
            if (sub != null && sub.name().equals(name) && c != CommandLine.HelpCommand.class) {
                return c;
            }
        }
        return null;
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        StudyKeyHelp.install(cl);
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    /**
     * picocli's "Unknown option" message, with each unknown option that another command has named with its owners:
     * {@code '--ties' is an option of cox, not of compare}. Options no command has keep picocli's message (which
     * suggests near spellings).
     */
    static String unknownOptions(CommandLine.UnmatchedArgumentException ex) {
        CommandLine here = ex.getCommandLine();
        CommandLine root = here;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        List<String> lines = new ArrayList<>();
        boolean unexplained = false;
        for (String arg : ex.getUnmatched()) {
            if (!arg.startsWith("-")) {
                continue; // an option's value, or a stray argument
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> owners = new ArrayList<>();
            for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
                if (sub.getValue() != here && sub.getValue().getCommandSpec().findOption(name) != null
                        && !owners.contains(sub.getValue().getCommandName())) {
                    owners.add(sub.getValue().getCommandName());
                }
            }
            if (owners.isEmpty()) {
                unexplained = true;
            } else {
                lines.add("'" + name + "' is not an option of " + here.getCommandName() + ": this option belongs to "
                        + andList(owners) + ".");
            }
        }
        if (lines.isEmpty() || unexplained) {
            lines.add(0, ex.getMessage());
        }
        return String.join(System.lineSeparator() + "survkit: ", lines);
    }

    private static String andList(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        PrintWriter err = cl.getErr();
        if (ex instanceof InputException || ex instanceof UsageException) {
            err.println("survkit: " + ex.getMessage());
            return ExitCodes.USER_ERROR;
        }
        if (ex instanceof IllegalArgumentException) {
            // the statistics core rejects impossible requests (e.g. one group where a test needs two)
            err.println("survkit: " + ex.getMessage());
            return ExitCodes.USER_ERROR;
        }
        err.println("survkit: internal error (" + ex + "). This is a bug in survkit; please report it with the"
                + " command you ran. Set SURVKIT_DEBUG=1 for details.");
        if (System.getenv("SURVKIT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    public static void main(String[] args) {
        if (wantsJson(args)) {
            // the JSON writer set up on a spare core while the command parses its options and reads its data
            Thread t = new Thread(Serializer::prepareJson, "survkit-json-setup");
            t.setDaemon(true);
            t.start();
        }
        System.exit(commandLine(args).execute(args));
    }

    /** {@return whether the arguments ask for JSON output} */
    static boolean wantsJson(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format=json") || args[i].equals("--format") && i + 1 < args.length
                    && args[i + 1].equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }
}
