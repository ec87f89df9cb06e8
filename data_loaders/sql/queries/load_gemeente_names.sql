-- Names of loaded gemeenten (a placeholder name, the code itself, does not count).
SELECT code, name FROM areas
WHERE level = 'gemeente' AND list_contains($codes, code) AND name <> code
