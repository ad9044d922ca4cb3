-- expect: person idx 5 (id 'M006'): added_day -99999999999 is not a day
UPDATE person SET added_day = -99999999999 WHERE id = 'M006';
