-- A resident's report may come without a description (an Open311 client sends only the service and
-- the place); it is stored as none rather than a made-up text.
alter table problem alter column description drop not null;
