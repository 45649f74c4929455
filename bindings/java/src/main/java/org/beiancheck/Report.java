package org.beiancheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A small typed view of a report: the verdict, the filing type, the findings and the materials'
 * codes, read from the library's JSON, which {@link #json()} keeps exactly as it came.
 */
public final class Report {
    /** The three answers a check gives. */
    public enum Verdict {
        ELIGIBLE, INELIGIBLE, NEEDS_REVIEW;

        static Verdict of(String s) {
            return Verdict.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final String json;
    private final Map<String, Object> r;

    private Report(String json) {
        this.json = json;
        this.r = Json.object(json);
    }

    /** The view of a report's JSON, e.g. what {@link Engine#check(String)} returned. */
    public static Report parse(String json) {
        return new Report(json);
    }

    /** The report as the library wrote it, byte for byte. */
    public String json() {
        return json;
    }

    public Verdict verdict() {
        return Verdict.of((String) r.get("verdict"));
    }

    public boolean isEligible() {
        return verdict() == Verdict.ELIGIBLE;
    }

    /** first_filing, access_filing … or null when the engine could not derive it. */
    public String filingType() {
        return (String) r.get("filing_type");
    }

    /** The evaluation date, YYYY-MM-DD. */
    public String asOf() {
        return (String) r.get("as_of");
    }

    @SuppressWarnings("unchecked")
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Object f : (List<Object>) r.get("findings")) {
            out.add(new Finding((Map<String, Object>) f));
        }
        return Collections.unmodifiableList(out);
    }

    /** The finding codes, in the report's order. */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        for (Finding f : findings()) {
            out.add(f.code());
        }
        return Collections.unmodifiableList(out);
    }

    /** The codes of the materials to prepare (RESIDENCE_PERMIT, COMMITMENT_LETTER …). */
    @SuppressWarnings("unchecked")
    public List<String> materialCodes() {
        List<String> out = new ArrayList<>();
        for (Object m : (List<Object>) r.get("materials")) {
            out.add((String) ((Map<String, Object>) m).get("code"));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return json;
    }
}
