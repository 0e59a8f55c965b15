package org.athar.map;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.athar.status.Condition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where maps take their background from: a tile server, the only thing a page loads from elsewhere. Its address and
 * attribution are configuration (athar.map.tile-url, athar.map.tile-attribution; the Content-Security-Policy names
 * its origin, athar.map.tile-origin); with no tile address, maps show the places on a plain ground. Templates read
 * it as {inject:mapSettings.tileUrl}.
 */
@Named("mapSettings")
@ApplicationScoped
public class MapSettings {

    @ConfigProperty(name = "athar.map.tile-url")
    Optional<String> tileUrl;

    @ConfigProperty(name = "athar.map.tile-attribution")
    Optional<String> tileAttribution;

    public String tileUrl() {
        return tileUrl.orElse("");
    }

    public String tileAttribution() {
        return tileAttribution.orElse("");
    }

    /** The conditions a map's legend explains, worst first as the map's clusters rank them. */
    public List<Condition> conditions() {
        return Condition.WORST_FIRST;
    }
}
