package org.undersigned.imports;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The imports table: an upload kept between its preview and its import, and the import's progress. */
final class ImportDao {
    private ImportDao() {}

    static void insert(Handle h, String id, long petitionId, long coordinatorId, String fileName, ImportFile.Decoded file, long now) {
        h.createUpdate("""
                        INSERT INTO imports (id, petition_id, coordinator_id, file_name, content, charset, cell_separator, created_at)
                        VALUES (:id, :petitionId, :coordinatorId, :fileName, :content, :charset, :separator, :now)""")
                .bind("id", id).bind("petitionId", petitionId).bind("coordinatorId", coordinatorId).bind("fileName", fileName)
                .bind("content", file.text()).bind("charset", file.charset()).bind("separator", String.valueOf(file.separator()))
                .bind("now", now).execute();
    }

    /** Previews left unconfirmed for a day are dropped with their files. */
    static int forgetStale(Handle h, long before) {
        return h.createUpdate("DELETE FROM imports WHERE state = 'preview' AND created_at < :before").bind("before", before).execute();
    }

    static Optional<Upload> find(Jdbi reads, String id, long petitionId, boolean withContent) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT id, petition_id, file_name, CASE WHEN :withContent THEN content ELSE '' END AS content, charset,
                               cell_separator, state, mapping, rows_total, rows_done, imported, report, created_at
                        FROM imports WHERE id = :id AND petition_id = :petitionId""")
                .bind("id", id).bind("petitionId", petitionId).bind("withContent", withContent)
                .map((rs, ctx) -> new Upload(rs.getString("id"), rs.getLong("petition_id"), rs.getString("file_name"), rs.getString("content"),
                        rs.getString("charset"), rs.getString("cell_separator").charAt(0), ImportState.of(rs.getString("state")),
                        rs.getString("mapping"), rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("imported"),
                        rs.getString("report"), rs.getLong("created_at")))
                .findOne());
    }

    /** Moves a preview to running with its mapping; false when it is no preview any more (confirmed twice, or gone). */
    static boolean start(Handle h, String id, String mapping, long now) {
        return h.createUpdate("""
                        UPDATE imports SET state = 'running', mapping = :mapping, started_at = :now
                        WHERE id = :id AND state = 'preview'""")
                .bind("id", id).bind("mapping", mapping).bind("now", now).execute() == 1;
    }

    static void progress(Handle h, String id, int rowsTotal, int rowsDone, int imported) {
        h.createUpdate("UPDATE imports SET rows_total = :total, rows_done = :done, imported = :imported WHERE id = :id")
                .bind("id", id).bind("total", rowsTotal).bind("done", rowsDone).bind("imported", imported).execute();
    }

    /** The end: the report kept, the file let go. */
    static void finish(Handle h, String id, ImportState state, String report, long now) {
        h.createUpdate("UPDATE imports SET state = :state, report = :report, content = '', finished_at = :now WHERE id = :id")
                .bind("id", id).bind("state", state.code()).bind("report", report).bind("now", now).execute();
    }
}
