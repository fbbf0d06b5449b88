/*
 * Declarations shared by the glue: the import module name and the helper that marks a function as
 * a host import implemented in Java (dev.sqlitejvm.runtime).
 */
#ifndef SQLITE_JVM_HOST_H
#define SQLITE_JVM_HOST_H

#define HOST_IMPORT(name) __attribute__((import_module("sqlite_jvm"), import_name(#name)))
/* Marks a function exported to Java; exports.txt is the list wasm-ld exports. */
#define EXPORT __attribute__((used))

#endif
