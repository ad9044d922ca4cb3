-- expect: person idx 6 (id 'M007'): sponsor refers to person idx 100000, which does not exist
UPDATE person SET sponsor = 100000 WHERE id = 'M007';
