-- Sources with licence, attribution and flags.
SELECT * FROM sources ORDER BY key
