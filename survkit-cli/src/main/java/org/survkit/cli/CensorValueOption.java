package org.survkit.cli;

import picocli.CommandLine.Option;

/** {@code --censor-value}: the code of censored rows in a competing-risks event column (cif, finegray). */
final class CensorValueOption {
    @Option(names = "--censor-value", paramLabel = "V",
            description = "Code of censored rows in the event column (e.g. 0, or a word such as alive); every other"
                + " code is a cause. Required.")
    String value;
}
