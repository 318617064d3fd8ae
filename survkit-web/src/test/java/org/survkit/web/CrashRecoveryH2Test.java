package org.survkit.web;

import java.util.List;

/** kill -9 with the default embedded H2 database under the data folder. */
class CrashRecoveryH2Test extends CrashRecoveryTest {
    @Override
    List<String> serveArgs() {
        return List.of();
    }
}
