-- Maps ask for the places in an area, as the public may see them: the point itself, the centre of its 0.1° cell, or
-- nothing (org.athar.place.LocationSensitivity#shown is the same rule). x is the longitude, y the latitude.
CREATE FUNCTION athar_public_point(latitude double precision, longitude double precision, sensitivity text)
    RETURNS point LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE
    WHEN latitude IS NULL OR sensitivity = 'WITHHELD' THEN NULL
    WHEN sensitivity = 'GENERALISED' THEN point((floor(longitude::numeric / 0.1) * 0.1 + 0.05)::double precision,
                                                (floor(latitude::numeric / 0.1) * 0.1 + 0.05)::double precision)
    ELSE point(longitude, latitude)
END
$$;

CREATE INDEX place_public_point_idx ON place USING gist (athar_public_point(latitude, longitude, location_sensitivity));
