-- Level 3 keeps audit records at least six months: the database itself refuses to delete a younger
-- record or a batch seal covering one, whoever asks (archiving removes only older ones). The
-- embedded H2 database has no such guard.
create function audit_refuse_young_delete() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are kept at least six months: % % is younger', tg_table_name, old.id;
end;
$$;

create trigger audit_record_kept_six_months before delete on audit_record
    for each row when (old.occurred_at > now() - interval '6 months')
    execute function audit_refuse_young_delete();

create trigger audit_seal_kept_six_months before delete on audit_seal
    for each row when (old.sealed_at > now() - interval '6 months')
    execute function audit_refuse_young_delete();
