/**
 * The protocol model: the descriptor set parsed once into immutable records (files, services, methods,
 * messages, fields, doc comments), plus the derived view of each RPC that every generator shares.
 * Generators read this model, never raw descriptors.
 */
package dev.pyplugins.codegen.model;
