package org.survkit.cli;

import picocli.CommandLine;

/** survkit's version, from the jar manifest when packaged. */
public final class Version implements CommandLine.IVersionProvider {
    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"survkit " + get(), "Java " + System.getProperty("java.version")};
    }
}
