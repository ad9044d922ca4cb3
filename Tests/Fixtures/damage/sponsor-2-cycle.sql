-- expect: person idx 2 (id 'M003'): sponsor cycle: 'M003' → 'M027' → 'M003'
UPDATE person SET sponsor = (SELECT idx FROM person WHERE id = 'M027') WHERE id = 'M003';
UPDATE person SET sponsor = (SELECT idx FROM person WHERE id = 'M003') WHERE id = 'M027';
