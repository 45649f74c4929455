package org.beiancheck;

import java.util.Collections;
import java.util.Map;

/** One finding of a report: a stable code, where, and why (zh and en). */
public final class Finding {
    private final Map<String, Object> f;

    Finding(Map<String, Object> f) {
        this.f = f;
    }

    /** DOMAIN_TLD_NOT_APPROVED, WEBSITE_NAME_TOO_SHORT … (stable; never derived from text) */
    public String code() {
        return (String) f.get("code");
    }

    /** error, warning or info */
    public String severity() {
        return (String) f.get("severity");
    }

    /** Where in the application, e.g. {@code websites[1].domain}. */
    public String path() {
        return (String) f.get("path");
    }

    public String messageZh() {
        return (String) message().get("zh");
    }

    public String messageEn() {
        return (String) message().get("en");
    }

    /** The document under reference/ the rule comes from. */
    public String source() {
        return (String) f.get("source");
    }

    /** The values the message was built from. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> context() {
        Object c = f.get("context");
        return c == null ? Collections.<String, Object>emptyMap() : (Map<String, Object>) c;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> message() {
        return (Map<String, Object>) f.get("message");
    }

    @Override
    public String toString() {
        return code() + " [" + severity() + "] " + path();
    }
}
