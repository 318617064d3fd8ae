package org.survkit.study;

/** Whether a Cox model uses Firth's penalized likelihood ({@code cox[].firth}; R {@code coxphf}). */
public enum Firth {
    /** Standard Cox fit; Firth's fit added when the standard one signals monotone likelihood (the default). */
    AUTO,
    /** Firth's fit only. */
    YES,
    /** Standard Cox fit only. */
    NO;

    /** {@return the word in study files} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
