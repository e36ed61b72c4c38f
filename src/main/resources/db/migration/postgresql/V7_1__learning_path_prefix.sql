create index learning_member_path_prefix on learning_member (unit_path varchar_pattern_ops);
create index learning_point_path_prefix on learning_point (unit_path varchar_pattern_ops);
