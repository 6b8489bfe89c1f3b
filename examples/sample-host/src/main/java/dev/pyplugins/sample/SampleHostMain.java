package dev.pyplugins.sample;

import dev.pyplugins.runtime.RuntimeOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java ... dev.pyplugins.sample.SampleHostMain [options]}: see {@link HostOptions#USAGE}. */
public final class SampleHostMain {
  private SampleHostMain() {
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(HostOptions.USAGE);
      return;
    }
    HostOptions options;
    try {
      options = HostOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sample-host: " + e.getMessage());
      System.err.println(HostOptions.USAGE);
      System.exit(2);
      return;
    }
    SampleHost host;
    try {
      host = SampleHost.start(options, RuntimeOptions.defaults());
    } catch (HostStartupException e) {
      System.err.println("sample-host: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      host.close();
      stopped.countDown();
    }, "sample-host-shutdown"));
    printLogin(host);
    boolean tourPassed = true;
    if (options.tour()) {
      try {
        new Tour(host.uri(), host.demoLogin(), System.out).run();
      } catch (Tour.StepFailed e) {
        tourPassed = false;
        System.err.println("the tour failed: " + e.getMessage());
      } catch (Exception e) {
        tourPassed = false;
        System.err.println("the tour failed: " + e);
      }
    }
    if (options.exitAfterTour() || !tourPassed) {
      System.exit(tourPassed ? 0 : 1); // the shutdown hook stops the plugins
    }
    System.out.printf("%nThe sample host is running on %s (Ctrl-C stops it).%n", host.uri());
    printLogin(host);
    stopped.await();
  }

  private static void printLogin(SampleHost host) {
    DemoSeed.DemoLogin login = host.demoLogin();
    System.out.printf("%nOpen %s/ and log in as %s / %s (system admin) or %s / %s%n", host.uri(), login.admin(),
        show(login.adminPassword()), login.user(), show(login.userPassword()));
  }

  private static String show(String password) {
    return password.isEmpty() ? "(password set earlier; its file " + DemoSeed.FILE + " is gone)" : password;
  }
}
