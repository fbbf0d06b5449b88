-- The demo database the shell opens when given no file: SQLite's release history, briefly.
create table releases(version text primary key, released date not null, note text);
insert into releases values
  ('3.0.0',  '2004-06-18', 'new file format, UTF-16, manifest typing'),
  ('3.6.19', '2009-10-14', 'foreign key constraints'),
  ('3.7.0',  '2010-07-21', 'write-ahead log'),
  ('3.8.3',  '2014-02-03', 'common table expressions'),
  ('3.9.0',  '2015-10-14', 'JSON1 and FTS5'),
  ('3.25.0', '2018-09-15', 'window functions'),
  ('3.35.0', '2021-03-12', 'RETURNING and math functions'),
  ('3.45.0', '2024-01-15', 'JSONB');
create table features(name text primary key, since text references releases(version));
insert into features select note, version from releases;
