package org.athar.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state-changing route of the application, found by looking at the resources themselves (not a list kept
 * by hand), must require a signed-in account; the only exception is signing in.
 */
@QuarkusTest
class RouteSecurityTest {

    private static final Set<String> OPEN_ON_PURPOSE = Set.of("LoginResource.login");

    @Test
    void everyWriteRouteRefusesAnonymousUsers() {
        List<String> writes = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith("org.athar") || !type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                boolean write = method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                        || method.isAnnotationPresent(DELETE.class) || method.isAnnotationPresent(PATCH.class);
                if (!write) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                writes.add(name);
                boolean guarded = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(Authenticated.class)
                        || type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(Authenticated.class);
                boolean open = method.isAnnotationPresent(PermitAll.class) && OPEN_ON_PURPOSE.contains(name);
                if (!guarded && !open) {
                    unguarded.add(name);
                }
            }
        }
        assertTrue(writes.size() >= 4, "the scan found the write routes: " + writes);
        assertEquals(List.of(), unguarded, "write routes that anonymous users could call");
    }
}
