package dev.sqlitejvm.runtime;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;

/** The module's exports that the runtime calls, looked up once per instance. */
final class Exports {
    final ExportFunction initialize;
    final ExportFunction malloc;
    final ExportFunction free;

    final ExportFunction libversion;
    final ExportFunction sourceid;
    final ExportFunction compileoptionGet;
    final ExportFunction compileOptionCount;
    final ExportFunction errstr;
    final ExportFunction sqliteFree;

    final ExportFunction open;
    final ExportFunction lastRc;
    final ExportFunction lastTail;
    final ExportFunction lastSize;
    final ExportFunction closeV2;
    final ExportFunction errmsg;
    final ExportFunction extendedErrcode;
    final ExportFunction errorOffset;
    final ExportFunction changes64;
    final ExportFunction totalChanges64;
    final ExportFunction lastInsertRowid;
    final ExportFunction interrupt;
    final ExportFunction busyTimeout;
    final ExportFunction limit;
    final ExportFunction getAutocommit;
    final ExportFunction dbFilename;
    final ExportFunction dbReadonly;
    final ExportFunction progressHandler;

    final ExportFunction prepare;
    final ExportFunction finalizeStmt;
    final ExportFunction reset;
    final ExportFunction step;
    final ExportFunction clearBindings;
    final ExportFunction sql;
    final ExportFunction expandedSql;
    final ExportFunction stmtReadonly;
    final ExportFunction bindParameterCount;
    final ExportFunction bindParameterName;
    final ExportFunction bindParameterIndex;
    final ExportFunction bindNull;
    final ExportFunction bindInt64;
    final ExportFunction bindDouble;
    final ExportFunction bindText;
    final ExportFunction bindBlob64;
    final ExportFunction bindZeroblob64;
    final ExportFunction columnCount;
    final ExportFunction columnType;
    final ExportFunction columnInt64;
    final ExportFunction columnDouble;
    final ExportFunction columnText;
    final ExportFunction columnBlob;
    final ExportFunction columnBytes;
    final ExportFunction columnName;
    final ExportFunction columnDecltype;

    final ExportFunction sessionCreate;
    final ExportFunction sessionChangeset;
    final ExportFunction sessionDelete;
    final ExportFunction changesetApply;

    Exports(Instance instance) {
        initialize = instance.export("_initialize");
        malloc = instance.export("malloc");
        free = instance.export("free");

        libversion = instance.export("sqlite3_libversion");
        sourceid = instance.export("sqlite3_sourceid");
        compileoptionGet = instance.export("sqlite3_compileoption_get");
        compileOptionCount = instance.export("sqlite_jvm_compile_option_count");
        errstr = instance.export("sqlite3_errstr");
        sqliteFree = instance.export("sqlite3_free");

        open = instance.export("sqlite_jvm_open");
        lastRc = instance.export("sqlite_jvm_last_rc");
        lastTail = instance.export("sqlite_jvm_last_tail");
        lastSize = instance.export("sqlite_jvm_last_size");
        closeV2 = instance.export("sqlite3_close_v2");
        errmsg = instance.export("sqlite3_errmsg");
        extendedErrcode = instance.export("sqlite3_extended_errcode");
        errorOffset = instance.export("sqlite3_error_offset");
        changes64 = instance.export("sqlite3_changes64");
        totalChanges64 = instance.export("sqlite3_total_changes64");
        lastInsertRowid = instance.export("sqlite3_last_insert_rowid");
        interrupt = instance.export("sqlite3_interrupt");
        busyTimeout = instance.export("sqlite3_busy_timeout");
        limit = instance.export("sqlite3_limit");
        getAutocommit = instance.export("sqlite3_get_autocommit");
        dbFilename = instance.export("sqlite3_db_filename");
        dbReadonly = instance.export("sqlite3_db_readonly");
        progressHandler = instance.export("sqlite_jvm_progress_handler");

        prepare = instance.export("sqlite_jvm_prepare");
        finalizeStmt = instance.export("sqlite3_finalize");
        reset = instance.export("sqlite3_reset");
        step = instance.export("sqlite3_step");
        clearBindings = instance.export("sqlite3_clear_bindings");
        sql = instance.export("sqlite3_sql");
        expandedSql = instance.export("sqlite3_expanded_sql");
        stmtReadonly = instance.export("sqlite3_stmt_readonly");
        bindParameterCount = instance.export("sqlite3_bind_parameter_count");
        bindParameterName = instance.export("sqlite3_bind_parameter_name");
        bindParameterIndex = instance.export("sqlite3_bind_parameter_index");
        bindNull = instance.export("sqlite3_bind_null");
        bindInt64 = instance.export("sqlite3_bind_int64");
        bindDouble = instance.export("sqlite3_bind_double");
        bindText = instance.export("sqlite3_bind_text");
        bindBlob64 = instance.export("sqlite3_bind_blob64");
        bindZeroblob64 = instance.export("sqlite3_bind_zeroblob64");
        columnCount = instance.export("sqlite3_column_count");
        columnType = instance.export("sqlite3_column_type");
        columnInt64 = instance.export("sqlite3_column_int64");
        columnDouble = instance.export("sqlite3_column_double");
        columnText = instance.export("sqlite3_column_text");
        columnBlob = instance.export("sqlite3_column_blob");
        columnBytes = instance.export("sqlite3_column_bytes");
        columnName = instance.export("sqlite3_column_name");
        columnDecltype = instance.export("sqlite3_column_decltype");

        sessionCreate = instance.export("sqlite_jvm_session_create");
        sessionChangeset = instance.export("sqlite_jvm_session_changeset");
        sessionDelete = instance.export("sqlite3session_delete");
        changesetApply = instance.export("sqlite_jvm_changeset_apply");
    }
}
