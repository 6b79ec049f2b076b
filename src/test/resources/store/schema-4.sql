-- A storylens database at schema 4, as the store wrote it before the split into small classes (commit b200a5a):
-- its DDL as sqlite_master holds it, then every row. Four articles (x1 in no story), ingest-tier analyses of
-- three with their entities, a brief-tier analysis of q1 with an embedding, stories s-quake (q1, q2) and
-- s-flood (f1), the clusterer state. Made by sqlite3 from that code's output; read by SchemaMigrationsTest.
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT,
  outlet TEXT,
  wire TEXT,
  published_at TEXT,
  language TEXT,
  origin TEXT NOT NULL,
  url TEXT,
  ingested_at TEXT NOT NULL,
  article_json TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_at);
CREATE TABLE analyses (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tier TEXT NOT NULL,
  analysed_at TEXT NOT NULL,
  facts BLOB NOT NULL,
  PRIMARY KEY (article_id, tier)
);
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  opened INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  independent_sources INTEGER NOT NULL,
  first_published TEXT,
  last_published TEXT,
  title TEXT,
  updated_at TEXT NOT NULL,
  story_json TEXT NOT NULL
);
CREATE INDEX stories_size ON stories(articles DESC, opened);
CREATE TABLE story_articles (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL REFERENCES stories(id),
  copy_of TEXT
);
CREATE INDEX story_articles_story ON story_articles(story_id);
CREATE TABLE cluster_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  articles INTEGER NOT NULL,
  saved_at TEXT NOT NULL,
  snapshot BLOB NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE article_entities (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tier TEXT NOT NULL,
  name TEXT NOT NULL COLLATE NOCASE,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article_id, tier, name)
);
CREATE INDEX article_entities_name ON article_entities(name);
CREATE INDEX articles_url ON articles(url);
INSERT INTO schema_version VALUES(1);
INSERT INTO schema_version VALUES(2);
INSERT INTO schema_version VALUES(3);
INSERT INTO schema_version VALUES(4);
INSERT INTO articles VALUES('q1','hash-q1','Quake hits southern island','Reuters',NULL,'2025-03-11','en','q1.txt','https://example.org/q1','2026-12-05T12:34:51.747461694Z','{"id":"q1","title":"Quake hits southern island","outlet":"Reuters","wire":null,"published":{"year":2025,"month":3,"day":11,"time":null,"source":"METADATA","evidence":"2025-03-11","yearInferred":false},"language":"en","text":"An earthquake struck the island; Governor Ana Salas ordered tents.","removed":[{"text":"Share this article","category":"share-prompt"}],"foreignFragments":[],"url":"https://example.org/q1","origin":"q1.txt","format":"TEXT","contentHash":"hash-q1","warnings":[]}');
INSERT INTO articles VALUES('q2','hash-q2','Island quake kills ten','AP',NULL,'2025-03-12','en','q2.txt','https://example.org/q2','2026-12-05T12:34:51.747461694Z','{"id":"q2","title":"Island quake kills ten","outlet":"AP","wire":null,"published":{"year":2025,"month":3,"day":12,"time":null,"source":"METADATA","evidence":"2025-03-12","yearInferred":false},"language":"en","text":"Ten died after the earthquake, Governor Ana Salas said.","removed":[{"text":"Share this article","category":"share-prompt"}],"foreignFragments":[],"url":"https://example.org/q2","origin":"q2.txt","format":"TEXT","contentHash":"hash-q2","warnings":[]}');
INSERT INTO articles VALUES('f1','hash-f1','Floods force thousands from homes','BBC',NULL,'2025-03-14','en','f1.txt','https://example.org/f1','2026-12-05T12:34:51.747461694Z','{"id":"f1","title":"Floods force thousands from homes","outlet":"BBC","wire":null,"published":{"year":2025,"month":3,"day":14,"time":null,"source":"METADATA","evidence":"2025-03-14","yearInferred":false},"language":"en","text":"The river burst its banks; Mayor Ivo Brandt asked for sandbags.","removed":[{"text":"Share this article","category":"share-prompt"}],"foreignFragments":[],"url":"https://example.org/f1","origin":"f1.txt","format":"TEXT","contentHash":"hash-f1","warnings":[]}');
INSERT INTO articles VALUES('x1','hash-x1','Court rules on port case','bbc',NULL,'2025-03-15','en','x1.txt','https://example.org/x1','2026-12-05T12:34:51.747461694Z','{"id":"x1","title":"Court rules on port case","outlet":"bbc","wire":null,"published":{"year":2025,"month":3,"day":15,"time":null,"source":"METADATA","evidence":"2025-03-15","yearInferred":false},"language":"en","text":"The appeals court upheld the sentence.","removed":[{"text":"Share this article","category":"share-prompt"}],"foreignFragments":[],"url":"https://example.org/x1","origin":"x1.txt","format":"TEXT","contentHash":"hash-x1","warnings":[]}');
INSERT INTO analyses VALUES('q1','INGEST','2026-12-05T12:34:51.850390316Z',X'1f8b08000000000000ffcd50b14ec3500cfc15cb738400d10e61ea80d800b56395c1e459ea531abb7dcfa98aa2fc3b7e51cac2cac0e63bcb77e71b31b3184bcb19ebfd8851025fb1beaf309f48b01e311b259b199680f57a3d55687c750a3702eccbc379a08e215b1ada0eecc010f391243cc3ab5e388926d808c18e8e944153e0c401dcd3f21d4e4dd1b5687109f023bd1ca0bb7d9dd8a98f97edeefd0d7f257b7a5ca2ad1e3cdaed1d4f5cb42df6b3b08fe741ed36cbd07f725a0089a891459d55ffeeb7ea1f746bdab114fb7de3a82f55eb8c1bb7ba706b5a5a18a7e91b7921620d09020000');
INSERT INTO analyses VALUES('q2','INGEST','2026-12-05T12:34:51.850390316Z',X'1f8b08000000000000ffc591314fc3400c85ffcac9f30931b403d918101ba096adca607a0ff554e26bef9caa28baff8e13252c8c20b1f959d67b9fed810a44217b146a76034509b85273eba99c58a819a828679d3a9040cd7a5d3d29aed6a257880b11c1f1bb223b3dc0c1860fe79e8ff0ee315d902565772fecb6fcc1c5158ee1866a3b9a69d438a7ce7edf7364119f2758ebe561b37d7ea21f38ab856775673ccb0e8659fddfda19aac66ee2b4f2dc275d6ae9bb37e459b04852d69826d75fdec7ffd753341d2163e6ae35d58d3f4a936ecdff82bda671dfa1d62fe6c7bbbc37020000');
INSERT INTO analyses VALUES('f1','INGEST','2026-12-05T12:34:51.850390316Z',X'1f8b08000000000000ffc550bb6ac3500cfd15a1d984824b06772b74e8d0076db6e0418ed5f662ac9b5cc926c1f8dfab6b1c3a742d74d339a0f39a50598ce5c08ad57ec2202d9fb1ba29508f24584da846c91686a5c56a5bce051a9f9dc2dd17430a23276886a406c1141a924eefe0892e31c1e318e13e91b406a41db7f0e1a43a6ee8533738d759d48285d57dd5fd7943f7ba1cd9b9d787b7f79767fc95ab2cd760b739d8b58ce7cde216fa45d9cfd310ed7acbd0379c564022d1c8425c54ffa859f1dfb35aec58b2f7be76d4e795e3826bf719f96031f79fe6f91b383719e201020000');
INSERT INTO analyses VALUES('q1','BRIEF','2026-12-05T12:34:51.927336031Z',X'1f8b08000000000000ffcd50cb4ec33010fc156baf4415af56604e3d202ed05614214195838957aa95669dda9ba810e5df594729975e7be0b633ab9d999d0e2212231518416f3a7064f100fa3283581b02dd4164137860902ce8d9accf80f12014cc49a12cb7fbc694a82287a628156f51b9b833641fd4936f31900f6a4e46adcdce44e583c580568927c709f479d265c76e0cf0273d1e80b87dd728d4eaf175bd5cc049b2dbeb31daf44aa21ddf91c4499b5d3508cbb86f3c1f676aaa2f0c2330449e0d3b3fa89eefb7ec1f74cbbe444af69b5c5095aaf603cec5aac5827d6aa13b879d86aa2e3f5777372f6fcf17efedfdc70ff4fd2f971911ae60020000');
INSERT INTO stories VALUES('s-quake',0,2,2,'2025-03-11','2025-03-12','Quake hits southern island','2026-12-05T12:34:51.929292280Z','{"id":"s-quake","articles":[{"id":"q1","outlet":"Reuters","wire":null,"published":"2025-03-11","copyOf":null},{"id":"q2","outlet":"AP","wire":null,"published":"2025-03-12","copyOf":null}],"independentSources":2,"firstPublished":"2025-03-11","lastPublished":"2025-03-12"}');
INSERT INTO stories VALUES('s-flood',1,1,1,'2025-03-14','2025-03-14','Floods force thousands from homes','2026-12-05T12:34:51.929292280Z','{"id":"s-flood","articles":[{"id":"f1","outlet":"BBC","wire":null,"published":"2025-03-14","copyOf":null}],"independentSources":1,"firstPublished":"2025-03-14","lastPublished":"2025-03-14"}');
INSERT INTO story_articles VALUES('q1','s-quake',NULL);
INSERT INTO story_articles VALUES('q2','s-quake',NULL);
INSERT INTO story_articles VALUES('f1','s-flood',NULL);
INSERT INTO cluster_state VALUES(1,3,'2026-12-05T12:34:51.929292280Z',X'1f8b08000000000000ff9d90cd4ec3301084df65cf8ed4b8e1925b8bc4958a1e2b0ea9bd01ab8e9df80788a2bc3beba68852681571b1bcb3bbe3f13740e582121a3d944b06425b718012f882df658b659617c0405a111b34e1c16117d10895868791810fd61d8bdd70bcf7248392b4efb32e5607a4e56ffbdda9d7e524db183406aa9e3006749ea477e5104a13b566d0c6bd56fe15e57996b4276cdb3fd6d3d8c8be1cf9b9e36a33c78c5f9a3d335046628b7498b0b5d189949a33a895f361732d91aeae343910224b7e500617719a5c89a0de54e87f45a1379d4dbf4960b1d9a394cabc6c6343e0285a9324e7a7a2c76aba260297e06b6dadfc137cfd03fc7a7d3f87533193537e8b53718b53319753f17f4ea7d01f696dfc04dfaba23cf4020000');
INSERT INTO article_entities VALUES('q1','INGEST','Ana Salas','PERSON',1);
INSERT INTO article_entities VALUES('q2','INGEST','Ana Salas','PERSON',2);
INSERT INTO article_entities VALUES('f1','INGEST','Ivo Brandt','PERSON',1);
INSERT INTO article_entities VALUES('q1','BRIEF','Ana Salas','PERSON',1);
INSERT INTO articles_fts (rowid, title, text) VALUES(1,'Quake hits southern island','An earthquake struck the island; Governor Ana Salas ordered tents.');
INSERT INTO articles_fts (rowid, title, text) VALUES(2,'Island quake kills ten','Ten died after the earthquake, Governor Ana Salas said.');
INSERT INTO articles_fts (rowid, title, text) VALUES(3,'Floods force thousands from homes','The river burst its banks; Mayor Ivo Brandt asked for sandbags.');
INSERT INTO articles_fts (rowid, title, text) VALUES(4,'Court rules on port case','The appeals court upheld the sentence.');
