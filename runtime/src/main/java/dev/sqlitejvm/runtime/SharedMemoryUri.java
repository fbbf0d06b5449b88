package dev.sqlitejvm.runtime;

import dev.sqlitejvm.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.List;

/**
 * A named in-memory database shared by the connections of this JVM:
 * {@code file:NAME?mode=memory&cache=shared}. Each connection has its own SQLite instance, so
 * SQLite's shared cache cannot provide this; instead the connection opens {@code file:NAME}
 * through the JVM-wide {@link MemoryVfs#named} for NAME, which frees the database when its last
 * connection closes.
 */
final class SharedMemoryUri {
    final String name;
    /** The URI SQLite is given: without mode and cache, so it goes through the VFS. */
    final String uri;

    private SharedMemoryUri(String name, String uri) {
        this.name = name;
        this.uri = uri;
    }

    /** The shared in-memory database {@code filename} names, or {@code null} for anything else. */
    static SharedMemoryUri parse(String filename) {
        if (!filename.startsWith("file:")) {
            return null;
        }
        int query = filename.indexOf('?');
        if (query < 0) {
            return null;
        }
        String name = filename.substring("file:".length(), query);
        int fragment = filename.indexOf('#', query);
        String params = filename.substring(query + 1, fragment < 0 ? filename.length() : fragment);
        boolean memory = false;
        boolean shared = false;
        List<String> kept = new ArrayList<>();
        for (String param : params.split("&")) {
            if (param.equals("mode=memory")) {
                memory = true;
            } else if (param.equals("cache=shared")) {
                shared = true;
            } else if (!param.isEmpty()) {
                kept.add(param);
            }
        }
        if (!memory || !shared || name.isEmpty() || name.equals(":memory:")) {
            return null;
        }
        return new SharedMemoryUri(name, "file:" + name + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
    }
}
