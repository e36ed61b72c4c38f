-- Personal data found by the person it is about (issue 20, PIPL): a keyed look-up hash beside ID
-- card numbers and phones wherever they are kept, so that a request to export or erase what is
-- held on someone finds it without decrypting every row. Hashes of rows written before this
-- migration are filled in by the field rewriting pass (FieldRekeyer).
alter table le_application_value add column lookup_hash varchar(64);
create index le_application_value_lookup on le_application_value (lookup_hash);
alter table le_profile_value add column lookup_hash varchar(64);
create index le_profile_value_lookup on le_profile_value (lookup_hash);
alter table le_consent_owner add column phone_hash varchar(64);
create index le_consent_owner_phone on le_consent_owner (phone_hash);
create index problem_reporter_phone on problem (reporter_phone_hash);
