-- Record a load in the log.
INSERT INTO loads (id, file, checksum, source, format, rows, periods, loaded_at, how, status, message)
VALUES ($id, $file, $checksum, $source, $format, $rows, $periods, $loaded_at, $how, $status, $message)
