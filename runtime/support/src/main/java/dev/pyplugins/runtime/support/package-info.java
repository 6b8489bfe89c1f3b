/**
 * What generated Java code links against: streamed bodies with flow control on both sides of a call
 * ({@link dev.pyplugins.runtime.support.BodySink}, {@link dev.pyplugins.runtime.support.ClientBodyCall},
 * {@link dev.pyplugins.runtime.support.ServerBodyCalls}), the authenticated caller
 * ({@link dev.pyplugins.runtime.support.PluginCaller}) and the hook call policy
 * ({@link dev.pyplugins.runtime.support.HookCallOptions}, {@link dev.pyplugins.runtime.support.HookInvoker}).
 */
package dev.pyplugins.runtime.support;
