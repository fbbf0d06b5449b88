package dev.sqlitejvm.runtime;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import dev.sqlitejvm.wasm.Sqlite3ModuleExports;

/** The module's exports that the runtime calls, looked up once per instance. */
final class Exports {
    final ExportFunction initialize;
    final ExportFunction malloc;
    final ExportFunction free;

    final ExportFunction memoryUsed;
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
    final ExportFunction tableColumnMetadata;

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
    final ExportFunction columnTableName;
    final ExportFunction columnOriginName;
    final ExportFunction columnDatabaseName;

    final ExportFunction backupInit;
    final ExportFunction backupStep;
    final ExportFunction backupFinish;
    final ExportFunction backupRemaining;
    final ExportFunction backupPagecount;
    final ExportFunction serialize;
    final ExportFunction deserialize;
    final ExportFunction malloc64;
    final ExportFunction blobOpen;
    final ExportFunction blobRead;
    final ExportFunction blobWrite;
    final ExportFunction blobBytes;
    final ExportFunction blobReopen;
    final ExportFunction blobClose;
    final ExportFunction createFunction;
    final ExportFunction createCollation;
    final ExportFunction busyHandler;
    final ExportFunction commitHook;
    final ExportFunction rollbackHook;
    final ExportFunction updateHook;
    final ExportFunction walHook;
    final ExportFunction valueType;
    final ExportFunction valueInt64;
    final ExportFunction valueDouble;
    final ExportFunction valueText;
    final ExportFunction valueBlob;
    final ExportFunction valueBytes;
    final ExportFunction resultNull;
    final ExportFunction resultInt64;
    final ExportFunction resultDouble;
    final ExportFunction resultText;
    final ExportFunction resultBlob64;
    final ExportFunction resultZeroblob64;
    final ExportFunction resultError;
    final ExportFunction resultErrorCode;

    final ExportFunction sessionCreate;
    final ExportFunction sessionChangeset;
    final ExportFunction sessionDelete;
    final ExportFunction changesetApply;

