/**
 * The plugin runtime: what a Java host uses to run plugins of the Mattermost plugin protocol. Only
 * {@code dev.pyplugins.runtime} is exported; {@code dev.pyplugins.runtime.internal.*} is not an API.
 *
 * <p>The generated protocol classes ({@code dev.pyplugins.protocol.v1}: {@code HookName}, {@code Hooks},
 * {@code PluginApi}, ...) come from the module {@code dev.pyplugins.protocol}: the prebuilt
 * {@code pyplugins-generated} jar, or a host's own generation of the protocol in a jar of that name.
 */
module dev.pyplugins.runtime {
  requires transitive dev.pyplugins.protocol;
  requires transitive dev.pyplugins.runtime.support;
  requires transitive org.slf4j;
  requires static transitive jakarta.servlet;
  requires com.fasterxml.jackson.databind;
  requires com.google.common;
  requires io.grpc.netty.shaded;
  requires io.grpc.services;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;

  exports dev.pyplugins.runtime;
}
