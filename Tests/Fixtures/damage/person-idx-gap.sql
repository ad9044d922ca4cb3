-- expect: person rows are not numbered 0, 1, 2, ...: idx 1000 where 59 was expected
UPDATE person SET idx = 1000 WHERE id = 'M060';
