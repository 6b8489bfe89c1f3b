package dev.pyplugins.codegen.java;

import com.google.protobuf.Message;
import java.util.Set;

/** Distinctive AppErrors of the full protocol and the generated exception that carries them. */
final class AppErrors {

  private AppErrors() {}

  /** An AppError with every field set, params included, distinct per seed. */
  static Message distinctive(String seed) {
    Message prototype = (Message) Reflect.callStatic(Javac.fullProtocol().load(ApiConformanceTest.PACKAGE + "AppError"),
        "getDefaultInstance", new Class<?>[0]);
    return new Distinctive(seed + "/error").message(prototype, Set.of());
  }

  /** {@code new AppErrorException(appError)} from the compiled protocol. */
  static RuntimeException exception(Javac.Result compiled, Message appError) {
    Class<?> exception = compiled.load(ApiConformanceTest.PACKAGE + "AppErrorException");
    return (RuntimeException) Reflect.newInstance(exception, new Class<?>[] {appError.getClass()}, appError);
  }

  /** The AppError an AppErrorException carries. */
  static Message of(RuntimeException exception) {
    return (Message) Reflect.invoke(Reflect.method(exception.getClass(), "appError"), exception);
  }
}
