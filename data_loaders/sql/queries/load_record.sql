-- Record a load in the log, with who did it ($by_user: the logged-in user, or the local user).
INSERT INTO loads (id, file, checksum, source, format, rows, periods, loaded_at, how, by_user, status, message)
VALUES ($id, $file, $checksum, $source, $format, $rows, $periods, $loaded_at, $how, $by_user, $status, $message)
