-- Is this source key in the sources table?
SELECT key FROM sources WHERE key = $key
