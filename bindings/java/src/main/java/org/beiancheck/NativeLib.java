package org.beiancheck;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** include/beiancheck.h as JNA sees it. Package-private: Engine is the API. */
final class NativeLib {
    private NativeLib() {}

    static final int BEIAN_OK = 7000;

    /** size_t: as wide as a pointer on the platforms JNA supports. */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** struct beian_buf { uint8_t *data; size_t len; }: an answer the library allocated. */
    public static final class Buf extends Structure {
        public Pointer data;
        public SizeT len;

        @Override
        protected List<String> getFieldOrder() {
            return Arrays.asList("data", "len");
        }
    }

    interface Lib extends Library {
        int beian_engine_new_embedded(PointerByReference out);

        int beian_engine_new_from_pack(byte[] pack, SizeT len, PointerByReference out);

        void beian_engine_free(Pointer engine);

        int beian_check_json(Pointer engine, byte[] json, SizeT len, Buf out);

        int beian_check_domain_for(Pointer engine, byte[] name, SizeT len, String subjectKind, String province, Buf out);

        int beian_materials_json(Pointer engine, byte[] queryJson, SizeT len, Buf out);

        int beian_check_id(String kind, byte[] value, SizeT len, String asOf, Buf out);

        void beian_buf_free(Buf buf);

        int beian_last_error_json(Buf out);

        String beian_version();
    }

    private static volatile Lib lib;

    /**
     * The library, loaded on first use: the file named by the system property
     * {@code beiancheck.library} if set, else {@code libbeiancheck} from {@code jna.library.path}
     * or the system's library path.
     */
    static Lib lib() {
        Lib l = lib;
        if (l == null) {
            synchronized (NativeLib.class) {
                l = lib;
                if (l == null) {
                    String name = System.getProperty("beiancheck.library", "beiancheck");
                    l = Native.load(name, Lib.class, Collections.singletonMap(Library.OPTION_STRING_ENCODING, "UTF-8"));
                    lib = l;
                }
            }
        }
        return l;
    }
}
