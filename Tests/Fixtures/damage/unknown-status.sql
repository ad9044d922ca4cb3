-- expect: person idx 9 (id 'M010'): status 300 is not a status
UPDATE person SET status = 300 WHERE id = 'M010';
