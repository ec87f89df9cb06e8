-- Has exactly this file been loaded for this source before?
SELECT id FROM loads WHERE checksum = $checksum AND source = $source AND status = 'geladen'
