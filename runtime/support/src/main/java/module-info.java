/**
 * What generated Java code links against: streamed bodies with backpressure, caller identity, hook call
 * options and invocation.
 */
module dev.pyplugins.runtime.support {
  requires transitive io.grpc;
  requires transitive io.grpc.stub;
  requires transitive com.google.protobuf;

  exports dev.pyplugins.runtime.support;
}
