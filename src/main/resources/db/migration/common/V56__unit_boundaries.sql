-- Units' boundaries (docs/units.md#boundaries): at most one per administrative unit, in WGS-84 longitude and
-- latitude. The shape is kept as WKB (JTS's well-known binary), read whole into each node's index; the bounding
-- box beside it lets the import read only the siblings it could overlap. No PostGIS: the checks and the
-- point-in-polygon placement run in the application (JTS), the same on H2 and PostgreSQL.
create table unit_boundary (
    unit_id     bigint           primary key references unit (id),
    geometry    bytea            not null,
    vertices    int              not null,
    area_km2    double precision not null,
    min_lon     double precision not null,
    min_lat     double precision not null,
    max_lon     double precision not null,
    max_lat     double precision not null,
    -- SHA-256 of the WKB, so that an audit record names the shape it set without holding it
    sha256      varchar(64)      not null,
    demo        boolean          not null default false,
    version     int              not null default 0,
    updated_by  varchar(100)     not null,
    updated_at  timestamp with time zone not null
);
create index unit_boundary_box on unit_boundary (min_lon, max_lon);

-- One counter for every boundary change, raised in the change's transaction. Each node keeps the value its
-- index was built from and rebuilds when the row holds another; every change locks this row first, so two
-- imports of neighbouring units are checked against each other one after the other.
create table unit_boundary_generation (
    id         int    primary key,
    generation bigint not null
);
insert into unit_boundary_generation (id, generation) values (1, 0);
