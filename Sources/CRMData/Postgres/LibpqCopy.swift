import CLibpq
import Foundation

/// The two COPY directions on a `LibpqConnection`: rows out in binary (the table scans) and rows
/// in as text (`copy` into PostgreSQL), each wait bounded as every other.
extension LibpqConnection {
    /// Starts `COPY (select) TO STDOUT (FORMAT binary)`: the connection then hands over the rows.
    func startCopy(_ select: String, reading table: String) throws {
        let result = try run("COPY (\(select)) TO STDOUT (FORMAT binary)", reading: table)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COPY_OUT else { throw failure(result, reading: table) }
    }

    /// The next piece of the COPY data (one row, the header with the first), handed to `body`
    /// and freed after; false at the end of the data, once the COPY's own result said it went well.
    func copyPiece(reading table: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        var buffer: UnsafeMutablePointer<CChar>?
        var n = PQgetCopyData(conn, &buffer, 1)
        while n == 0 {
            try awaitServer(reading: table)
            n = PQgetCopyData(conn, &buffer, 1)
        }
        if n > 0, let buffer {
            defer { PQfreemem(buffer) }
            try body(UnsafeRawBufferPointer(start: buffer, count: Int(n)))
            return true
        }
        if let buffer { PQfreemem(buffer) }
        // -1: the COPY is done, its result says how; -2: an error, also in the result when the server sent one.
        try finishCopy(reading: table)
        if n != -1 { throw failure(nil, reading: table) }
        return false
    }

    /// The results after a COPY: the first failure is thrown.
    private func finishCopy(reading table: String) throws {
        var first: CRMError?
        while let result = try nextResult(reading: table) {
            if first == nil, PQresultStatus(result) != PGRES_COMMAND_OK { first = failure(result, reading: table) }
            PQclear(result)
            if PQstatus(conn) == CONNECTION_BAD { break }
        }
        if let first { throw first }
    }

    /// `COPY table (columns) FROM STDIN`, fed by `body` with pieces of COPY's text format; the
    /// server's verdict comes after the last. A piece is sent before the next is made, so memory
    /// stays at one piece however slow the server.
    func copyIn(_ sql: String, table: String, _ body: (_ send: ([UInt8]) throws -> Void) throws -> Void) throws {
        let result = try run(sql, reading: table)
        let status = PQresultStatus(result)
        PQclear(result)
        guard status == PGRES_COPY_IN else { throw failure(nil, reading: table) }
        do {
            try body { bytes in
                let queued = bytes.withUnsafeBufferPointer { b in
                    b.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32(b.count)) }
                }
                guard queued == 1 else { throw failure(nil, reading: table) }
                try flush(reading: table)
            }
        } catch {
            // The server drops what it had of this COPY; the statement fails, and so the transaction.
            _ = PQputCopyEnd(conn, "crm-report stopped the copy")
            try? flush(reading: table)
            throw error
        }
        guard PQputCopyEnd(conn, nil) == 1 else { throw failure(nil, reading: table) }
        try flush(reading: table)
        try finishCopy(reading: table)
    }
}

/// A binary COPY of one select, in batches of about `batchRows` rows, each parsed into the same
/// `RowBatch` once the reader has moved on from the last one.
final class PostgresCopyScan {
    let connection: LibpqConnection
    let table: String
    let width: Int
    let batchRows: Int
    private var decoder: BinaryCopyDecoder
    private var open = true
    /// The batch being read; the reader holds pointers into it until its next `advance`.
    let current: RowBatch

    init(connection: LibpqConnection, table: String, select: String, width: Int, batchRows: Int) throws {
        self.connection = connection
        self.table = table
        self.width = width
        self.batchRows = batchRows
        decoder = BinaryCopyDecoder(width: width)
        current = RowBatch(width: width, expectedRows: batchRows)
        try connection.startCopy(select, reading: table)
    }

    /// The next batch, or nil after the last row.
    func advance() throws -> RowBatch? {
        current.reset()
        do {
            while open && current.rows < batchRows {
                let batch = current
                open = try connection.copyPiece(reading: table) { piece in try decoder.feed(piece, into: batch) }
                if !open { try decoder.finish() }
            }
        } catch let e as BinaryCopyError {
            open = false
            throw CRMError("cannot read table '\(table)' from PostgreSQL at \(connection.location): \(e)", kind: .internalFailure)
        } catch {
            open = false
            throw error
        }
        return current.rows > 0 ? current : nil
    }
}
