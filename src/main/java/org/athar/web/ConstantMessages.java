package org.athar.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.WithPriority;

/**
 * The interface's sentences without parameters ({msg:layout_skip}), answered from memory. Qute's message bundle finds
 * a sentence by comparing its key with each of the bundle's 575 keys in turn and then renders the sentence as a
 * template; pages write hundreds of them (a label in every row of a list), which was a fifth of a monument page's
 * rendering. A sentence without parameters is the same every time in a language, so it is looked up once per language
 * and kept; sentences with parameters go on to the bundle.
 */
@EngineConfiguration
public class ConstantMessages implements NamespaceResolver {

    /** What is kept for a key that is not a sentence without parameters: the bundle answers it. */
    private static final String NOT_CONSTANT = new String("not constant");

    private final Map<Language, Map<String, String>> sentences = new ConcurrentHashMap<>();

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
        if (!context.getParams().isEmpty()) {
            return Results.notFound(context);
        }
        // the language the bundle would choose: the template's locale, else the variant the request accepted, else English
        Object locale = context.getAttribute(TemplateInstance.LOCALE);
        if (locale == null && context.getAttribute(TemplateInstance.SELECTED_VARIANT) instanceof Variant variant) {
            locale = variant.getLocale();
        }
        Language language = locale == null ? Language.EN : Language.of(locale);
        String sentence = sentences.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(context.getName(), name -> sentence(language, name));
        return sentence == NOT_CONSTANT ? Results.notFound(context) : CompletedStage.of(sentence);
    }

    private static String sentence(Language language, String name) {
        try {
            Method method = Messages.class.getMethod(name);
            return method.getReturnType() == String.class ? (String) method.invoke(language.messages()) : NOT_CONSTANT;
        } catch (NoSuchMethodException e) {
            return NOT_CONSTANT;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The sentence " + name + " could not be read", e);
        }
    }
}
