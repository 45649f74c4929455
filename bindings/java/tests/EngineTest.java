import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.beiancheck.BeiancheckException;
import org.beiancheck.EngineClosedException;
import org.beiancheck.Engine;
import org.beiancheck.InputTooLargeException;
import org.beiancheck.InvalidArgumentException;
import org.beiancheck.InvalidPackException;
import org.beiancheck.MalformedInputException;
import org.beiancheck.Report;

/**
 * bindings/java on a JVM (plain main: no test framework to fetch). Run by bindings/java/tests/run.sh:
 *
 *   java -cp beiancheck.jar:jna.jar:. EngineTest APPS_DIR OUT_DIR SUMMARY VERSION PACK.json
 *
 * Writes each case's report to OUT_DIR (run.sh compares them with the core's, byte for byte)
 * and the typed view of each to SUMMARY (compared with the same read from the core's JSON).
 */
public class EngineTest {
    static int passed;
    static int failed;

    static void check(String what, boolean ok, Object detail) {
        if (ok) {
            passed++;
        } else {
            failed++;
            System.err.println("FAIL " + what + ": " + detail);
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static Throwable thrown(Call c) {
        try {
            c.run();
        } catch (Throwable t) {
            return t;
        }
        return null;
    }

    public static void main(String[] args) throws Exception {
        File apps = new File(args[0]);
        File out = new File(args[1]);
        String version = args[3];
        byte[] pack = Files.readAllBytes(Paths.get(args[4]));

        check("version", Engine.version().equals(version), Engine.version());

        File[] files = apps.listFiles((d, n) -> n.endsWith(".json"));
        Arrays.sort(files);
        List<String> inputs = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        try (Engine engine = Engine.embedded()) {
            for (File f : files) {
                String in = new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
                String json = engine.check(in);
                inputs.add(in);
                reports.add(json);
                Files.write(new File(out, f.getName()).toPath(), json.getBytes(StandardCharsets.UTF_8));
                Report r = Report.parse(json);
                summary.append(f.getName()).append(' ').append(r.verdict().name().toLowerCase(java.util.Locale.ROOT))
                        .append(' ').append(r.filingType()).append(' ').append(r.asOf())
                        .append(' ').append(String.join(",", r.codes()))
                        .append(' ').append(String.join(",", r.materialCodes())).append('\n');
                if (!r.findings().isEmpty()) {
                    org.beiancheck.Finding first = r.findings().get(0);
                    summary.append("  ").append(first.code()).append(' ').append(first.severity()).append(' ').append(first.path())
                            .append(' ').append(first.messageZh()).append(" | ").append(first.messageEn()).append('\n');
                }
            }
            Files.write(Paths.get(args[2]), summary.toString().getBytes(StandardCharsets.UTF_8));

            // Errors, with the library's detail.
            Throwable t = thrown(() -> engine.check("{\"province\": \"SH\",\n"));
            check("malformed", t instanceof MalformedInputException && ((BeiancheckException) t).result() == 7003
                    && ((BeiancheckException) t).code().equals("INPUT_MALFORMED") && ((BeiancheckException) t).line() == 2, t);
            char[] big = new char[16 * 1024 * 1024 + 1];
            Arrays.fill(big, ' ');
            t = thrown(() -> engine.check(new String(big)));
            check("16 MiB + 1", t instanceof InputTooLargeException && ((BeiancheckException) t).result() == 7005
                    && ((BeiancheckException) t).code().equals("INPUT_LIMIT_EXCEEDED"), t);
            String d = engine.checkDomain("example.io");
            check("domain", d.contains("\"verdict\":\"ineligible\"") && d.contains("\"code\":\"DOMAIN_TLD_NOT_APPROVED\""), d);
            d = engine.checkDomain("example.gov.cn", "individual", "BJ");
            check("domain for a subject kind", d.contains("\"code\":\"DOMAIN_SUFFIX_RESERVED\""), d);
            t = thrown(() -> engine.checkDomain("example.cn", null, "S\0H"));
            check("a NUL in the province", t instanceof MalformedInputException && "province".equals(((BeiancheckException) t).path()), t);
            String m = engine.materials("{\"province\":\"SH\",\"subject_kind\":\"individual\"}");
            check("materials", m.contains("\"code\":\"SUBJECT_CERTIFICATE\""), m);
            t = thrown(() -> engine.materials("{\"provnce\":\"SH\"}"));
            check("materials: an unknown field", t instanceof MalformedInputException && t.getMessage().contains("provnce"), t);
            String idAnswer = engine.checkId("resident_id", "310104199001011233", "2026-01-01");
            check("checkId: valid", idAnswer.startsWith("{\"kind\":\"resident_id\",\"valid\":true,\"reason\":null,") && idAnswer.contains("\"age\":36,"), idAnswer);
            idAnswer = engine.checkId("resident_id", "310104199001011234", "2026-01-01");
            check("checkId: invalid, with its reason", idAnswer.contains("\"valid\":false,\"reason\":\"CHECK_DIGIT\"") && idAnswer.contains("\"expected\":\"3\""), idAnswer);
            idAnswer = engine.checkId("mobile", "13800138000");
            check("checkId: today when no date", idAnswer.contains("\"valid\":true"), idAnswer);
            t = thrown(() -> engine.checkId("residentid", "310104199001011233"));
            check("checkId: an unknown kind", t instanceof InvalidArgumentException && ((BeiancheckException) t).result() == 7009
                    && ((BeiancheckException) t).code().equals("INVALID_ARGUMENT") && "kind".equals(((BeiancheckException) t).path())
                    && t.getMessage().contains("residentid"), t);
            t = thrown(() -> engine.checkId("resident_id\0x", "310104199001011233"));
            check("checkId: a NUL in the kind", t instanceof InvalidArgumentException && "kind".equals(((BeiancheckException) t).path()), t);
            t = thrown(() -> engine.checkId("resident_id", "310104199001011233", "2026-13-01"));
            check("checkId: a bad date", t instanceof InvalidArgumentException && "as_of".equals(((BeiancheckException) t).path()), t);
            t = thrown(() -> Engine.fromPack("{\"meta\": 1}".getBytes(StandardCharsets.UTF_8)));
            check("a bad pack", t instanceof InvalidPackException && ((BeiancheckException) t).result() == 7004
                    && ((BeiancheckException) t).code().equals("PACK_INVALID"), t);
            try (Engine own = Engine.fromPack(pack)) {
                check("an exported pack answers as the embedded one", own.check(inputs.get(0)).equals(reports.get(0)), "differs");
            }

            // 8 threads share the engine: every answer as on one thread, and each thread's error
            // detail is its own (thread t's malformed input breaks on line t + 2).
            final int threads = 8;
            final int rounds = 12;
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger checks = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> pool = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                final int id = k;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        StringBuilder nl = new StringBuilder("{");
                        for (int i = 0; i <= id; i++) {
                            nl.append('\n');
                        }
                        for (int r = 0; r < rounds; r++) {
                            for (int i = 0; i < inputs.size(); i++) {
                                int j = (i + id * 5) % inputs.size();
                                if (!engine.check(inputs.get(j)).equals(reports.get(j))) {
                                    problems.add("thread " + id + ": case " + j + " differs");
                                }
                                checks.incrementAndGet();
                            }
                            try {
                                engine.check(nl + "!");
                                problems.add("thread " + id + ": malformed input accepted");
                            } catch (MalformedInputException e) {
                                if (e.line() != id + 2) {
                                    problems.add("thread " + id + ": error detail of another thread: line " + e.line());
                                }
                            }
                        }
                    } catch (Throwable e) {
                        problems.add("thread " + id + ": " + e);
                    }
                });
                th.start();
                pool.add(th);
            }
            start.countDown();
            for (Thread th : pool) {
                th.join();
            }
            check("8 threads share one engine (" + checks.get() + " checks)", problems.isEmpty() && checks.get() == threads * rounds * inputs.size(), problems);
        }

        // Closing while 8 threads check: each stops on EngineClosedException, nothing else.
        Engine engine = Engine.embedded();
        ConcurrentLinkedQueue<Throwable> ends = new ConcurrentLinkedQueue<>();
        AtomicInteger before = new AtomicInteger();
        List<Thread> pool = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            Thread th = new Thread(() -> {
                try {
                    while (true) {
                        engine.check(inputs.get(before.getAndIncrement() % inputs.size()));
                    }
                } catch (Throwable e) {
                    ends.add(e);
                }
            });
            th.start();
            pool.add(th);
        }
        while (before.get() < 200 && ends.size() < 8) {
            Thread.sleep(5);
        }
        engine.close();
        for (Thread th : pool) {
            th.join();
        }
        boolean allClosed = ends.size() == 8;
        for (Throwable e : ends) {
            allClosed &= e instanceof EngineClosedException;
        }
        check("close() while 8 threads check: each ends with EngineClosedException", allClosed, ends);
        Throwable t = thrown(() -> engine.check(inputs.get(0)));
        check("a closed engine refuses check", t instanceof EngineClosedException && ((BeiancheckException) t).result() == 7001
                && ((BeiancheckException) t).code().equals("ENGINE_CLOSED"), t);
        check("a closed engine refuses checkDomain", thrown(() -> engine.checkDomain("example.cn")) instanceof EngineClosedException, "");
        check("a closed engine refuses checkId", thrown(() -> engine.checkId("mobile", "13800138000")) instanceof EngineClosedException, "");
        check("a closed engine refuses materials", thrown(() -> engine.materials("{}")) instanceof EngineClosedException, "");
        check("close twice", thrown(engine::close) == null, "");

        System.out.println("java: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
