package org.athar.place;

import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of a place's names, in a language (BCP 47) and script direction. */
@Entity
@Table(name = "place_name")
public class PlaceName extends PanacheEntityBase {

    // Languages written right to left, unless a script subtag says otherwise (ar-Latn is a transliteration).
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "he", "fa", "ur", "syc", "arc", "ps", "ckb", "yi");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "place_id")
    public Place place;

    public String name;

    public String language;

    @Enumerated(EnumType.STRING)
    public ScriptDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "name_type")
    public NameType nameType;

    /** The direction a language's script is written in (Arabic, Hebrew, Persian... right to left unless transliterated). */
    public static ScriptDirection directionOf(String language) {
        String[] parts = language.split("-");
        boolean latinScript = parts.length > 1 && parts[1].length() == 4 && !parts[1].equals("Arab");
        return RTL_LANGUAGES.contains(parts[0]) && !latinScript ? ScriptDirection.RTL : ScriptDirection.LTR;
    }
}
