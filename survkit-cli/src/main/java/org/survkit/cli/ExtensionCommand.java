package org.survkit.cli;

/**
 * A subcommand that another module adds to {@code survkit} when it is on the class path (e.g. survkit-web's
 * {@code serve}), so that the command line does not depend on the modules built on top of it. Implementations
 * are picocli {@code @Command} classes with a public no-argument constructor, listed in
 * {@code META-INF/services/org.survkit.cli.ExtensionCommand}; {@link Main#commandLine()} adds them.
 */
public interface ExtensionCommand {
}
