-- expect: person idx 8 (id 'M009'): team refers to team idx 42, which does not exist
UPDATE person SET team = 42 WHERE id = 'M009';
