/** Running protoc: building its command line, collecting its outputs, turning its errors into exceptions. */
package dev.pyplugins.codegen.protoc;
