package io.github.serviceaccounts.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Keycloak process's memory: heap in use (by jcmd) and resident set size (from /proc). */
record Memory(long heapUsedMb, long heapCommittedMb, long residentMb) {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    /** Reads the memory now; with {@code collect}, after a full garbage collection (memory at rest). */
    static Memory of(long pid, boolean collect) {
        if (collect) {
            jcmd(pid, "GC.run");
        }
        Matcher heap = HEAP.matcher(jcmd(pid, "GC.heap_info"));
        long used = 0;
        long committed = 0;
        if (heap.find()) {
            committed = Long.parseLong(heap.group(1)) / 1024;
            used = Long.parseLong(heap.group(2)) / 1024;
        }
        long resident = 0;
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            if (rss.find()) {
                resident = Long.parseLong(rss.group(1)) / 1024;
            }
        } catch (IOException e) {
            // not on Linux: resident size unknown
        }
        return new Memory(used, committed, resident);
    }

    @Override
    public String toString() {
        return String.format("heap used %d MB of %d MB committed, resident %d MB", heapUsedMb, heapCommittedMb, residentMb);
    }

    private static String jcmd(long pid, String command) {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
