-- expect: person idx 7 (id 'M008'): owner refers to person idx -5, which does not exist
UPDATE person SET owner = -5 WHERE id = 'M008';
