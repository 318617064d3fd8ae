package org.survkit.web;

/** Studies in the default embedded H2 file database under the data folder. */
class StudyPersistenceH2Test extends StudyPersistenceTest {
    @Override
    String jdbcUrl() {
        return null;
    }
}
