package org.survkit.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the server, checked before every request (like a Jupyter server's):
 * <ol>
 * <li><b>Host header</b> (DNS rebinding): it must name the bound address, {@code localhost},
 *     {@code 127.0.0.1} or {@code [::1]}, with the server's port or none; anything else is 403.</li>
 * <li><b>Token</b>: {@code Authorization: Bearer TOKEN} (programs), or the session cookie set when the page is
 *     opened with {@code ?token=TOKEN} (the URL that {@code serve} prints). Without it: 401. The cookie holds a
 *     random session id, never the token: browsers send cookies to every server on a host whatever its port, so
 *     another local web server could read it; a session id lets it into this server only while this server runs,
 *     and never into a restarted one. At most {@value #MAX_SESSIONS} sessions are kept (the oldest goes).</li>
 * <li><b>CSRF</b>: a state-changing request (POST, PUT, PATCH, DELETE) authenticated by the cookie must carry
 *     the header {@code X-Survkit-CSRF} with the value embedded in the page, and must not come from another
 *     origin ({@code Origin}, {@code Sec-Fetch-Site}). Other sites cannot read the page nor set the header
 *     without a CORS preflight, which the server never grants. Bearer requests carry no ambient credential
 *     and need no CSRF header.</li>
 * </ol>
 * The session cookie is HttpOnly and SameSite=Strict, and named with the port, since browsers share cookies
 * between ports of one host.
 */
final class AccessGuard {
    static final String CSRF_HEADER = "X-Survkit-CSRF";
    static final int MAX_SESSIONS = 64;

    private final String token;
    private final java.util.Map<String, Boolean> sessions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_SESSIONS;
                }
            });
    private final String csrf;
    private final int port;
    private final Set<String> hosts;

    AccessGuard(String token, String csrf, String boundHost, int port) {
        this.token = token;
        this.csrf = csrf;
        this.port = port;
        Set<String> h = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        String b = boundHost.toLowerCase(Locale.ROOT);
        if (b.contains(":") && !b.startsWith("[")) {
            b = "[" + b + "]";
        }
        if (!b.equals("0.0.0.0") && !b.equals("[::]")) {
            h.add(b);
        }
        this.hosts = Set.copyOf(h);
    }

    /** {@return the session cookie's name (per port)} */
    String cookieName() {
        return "survkit_session_" + port;
    }

    /** {@return the CSRF value the page sends back} */
    String csrf() {
        return csrf;
    }

    /** Checks a request; throws {@link ApiError} to refuse it. Sets the cookie on a valid {@code ?token=}. */
    void check(Context ctx) {
        if (!hostAllowed(ctx.header("Host"))) {
            throw new ApiError(403, "this server answers only requests addressed to "
                    + String.join(", ", hosts) + " (Host header refused, as protection against DNS rebinding).");
        }
        String query = ctx.queryParam("token");
        if (query != null && ctx.method() == HandlerType.GET) {
            if (!Tokens.same(token, query)) {
                throw new ApiError(401, "wrong token: open the URL that 'survkit serve' printed.");
            }
            String session = Tokens.token();
            sessions.put(session, Boolean.TRUE);
            Cookie c = new Cookie(cookieName(), session, "/", -1, false, true);
            c.setSameSite(SameSite.STRICT);
            ctx.cookie(c);
            return;
        }
        String auth = ctx.header("Authorization");
        boolean bearer = false;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (!Tokens.same(token, auth.substring(7).trim())) {
                throw new ApiError(401, "wrong token in the Authorization header.");
            }
            bearer = true;
        } else if (!validSession(ctx.cookie(cookieName()))) {
            throw new ApiError(401, "a token is needed: open the URL that 'survkit serve' printed (…/?token=…),"
                    + " or send 'Authorization: Bearer TOKEN'.");
        }
        if (changesState(ctx.method())) {
            String origin = ctx.header("Origin");
            if (origin != null && !originAllowed(origin)) {
                throw new ApiError(403, "cross-origin request refused.");
            }
            if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
                throw new ApiError(403, "cross-site request refused.");
            }
            if (!bearer && !Tokens.same(csrf, ctx.header(CSRF_HEADER))) {
                throw new ApiError(403, "missing or wrong " + CSRF_HEADER + " header (protection against"
                        + " cross-site request forgery): reload the page, or use 'Authorization: Bearer TOKEN'.");
            }
        }
    }

    /** {@return whether the cookie names a session of this server (a random 192-bit id)} */
    private boolean validSession(String id) {
        return id != null && Tokens.isSessionId(id) && sessions.containsKey(id);
    }

    private static boolean changesState(HandlerType m) {
        return m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
    }

    boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            String p = h.substring(colon + 1);
            if (!p.equals(Integer.toString(port))) {
                return false;
            }
            h = h.substring(0, colon);
        }
        return hosts.contains(h);
    }

    private boolean originAllowed(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (!o.startsWith("http://")) {
            return false;
        }
        String hostPort = o.substring(7);
        return hostPort.indexOf('/') < 0 && hostPort.contains(":") && hostAllowed(hostPort);
    }
}
