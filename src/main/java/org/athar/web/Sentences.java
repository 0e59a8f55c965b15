package org.athar.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.WithPriority;

/**
 * The interface's sentences ({msg:layout_skip}, {msg:claim_reliability(label)}), answered without the bundle's search
 * for them: Qute's message bundle finds a sentence by comparing its key with each of the bundle's 575 keys in turn.
 * Pages write hundreds of sentences (a label in every row of a list): that search was a fifth of a monument page's
 * rendering while it was made for every sentence, and still a twentieth while it was made for those with parameters
 * (one in every claim and every event). A sentence without parameters is the same every time in a language, so it is
 * looked up once per language and kept; one with parameters is the bundle's own method, found once by its name.
 */
@EngineConfiguration
public class Sentences implements NamespaceResolver {

    /** What is kept for a key that is not a sentence without parameters: the bundle answers it. */
    private static final String NOT_CONSTANT = new String("not constant");

    /** The bundle's methods by name: a message's key is its method's name, which Qute allows only once. */
    private static final Map<String, Method> METHODS = Arrays.stream(Messages.class.getMethods())
            .collect(Collectors.toMap(Method::getName, Function.identity()));

    private final Map<Language, Map<String, String>> constants = new EnumMap<>(Map.of(
            Language.EN, new ConcurrentHashMap<>(), Language.AR, new ConcurrentHashMap<>()));
    private final Map<Language, Messages> bundles = new ConcurrentHashMap<>();

    @Override
    public String getNamespace() {
        return "msg";
    }

    @Override
    public int getPriority() {
        return WithPriority.DEFAULT_PRIORITY + 10; // before the bundle's own resolver
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        // the language the bundle would choose: the template's locale, else the variant the request accepted, else English
        Object locale = context.getAttribute(TemplateInstance.LOCALE);
        if (locale == null && context.getAttribute(TemplateInstance.SELECTED_VARIANT) instanceof Variant variant) {
            locale = variant.getLocale();
        }
        Language language = locale == null ? Language.EN : Language.of(locale);
        List<Expression> params = context.getParams();
        if (params.isEmpty()) {
            // get first: computeIfAbsent locks the map's bin when the key is not its first, and every page asks
            Map<String, String> known = constants.get(language);
            String sentence = known.get(context.getName());
            if (sentence == null) {
                sentence = known.computeIfAbsent(context.getName(), name -> constant(language, name));
            }
            return sentence == NOT_CONSTANT ? Results.notFound(context) : CompletedStage.of(sentence);
        }
        Method method = METHODS.get(context.getName());
        if (method == null || method.getParameterCount() != params.size() || method.getReturnType() != String.class) {
            return Results.notFound(context);
        }
        Object[] args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
            // the parameters are values of the page's data, known now; anything else goes on to the bundle
            if (!(context.evaluate(params.get(i)) instanceof CompletedStage<Object> value) || value.isFailure()) {
                return Results.notFound(context);
            }
            args[i] = value.get();
        }
        try {
            return CompletedStage.of(method.invoke(bundles.computeIfAbsent(language, Language::messages), args));
        } catch (IllegalArgumentException e) {
            return Results.notFound(context); // a value of another type than the method's: the bundle converts it
        } catch (IllegalAccessException | InvocationTargetException e) {
            return CompletedStage.failure(new IllegalStateException("The sentence " + context.getName() + " could not be written", e));
        }
    }

    private static String constant(Language language, String name) {
        Method method = METHODS.get(name);
        if (method == null || method.getParameterCount() > 0 || method.getReturnType() != String.class) {
            return NOT_CONSTANT;
        }
        try {
            return (String) method.invoke(language.messages());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The sentence " + name + " could not be read", e);
        }
    }
}
