-- The load log, newest first, with who did each load (by_user; empty for loads from before it
-- was recorded, and for the demo build). Shown to beheerders only.
SELECT id, file, checksum, source, format, rows, periods, loaded_at, how, by_user, status, message
FROM loads
ORDER BY loaded_at DESC, id DESC
