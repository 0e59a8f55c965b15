-- Looting follows published coordinates. A place's location is shown to the public exactly, generalised to a coarse
-- cell (org.athar.place.LocationSensitivity: the centre of its 0.1° cell), or withheld; signed-in staff always see the
-- point as recorded. Existing places keep what they showed until now: their exact point.
ALTER TABLE place ADD COLUMN location_sensitivity text NOT NULL DEFAULT 'EXACT'
    CHECK (location_sensitivity IN ('EXACT', 'GENERALISED', 'WITHHELD'));
