-- expect: meta row 'network': not valid TeamGraph metadata
UPDATE meta SET value = '{not json' WHERE key = 'network';
