package dev.pyplugins.runtime.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for the blocking half of a streamed call: the thread that pumps a request body on
 * the client side, or runs the host's implementation on the server side (it must not run on gRPC's own
 * callback thread, which delivers the body it reads). Threads are created on demand, are daemons, and die
 * after a minute idle. Hosts that want to bound or instrument them pass their own executor instead.
 */
public final class BodyStreamExecutor {

  private BodyStreamExecutor() {}

  /** The shared executor, created on first use and never shut down. */
  public static ExecutorService shared() {
    return Holder.SHARED;
  }

  private static final class Holder {
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(new DaemonThreads());
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "pyplugins-body-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
