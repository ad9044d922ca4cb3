-- expect: person idx 3 (id 'M004'): sponsor is the person themselves
UPDATE person SET sponsor = idx WHERE id = 'M004';
