import java.util.Locale;

/**
 * How much faster two threads of plain CPU-bound work run than one on this machine: the ceiling for any parallel
 * benchmark here. Run it before and after a benchmark whose wall-clock speed is in doubt.
 *
 * <pre>
 *   java bench/CpuScaling.java
 * </pre>
 */
public class CpuScaling {

    private static double work(long n) {
        double x = 0;
        for (long i = 0; i < n; i++) {
            x += Math.sqrt(i ^ (x > 1e9 ? 1 : 0));
        }
        return x;
    }

    public static void main(String[] args) throws Exception {
        long n = 400_000_000L;
        work(n / 10); // JIT warm-up
        double single = 0;
        for (int threads = 1; threads <= 2; threads++) {
            long start = System.nanoTime();
            Thread[] workers = new Thread[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Thread(() -> work(n));
                workers[i].start();
            }
            for (Thread t : workers) {
                t.join();
            }
            double perSecond = threads / ((System.nanoTime() - start) / 1e9);
            single = threads == 1 ? perSecond : single;
            System.out.printf(Locale.ROOT, "%d thread(s): %.2f units/s (%.2fx one thread)%n", threads, perSecond,
                    perSecond / single);
        }
    }
}
