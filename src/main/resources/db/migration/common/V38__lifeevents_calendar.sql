-- The working-day calendar of one thing done at one time (docs/lifeevents-calendar.md): the days that differ
-- from Monday to Friday. HOLIDAY is a day off (a weekend day inside a festival too, for its name), WORKDAY a
-- weekend day worked (调休). A year without rows counts Monday to Friday.
create table le_calendar_day (
    cal_date   date         primary key,
    kind       varchar(10)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name_zh    varchar(40)  not null,
    name_en    varchar(80),
    version    integer      not null,
    changed_by varchar(100) not null,
    changed_at timestamp with time zone not null
);

-- The official 2026 calendar: State Council General Office, notice of 4 November 2025.
insert into le_calendar_day (cal_date, kind, name_zh, name_en, version, changed_by, changed_at) values
    (date '2026-01-01', 'HOLIDAY', '元旦', 'New Year''s Day', 1, 'system', current_timestamp),
    (date '2026-01-02', 'HOLIDAY', '元旦', 'New Year''s Day', 1, 'system', current_timestamp),
    (date '2026-01-03', 'HOLIDAY', '元旦', 'New Year''s Day', 1, 'system', current_timestamp),
    (date '2026-01-04', 'WORKDAY', '元旦', 'New Year''s Day', 1, 'system', current_timestamp),
    (date '2026-02-14', 'WORKDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-15', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-16', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-17', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-18', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-19', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-20', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-21', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-22', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-23', 'HOLIDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-02-28', 'WORKDAY', '春节', 'Spring Festival', 1, 'system', current_timestamp),
    (date '2026-04-04', 'HOLIDAY', '清明节', 'Qingming Festival', 1, 'system', current_timestamp),
    (date '2026-04-05', 'HOLIDAY', '清明节', 'Qingming Festival', 1, 'system', current_timestamp),
    (date '2026-04-06', 'HOLIDAY', '清明节', 'Qingming Festival', 1, 'system', current_timestamp),
    (date '2026-05-01', 'HOLIDAY', '劳动节', 'Labour Day', 1, 'system', current_timestamp),
    (date '2026-05-02', 'HOLIDAY', '劳动节', 'Labour Day', 1, 'system', current_timestamp),
    (date '2026-05-03', 'HOLIDAY', '劳动节', 'Labour Day', 1, 'system', current_timestamp),
    (date '2026-05-04', 'HOLIDAY', '劳动节', 'Labour Day', 1, 'system', current_timestamp),
    (date '2026-05-05', 'HOLIDAY', '劳动节', 'Labour Day', 1, 'system', current_timestamp),
    (date '2026-05-09', 'WORKDAY', '劳动节', 'Labour Day', 1, 'system', current_timestamp),
    (date '2026-06-19', 'HOLIDAY', '端午节', 'Dragon Boat Festival', 1, 'system', current_timestamp),
    (date '2026-06-20', 'HOLIDAY', '端午节', 'Dragon Boat Festival', 1, 'system', current_timestamp),
    (date '2026-06-21', 'HOLIDAY', '端午节', 'Dragon Boat Festival', 1, 'system', current_timestamp),
    (date '2026-09-20', 'WORKDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-09-25', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival', 1, 'system', current_timestamp),
    (date '2026-09-26', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival', 1, 'system', current_timestamp),
    (date '2026-09-27', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival', 1, 'system', current_timestamp),
    (date '2026-10-01', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-02', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-03', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-04', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-05', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-06', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-07', 'HOLIDAY', '国庆节', 'National Day', 1, 'system', current_timestamp),
    (date '2026-10-10', 'WORKDAY', '国庆节', 'National Day', 1, 'system', current_timestamp);
