-- A problem's title is shown to the public (the duplicate hint, linking a report to it, a linked
-- report's tracking page) only when this is set. Residents' own reports start public; staff decide
-- for every other problem, and may also withdraw a resident's title.
alter table problem add column title_public boolean default false not null;

update problem set title_public = true where source = 'RESIDENT';