    Exports(Instance instance) {
        initialize = export(instance, "_initialize");
        malloc = export(instance, "malloc");
        free = export(instance, "free");
        memoryUsed = export(instance, "sqlite3_memory_used");

        libversion = export(instance, "sqlite3_libversion");
        sourceid = export(instance, "sqlite3_sourceid");
        compileoptionGet = export(instance, "sqlite3_compileoption_get");
        compileOptionCount = export(instance, "sqlite_jvm_compile_option_count");
        errstr = export(instance, "sqlite3_errstr");
        sqliteFree = export(instance, "sqlite3_free");

        open = export(instance, "sqlite_jvm_open");
        lastRc = export(instance, "sqlite_jvm_last_rc");
        lastTail = export(instance, "sqlite_jvm_last_tail");
        lastSize = export(instance, "sqlite_jvm_last_size");
        closeV2 = export(instance, "sqlite3_close_v2");
        errmsg = export(instance, "sqlite3_errmsg");
        extendedErrcode = export(instance, "sqlite3_extended_errcode");
        errorOffset = export(instance, "sqlite3_error_offset");
        changes64 = export(instance, "sqlite3_changes64");
        totalChanges64 = export(instance, "sqlite3_total_changes64");
        lastInsertRowid = export(instance, "sqlite3_last_insert_rowid");
        interrupt = export(instance, "sqlite3_interrupt");
        busyTimeout = export(instance, "sqlite3_busy_timeout");
        limit = export(instance, "sqlite3_limit");
        getAutocommit = export(instance, "sqlite3_get_autocommit");
        dbFilename = export(instance, "sqlite3_db_filename");
        dbReadonly = export(instance, "sqlite3_db_readonly");
        progressHandler = export(instance, "sqlite_jvm_progress_handler");
        tableColumnMetadata = export(instance, "sqlite3_table_column_metadata");

        prepare = export(instance, "sqlite_jvm_prepare");
        finalizeStmt = export(instance, "sqlite3_finalize");
        reset = export(instance, "sqlite3_reset");
        step = export(instance, "sqlite3_step");
        clearBindings = export(instance, "sqlite3_clear_bindings");
        sql = export(instance, "sqlite3_sql");
        expandedSql = export(instance, "sqlite3_expanded_sql");
        stmtReadonly = export(instance, "sqlite3_stmt_readonly");
        bindParameterCount = export(instance, "sqlite3_bind_parameter_count");
        bindParameterName = export(instance, "sqlite3_bind_parameter_name");
        bindParameterIndex = export(instance, "sqlite3_bind_parameter_index");
        bindNull = export(instance, "sqlite3_bind_null");
        bindInt64 = export(instance, "sqlite3_bind_int64");
        bindDouble = export(instance, "sqlite3_bind_double");
        bindText = export(instance, "sqlite3_bind_text");
        bindBlob64 = export(instance, "sqlite3_bind_blob64");
        bindZeroblob64 = export(instance, "sqlite3_bind_zeroblob64");
        columnCount = export(instance, "sqlite3_column_count");
        columnType = export(instance, "sqlite3_column_type");
        columnInt64 = export(instance, "sqlite3_column_int64");
        columnDouble = export(instance, "sqlite3_column_double");
        columnText = export(instance, "sqlite3_column_text");
        columnBlob = export(instance, "sqlite3_column_blob");
        columnBytes = export(instance, "sqlite3_column_bytes");
        columnName = export(instance, "sqlite3_column_name");
        columnDecltype = export(instance, "sqlite3_column_decltype");
        columnTableName = export(instance, "sqlite3_column_table_name");
        columnOriginName = export(instance, "sqlite3_column_origin_name");
        columnDatabaseName = export(instance, "sqlite3_column_database_name");

        backupInit = export(instance, "sqlite3_backup_init");
        backupStep = export(instance, "sqlite3_backup_step");
        backupFinish = export(instance, "sqlite3_backup_finish");
        backupRemaining = export(instance, "sqlite3_backup_remaining");
        backupPagecount = export(instance, "sqlite3_backup_pagecount");
        serialize = export(instance, "sqlite_jvm_serialize");
        deserialize = export(instance, "sqlite3_deserialize");
        malloc64 = export(instance, "sqlite3_malloc64");
        blobOpen = export(instance, "sqlite_jvm_blob_open");
        blobRead = export(instance, "sqlite3_blob_read");
        blobWrite = export(instance, "sqlite3_blob_write");
        blobBytes = export(instance, "sqlite3_blob_bytes");
        blobReopen = export(instance, "sqlite3_blob_reopen");
        blobClose = export(instance, "sqlite3_blob_close");
        createFunction = export(instance, "sqlite_jvm_create_function");
        createCollation = export(instance, "sqlite_jvm_create_collation");
        busyHandler = export(instance, "sqlite_jvm_busy_handler");
        commitHook = export(instance, "sqlite_jvm_commit_hook");
        rollbackHook = export(instance, "sqlite_jvm_rollback_hook");
        updateHook = export(instance, "sqlite_jvm_update_hook");
        walHook = export(instance, "sqlite_jvm_wal_hook");
        valueType = export(instance, "sqlite3_value_type");
        valueInt64 = export(instance, "sqlite3_value_int64");
        valueDouble = export(instance, "sqlite3_value_double");
        valueText = export(instance, "sqlite3_value_text");
        valueBlob = export(instance, "sqlite3_value_blob");
        valueBytes = export(instance, "sqlite3_value_bytes");
        resultNull = export(instance, "sqlite3_result_null");
        resultInt64 = export(instance, "sqlite3_result_int64");
        resultDouble = export(instance, "sqlite3_result_double");
        resultText = export(instance, "sqlite3_result_text");
        resultBlob64 = export(instance, "sqlite3_result_blob64");
        resultZeroblob64 = export(instance, "sqlite3_result_zeroblob64");
        resultError = export(instance, "sqlite3_result_error");
        resultErrorCode = export(instance, "sqlite3_result_error_code");

        sessionCreate = export(instance, "sqlite_jvm_session_create");
        sessionChangeset = export(instance, "sqlite_jvm_session_changeset");
        sessionDelete = export(instance, "sqlite3session_delete");
        changesetApply = export(instance, "sqlite_jvm_changeset_apply");
    }

    /**
     * The export as a direct call of its compiled method (see {@code wasm-split}'s ExportCalls):
     * Chicory's own export goes through a call dispatch too large for the JIT.
     */
    private static ExportFunction export(Instance instance, String name) {
        ExportFunction direct = Sqlite3ModuleExports.function(instance, name);
        return direct != null ? direct : instance.export(name);
    }
}
