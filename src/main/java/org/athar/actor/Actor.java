package org.athar.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Who a source says did something: an armed group, a state's forces, a person... known by every name and spelling the
 * sources use ("Islamic State", "IS", "Isis", "Daesh", "داعش"), so that claims naming it in different words agree.
 * A claim keeps its source's words and names the actor they spell (the database finds it from the words).
 */
@Entity
public class Actor extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    @Enumerated(EnumType.STRING)
    public ActorKind kind;

    public String description;

    @OneToMany(mappedBy = "actor", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ActorName> names = new ArrayList<>();

    @Version
    public int version;

    public static Optional<Actor> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Actor> listAll() {
        return list("select a from Actor a left join fetch a.names order by a.slug");
    }

    /** The first name in the language asked, else the first English one, else the first. */
    public String name(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return names.stream().filter(n -> n.language.equals(language)).findFirst()
                .or(() -> names.stream().filter(n -> n.language.equals("en")).findFirst())
                .or(() -> names.stream().findFirst()).map(n -> n.name).orElse(slug);
    }

    public String name() {
        return name(Locale.ENGLISH);
    }

    public void addName(String name, String language) {
        ActorName n = new ActorName();
        n.actor = this;
        n.name = name;
        n.language = language;
        names.add(n);
    }
}
