-- The load log, newest first.
SELECT id, file, checksum, source, format, rows, periods, loaded_at, how, status, message
FROM loads
ORDER BY loaded_at DESC, id DESC
