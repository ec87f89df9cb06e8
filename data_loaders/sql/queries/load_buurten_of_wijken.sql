-- The buurten of the given wijken.
SELECT code, parent_code FROM areas WHERE level = 'buurt' AND list_contains($wijken, parent_code)
