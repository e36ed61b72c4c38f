-- The inbox finds the problems a unit may still have to act on by these columns (NoticeRepository).
-- Only submitted problems wait for recognition and only open reviews wait for a reviewer, so the
-- indexes hold those rows alone and stay small however many problems close.
create index problem_raising_side on problem (raising_side_path) where state = 'SUBMITTED';
create index problem_responsible_side on problem (responsible_side_path) where state = 'SUBMITTED';
create index problem_review_unit on problem (review_unit_path) where review_state = 'OPEN';
