-- expect: person idx 4 (id 'M005'): joined 9223372036854775807 is not a day between 0001-01-01 and 9999-12-31
UPDATE person SET joined = 9223372036854775807 WHERE id = 'M005';
