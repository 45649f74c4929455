package org.beiancheck;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The beiancheck engine in libbeiancheck, reached through JNA.
 *
 * <p>Translation only: strings go in as the UTF-8 JSON the C library takes, and its JSON comes
 * back unchanged; {@link Report} is a typed view of it. Every decision is the library's.
 *
 * <p>One engine is meant to be shared: it is immutable and safe to use from any number of
 * threads at once (in Spring, one singleton bean with {@code destroyMethod = "close"}).
 * {@link #close()} waits for the calls in progress, frees the native engine, and makes every
 * later call throw {@link EngineClosedException}.
 */
public final class Engine implements AutoCloseable {
    private final NativeLib.Lib lib;
    // Checks hold the read lock, close() the write lock: a check never runs on a freed engine.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Pointer handle;

    private Engine(NativeLib.Lib lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
    }

    /** The engine on the rule pack built into the library. */
    public static Engine embedded() {
        NativeLib.Lib lib = NativeLib.lib();
        PointerByReference out = new PointerByReference();
        ok(lib, lib.beian_engine_new_embedded(out));
        return new Engine(lib, out.getValue());
    }

    /**
     * An engine on a replacement rule pack (what {@code beiancheck rules --export} writes),
     * validated completely: a bad pack throws {@link InvalidPackException} naming where.
     */
    public static Engine fromPack(byte[] pack) {
        NativeLib.Lib lib = NativeLib.lib();
        PointerByReference out = new PointerByReference();
        ok(lib, lib.beian_engine_new_from_pack(pack, new NativeLib.SizeT(pack.length), out));
        return new Engine(lib, out.getValue());
    }

    /** The library's version and its rule pack's, e.g. "beiancheck/0.1.0 rules/2026.11.0". */
    public static String version() {
        return NativeLib.lib().beian_version();
    }

    /**
     * Checks one application (JSON) and returns the report's JSON.
     *
     * @throws MalformedInputException not JSON (with line and column)
     * @throws InputTooLargeException over a limit (size, nesting, websites)
     */
    public String check(String applicationJson) {
        byte[] in = applicationJson.getBytes(StandardCharsets.UTF_8);
        NativeLib.Buf buf = new NativeLib.Buf();
        lock.readLock().lock();
        try {
            ok(lib, lib.beian_check_json(engine(), in, new NativeLib.SizeT(in.length), buf));
        } finally {
            lock.readLock().unlock();
        }
        return take(buf);
    }

    /** {@link #check(String)} with the report read into its typed view. */
    public Report report(String applicationJson) {
        return Report.parse(check(applicationJson));
    }

    /** Can this domain be filed? The domain report's JSON. */
    public String checkDomain(String name) {
        return checkDomain(name, null, null);
    }

    /**
     * Can this domain be filed by this kind of subject (individual, enterprise, government …)
     * in this province (SH, 上海 …)? Either may be null.
     */
    public String checkDomain(String name, String subjectKind, String province) {
        noNul(subjectKind, "subject_kind");
        noNul(province, "province");
        byte[] in = name.getBytes(StandardCharsets.UTF_8);
        NativeLib.Buf buf = new NativeLib.Buf();
        lock.readLock().lock();
        try {
            ok(lib, lib.beian_check_domain_for(engine(), in, new NativeLib.SizeT(in.length), subjectKind, province, buf));
        } finally {
            lock.readLock().unlock();
        }
        return take(buf);
    }

    /**
     * What must be prepared: a query such as {@code {"province":"SH","subject_kind":"individual"}}
     * (an unknown field is refused). The materials JSON.
     */
    public String materials(String queryJson) {
        byte[] in = queryJson.getBytes(StandardCharsets.UTF_8);
        NativeLib.Buf buf = new NativeLib.Buf();
        lock.readLock().lock();
        try {
            ok(lib, lib.beian_materials_json(engine(), in, new NativeLib.SizeT(in.length), buf));
        } finally {
            lock.readLock().unlock();
        }
        return take(buf);
    }

    /** One identity number, ages counted today in Shanghai: see {@link #checkId(String, String, String)}. */
    public String checkId(String kind, String value) {
        return checkId(kind, value, null);
    }

    /**
     * One identity number ({@code kind}: resident_id, credit_code, mobile, hk_macau_permit,
     * taiwan_permit, passport, hk_macau_residence, taiwan_residence), ages counted on
     * {@code asOf} (YYYY-MM-DD, or null for today in Shanghai). The answer's JSON, as
     * {@code beian_check_id} and {@code beiancheck id --json} write it: an invalid number is an
     * answer ({@code "valid":false} and its {@code "reason"}).
     *
     * @throws InvalidArgumentException an unknown kind or a bad date (7009; {@code path()} is kind / as_of)
     */
    public String checkId(String kind, String value, String asOf) {
        noNulArgument(kind, "kind");
        noNulArgument(asOf, "as_of");
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        NativeLib.Buf buf = new NativeLib.Buf();
        lock.readLock().lock();
        try {
            engine(); // no engine needed natively, but a closed one refuses every call alike
            ok(lib, lib.beian_check_id(kind, in, new NativeLib.SizeT(in.length), asOf, buf));
        } finally {
            lock.readLock().unlock();
        }
        return take(buf);
    }

    /** Frees the native engine once the calls in progress are done. Safe to call twice. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != null) {
                lib.beian_engine_free(handle);
                handle = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The native engine; the caller holds the read lock. */
    private Pointer engine() {
        if (handle == null) {
            throw new EngineClosedException();
        }
        return handle;
    }

    private static void noNul(String s, String what) {
        // The C API takes these NUL-terminated: refuse rather than let a shortened value through.
        if (s != null && s.indexOf('\0') >= 0) {
            throw new MalformedInputException(7003, "INPUT_MALFORMED", 0, 0, what, "`" + what + "` contains a NUL character",
                    "{\"result\":7003,\"code\":\"INPUT_MALFORMED\",\"line\":0,\"column\":0,\"path\":\"" + what
                            + "\",\"message\":\"`" + what + "` contains a NUL character\"}");
        }
    }

    private static void noNulArgument(String s, String what) {
        // Taken NUL-terminated by the C API: refuse rather than let a shortened value through.
        if (s != null && s.indexOf('\0') >= 0) {
            throw new InvalidArgumentException(7009, "INVALID_ARGUMENT", 0, 0, what, "`" + what + "` contains a NUL character",
                    "{\"result\":7009,\"code\":\"INVALID_ARGUMENT\",\"line\":0,\"column\":0,\"path\":\"" + what
                            + "\",\"message\":\"`" + what + "` contains a NUL character\"}");
        }
    }

    /** The answer as a Java string; the buffer goes back to the library that allocated it. */
    private String take(NativeLib.Buf buf) {
        try {
            return new String(buf.data.getByteArray(0, (int) buf.len.longValue()), StandardCharsets.UTF_8);
        } finally {
            lib.beian_buf_free(buf);
        }
    }

    private static void ok(NativeLib.Lib lib, int result) {
        if (result == NativeLib.BEIAN_OK) {
            return;
        }
        // The detail is per thread, so it is this call's: read it on the same thread, now.
        NativeLib.Buf buf = new NativeLib.Buf();
        String detail = null;
        if (lib.beian_last_error_json(buf) == NativeLib.BEIAN_OK) {
            try {
                detail = new String(buf.data.getByteArray(0, (int) buf.len.longValue()), StandardCharsets.UTF_8);
            } finally {
                lib.beian_buf_free(buf);
            }
        }
        throw BeiancheckException.of(result, detail);
    }
}
